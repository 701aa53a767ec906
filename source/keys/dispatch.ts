import {keyLabel} from './key-labels.js';
import {keymap, type Binding, type CommandId, type Scope} from './keymap.js';

/** The subset of Ink's `Key` that names a key. */
export type KeyFlags = {
	upArrow?: boolean; downArrow?: boolean; leftArrow?: boolean; rightArrow?: boolean;
	pageUp?: boolean; pageDown?: boolean; home?: boolean; end?: boolean;
	return?: boolean; escape?: boolean; tab?: boolean; backspace?: boolean; delete?: boolean;
	ctrl?: boolean; meta?: boolean; shift?: boolean;
};

/** Turns Ink's (input, key) pair into one key name as the keymap spells it. */
export function keyName(input: string, key: KeyFlags): string {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'return';
	if (key.escape) return 'escape';
	if (key.tab) return 'tab';
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
	return input;
}

/** The bindings in force: with --read-only every dangerous one is gone. */
export function activeBindings(readOnly: boolean): Binding[] {
	return keymap.filter(binding => !(readOnly && binding.dangerous));
}

/** Finds the command for a key: the view's own scope first, then global. */
export function resolveKey(key: string, scope: Scope, readOnly: boolean): Binding | undefined {
	const bindings = activeBindings(readOnly);
	return bindings.find(binding => binding.scope === scope && binding.keys.includes(key))
		?? bindings.find(binding => binding.scope === 'global' && binding.keys.includes(key));
}

/** The first key bound to a command in a scope, for hints and dialogs. */
export function keyFor(command: CommandId, scope: Scope, readOnly = false): string | undefined {
	return activeBindings(readOnly).find(binding => binding.command === command && (binding.scope === scope || binding.scope === 'global'))?.keys[0];
}

/**
 * Footer hints for a scope, generated from the keymap, with keys as people
 * read them ("Enter", not "return"). A global row shows its first key that
 * the scope leaves to it: in logs, where q goes back, quit reads "Ctrl-C quit".
 */
export function hints(scope: Scope, readOnly: boolean): Array<{key: string; label: string}> {
	return activeBindings(readOnly)
		.filter(binding => binding.hint && (binding.scope === scope || binding.scope === 'global'))
		.flatMap(binding => {
			const key = binding.scope === 'global' ? binding.keys.find(each => resolveKey(each, scope, readOnly) === binding) : binding.keys[0];
			return key === undefined ? [] : [{key: keyLabel(key), label: binding.hint ?? ''}];
		});
}
