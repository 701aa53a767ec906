import type {CommandScope, CustomCommand} from '../domain/command-template.js';
import {KeymapError} from './keymap-overrides.js';
import type {Binding, ViewScope} from './keymap.js';

/** The view a command scope's key works in: a project's header row lives in the containers view. */
export function viewOfScope(scope: CommandScope): ViewScope {
	return scope === 'projects' ? 'containers' : scope;
}

/**
 * The keymap's invariants for custom commands' keys: a key may not take one
 * the view already binds, nor a global one (that would hide it there), nor
 * one another custom command takes in the same view. Throws KeymapError
 * naming the pair, with the path of the command's `key` in the config.
 */
export function checkCommandKeys(rows: readonly Binding[], commands: ReadonlyArray<Pick<CustomCommand, 'name' | 'key' | 'scopes'>>): void {
	const taken = new Map<string, string>();
	commands.forEach((command, index) => {
		if (command.key === undefined) return;
		const path = ['commands', String(index), 'key'];
		for (const view of new Set(command.scopes.map(viewOfScope))) {
			const binding = rows.find(row => (row.scope === view || row.scope === 'global') && row.keys.includes(command.key!));
			if (binding) throw new KeymapError(`"${command.key}" is bound twice in ${view}: to ${binding.scope === 'global' ? 'global ' : ''}${binding.command} and to command "${command.name}"`, path);
			const other = taken.get(`${view} ${command.key}`);
			if (other !== undefined && other !== command.name) throw new KeymapError(`"${command.key}" is bound twice in ${view}: to command "${other}" and to command "${command.name}"`, path);
			taken.set(`${view} ${command.key}`, command.name);
		}
	});
}

/** The custom command a key runs in a view, if any. */
export function commandForKey<T extends Pick<CustomCommand, 'key' | 'scopes'>>(commands: readonly T[], key: string, view: string): T | undefined {
	return commands.find(command => command.key === key && command.scopes.some(scope => viewOfScope(scope) === view));
}
