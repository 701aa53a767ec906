import {keymap, type CommandId, type Scope} from './keymap.js';

/** How a key the keymap names reads on screen, as lazydocker and k9s write them. */
const named: Record<string, string> = {
	return: 'Enter', escape: 'Esc', ' ': 'Space', tab: 'Tab', backspace: 'Backspace',
	up: 'Up', down: 'Down', left: 'Left', right: 'Right',
	pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End',
};

/** A keymap key name as a person reads it: `return` is "Enter", `ctrl+d` is "Ctrl-D", ` ` is "Space". */
export function keyLabel(key: string): string {
	const word = named[key];
	if (word) return word;
	if (key.startsWith('ctrl+')) return `Ctrl-${key.slice(5).toUpperCase()}`;
	return key;
}

/**
 * The label of the first key bound to `command` in `scope` (or global), for
 * text that names a key: "press f to type it", "Enter runs". Undefined when
 * nothing in force is bound to it (say, a dangerous command in --read-only).
 */
export function labelFor(command: CommandId, scope: Scope, readOnly = false): string | undefined {
	const active = keymap.filter(each => !(readOnly && each.dangerous));
	const binding = active.find(each => each.command === command && each.scope === scope)
		?? active.find(each => each.command === command && each.scope === 'global');
	const key = binding?.keys[0];
	return key === undefined ? undefined : keyLabel(key);
}

/** Every key bound to `command` in `scope`, as people read them: "G or End". */
export function labelsFor(command: CommandId, scope: Scope, readOnly = false): string {
	const binding = keymap.find(each => each.command === command && each.scope === scope && !(readOnly && each.dangerous));
	return (binding?.keys ?? []).map(keyLabel).join(' or ');
}

/** The tail of a prompt's help: "Enter pulls, Esc cancels", with the keys of the `prompt` scope. */
export function promptKeys(verb: string, cancel = 'cancels'): string {
	return `${labelFor('submit', 'prompt')} ${verb}, ${labelFor('cancel', 'prompt')} ${cancel}`;
}

/** The same for a line that opens with a suggestion: what is typed goes after it, so say how to clear it first. */
export function prefilledKeys(verb: string): string {
	return `${labelFor('clear-line', 'prompt')} clears it, ${promptKeys(verb)}`;
}

/** The answer line of a yes/no dialog, from the `confirm` scope: "y yes   any other key (Enter too) no". */
export function confirmKeys(): {yes: string; also: string; no: string} {
	return {yes: labelFor('yes', 'confirm') ?? 'y', also: labelFor('yes-also', 'confirm') ?? 'v', no: `any other key (${keyLabel('return')} too)`};
}
