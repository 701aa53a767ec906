import {activeBindings} from './dispatch.js';
import type {Scope} from './keymap.js';

/** One line of the help view. */
export type HelpLine = {key: string; text: string; title?: boolean};

/** Section titles of the help view, one per scope; a new scope adds its title here. */
export const scopeTitles: Record<Scope, string> = {global: 'Everywhere', containers: 'Containers', help: 'Help', images: 'Images', history: 'Image history', volumes: 'Volumes', networks: 'Networks', disk: 'Disk usage', top: 'Processes (top)', inspect: 'Inspect', events: 'Events', logs: 'Logs'};

/** The help text, generated from the keymap: every binding in force, by scope. */
export function helpLines(readOnly: boolean): HelpLine[] {
	const lines: HelpLine[] = [];
	for (const scope of Object.keys(scopeTitles) as Scope[]) {
		const bindings = activeBindings(readOnly).filter(binding => binding.scope === scope);
		if (bindings.length === 0) continue;
		lines.push({key: `t-${scope}`, text: scopeTitles[scope], title: true});
		for (const binding of bindings) {
			lines.push({key: `${scope}-${binding.command}`, text: `  ${binding.keys.join(', ').padEnd(16)} ${binding.description}`});
		}
	}
	if (readOnly) lines.push({key: 'ro', text: 'Read-only: commands that change the engine are disabled.'});
	return lines;
}

/** The furthest the help view can scroll with `visible` lines on screen. */
export function maxHelpScroll(readOnly: boolean, visible: number): number {
	return Math.max(0, helpLines(readOnly).length - visible);
}
