import {activeBindings} from './dispatch.js';
import {keyLabel, labelFor} from './key-labels.js';
import type {Binding, Scope} from './keymap.js';
import {lineCommands} from './line-commands.js';

/** One line of the help view. */
export type HelpLine = {key: string; text: string; title?: boolean};

/** Section titles of the help view, one per scope; a new scope adds its title here. */
export const scopeTitles: Record<Scope, string> = {global: 'Everywhere', containers: 'Containers', help: 'Help', images: 'Images', history: 'Image history', volumes: 'Volumes', networks: 'Networks', disk: 'Disk usage', top: 'Processes (top)', inspect: 'Inspect', events: 'Events', logs: 'Logs', output: 'Command output', registry: 'Registry browser and Docker Hub search', files: 'Files of a container', services: 'Swarm services', tasks: 'Tasks of a service', nodes: 'Swarm nodes', stacks: 'Swarm stacks', prompt: 'Typing a line (/ filter, : command, search, names)', confirm: 'Yes/no dialogs'};

/** What a row says about asking first, from its `confirm` field, so no description repeats it by hand. */
function asks(binding: Binding, noConfirm: boolean): string {
	if (binding.confirm === 'destroys' || (binding.confirm === 'interrupts' && !noConfirm)) return ` (asks first: ${labelFor('yes', 'confirm')})`;
	return '';
}

/**
 * The help text, generated from the keymap: every binding in force, by scope.
 * The scope of the view help was opened over comes first, then the global
 * keys, then the rest; the `:` names follow, from the line table.
 */
export function helpLines(readOnly: boolean, from?: Scope, noConfirm = false): HelpLine[] {
	const lines: HelpLine[] = [];
	const all = Object.keys(scopeTitles) as Scope[];
	const first: Scope[] = from && from !== 'help' && from !== 'global' ? [from, 'global'] : ['global'];
	const order = [...first, ...all.filter(scope => !first.includes(scope))];
	for (const scope of order) {
		const bindings = activeBindings(readOnly).filter(binding => binding.scope === scope);
		if (bindings.length === 0) continue;
		lines.push({key: `t-${scope}`, text: scopeTitles[scope], title: true});
		for (const binding of bindings) {
			lines.push({key: `${scope}-${binding.command}`, text: `  ${binding.keys.map(keyLabel).join(', ').padEnd(16)} ${binding.description}${asks(binding, noConfirm)}`});
		}
		if (scope === 'global') {
			for (const entry of lineCommands) {
				lines.push({key: `line-${entry.name}`, text: `  ${`:${[entry.name, ...entry.aliases].join(', :')}`.padEnd(16)} ${entry.description}`});
			}
		}
	}
	if (readOnly) lines.push({key: 'ro', text: 'Read-only: commands that change the engine are disabled.'});
	return lines;
}

/** The furthest the help view can scroll with `visible` lines on screen. */
export function maxHelpScroll(readOnly: boolean, visible: number, from?: Scope): number {
	return Math.max(0, helpLines(readOnly, from).length - visible);
}

/** The help view's heading hint: the keys that leave it, from the keymap ("Esc or ? to go back"). */
export function helpLeaveKeys(): string {
	return `${labelFor('back', 'help')} or ${labelFor('help', 'help')} to go back`;
}
