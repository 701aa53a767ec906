import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {activeBindings, hints, keyFor, keyName, resolveKey, type KeyFlags} from '../../../source/keys/dispatch.js';
import {keymap, type Scope} from '../../../source/keys/keymap.js';
import {keyLabel} from '../../../source/keys/key-labels.js';

const scopes: Scope[] = ['global', 'containers', 'help', 'top', 'inspect', 'events', 'files'];
const dangerous = keymap.filter(binding => binding.dangerous);

describe('keymap invariants', () => {
	test('every binding has a description and at least one non-empty key', () => {
		for (const binding of keymap) {
			assert.ok(binding.description.trim().length > 0, `${binding.scope}/${binding.command} has no description`);
			assert.ok(binding.keys.length > 0, `${binding.scope}/${binding.command} has no keys`);
			for (const key of binding.keys) assert.ok(key.length > 0, `${binding.scope}/${binding.command} has an empty key`);
		}
	});

	for (const scope of scopes) {
		test(`no key is bound twice in scope ${scope}`, () => {
			const seen = new Map<string, string>();
			for (const binding of keymap.filter(b => b.scope === scope)) {
				for (const key of binding.keys) {
					assert.equal(seen.get(key), undefined, `"${key}" is bound to both ${seen.get(key)} and ${binding.command} in ${scope}`);
					seen.set(key, binding.command);
				}
			}
		});
	}

	test('a command is bound at most once per scope', () => {
		const seen = new Set<string>();
		for (const binding of keymap) {
			const id = `${binding.scope}/${binding.command}`;
			assert.ok(!seen.has(id), `${id} appears twice`);
			seen.add(id);
		}
	});

	test('every command that asks for confirmation is dangerous', () => {
		const confirming = keymap.filter(binding => binding.confirm);
		assert.ok(confirming.length > 0, 'the table has confirming commands to check');
		for (const binding of confirming) assert.equal(binding.dangerous, true, `${binding.command} confirms but is not dangerous`);
	});

	test('the engine-changing commands are the dangerous ones', () => {
		assert.deepEqual([...new Set(dangerous.map(binding => binding.command))].sort(), ['attach', 'build', 'commit', 'compose-down', 'compose-up', 'copy-in', 'create', 'exec', 'exec-command', 'force-update', 'kill', 'load', 'node-active', 'node-drain', 'node-pause', 'pause', 'prune', 'prune-all', 'pull', 'push', 'remove', 'restart', 'rollback', 'scale', 'start-stop', 'tag', 'untag']);
	});
});

describe('read-only', () => {
	test('activeBindings(true) holds no dangerous binding and every safe one', () => {
		const active = activeBindings(true);
		assert.equal(active.filter(binding => binding.dangerous).length, 0);
		assert.deepEqual(active, keymap.filter(binding => !binding.dangerous));
	});

	test('activeBindings(false) is the whole keymap', () => {
		assert.deepEqual(activeBindings(false), [...keymap]);
	});

	for (const binding of dangerous) {
		for (const key of binding.keys) {
			test(`"${key}" (${binding.command}) resolves when writable and nowhere when read-only`, () => {
				assert.equal(resolveKey(key, binding.scope, false), binding);
				// A scope may bind the same key to something safe (P is pull for images, sort by PID in top); never to this.
				for (const scope of scopes) assert.notEqual(resolveKey(key, scope, true), binding, `"${key}" resolves in ${scope}`);
				for (const scope of scopes) assert.notEqual(resolveKey(key, scope, true)?.dangerous, true, `"${key}" resolves to a dangerous command in ${scope}`);
			});
		}
	}
});

describe('resolveKey', () => {
	const cases: Array<[string, Scope, string | undefined, string | undefined]> = [
		['j', 'containers', 'down', 'containers'],
		['k', 'help', 'up', 'help'],
		['j', 'help', 'down', 'help'],
		['q', 'containers', 'quit', 'global'],
		['q', 'logs', 'back', 'logs'],
		['q', 'top', 'back', 'top'],
		['q', 'images', 'quit', 'global'],
		['ctrl+c', 'logs', 'quit', 'global'],
		['ctrl+c', 'help', 'quit', 'global'],
		['escape', 'containers', 'back', 'global'],
		['?', 'help', 'help', 'global'],
		['G', 'containers', 'bottom', 'containers'],
		['G', 'help', undefined, undefined],
		['/', 'help', undefined, undefined],
		['x', 'containers', undefined, undefined],
		['F', 'containers', 'open-files', 'containers'],
		['return', 'files', 'open-entry', 'files'],
		['backspace', 'files', 'parent', 'files'],
		['h', 'files', 'parent', 'files'],
		['y', 'files', 'copy-out', 'files'],
		['Y', 'files', 'copy-in', 'files'],
		['q', 'files', 'back', 'files'],
		['/', 'files', 'filter', 'files'],
	];
	for (const [key, scope, command, from] of cases) {
		test(`"${key}" in ${scope} -> ${command ?? 'nothing'}`, () => {
			const binding = resolveKey(key, scope, false);
			assert.equal(binding?.command, command);
			assert.equal(binding?.scope, from);
		});
	}
});

describe('hints and keyFor come from the table', () => {
	for (const scope of scopes) {
		for (const readOnly of [false, true]) {
			test(`hints for ${scope}${readOnly ? ', read-only' : ''}`, () => {
				// A global row is hinted by its first key that the scope does not take for itself.
				const expected = keymap
					.filter(binding => binding.hint && (binding.scope === scope || binding.scope === 'global') && !(readOnly && binding.dangerous))
					.flatMap(binding => {
						const key = binding.scope === 'global' ? binding.keys.find(each => !keymap.some(own => own !== binding && own.scope === scope && own.keys.includes(each) && !(readOnly && own.dangerous))) : binding.keys[0];
						return key === undefined ? [] : [{key: keyLabel(key), label: binding.hint}];
					});
				assert.deepEqual(hints(scope, readOnly), expected);
				assert.ok(expected.length > 0);
			});
		}
	}

	const quitHints: Array<[Scope, string]> = [['containers', 'q'], ['files', 'Ctrl-C'], ['images', 'q'], ['logs', 'Ctrl-C'], ['top', 'Ctrl-C'], ['inspect', 'Ctrl-C'], ['history', 'Ctrl-C'], ['help', 'Ctrl-C']];
	for (const [scope, key] of quitHints) {
		test(`quit is hinted as ${key} in ${scope} (q goes back in a sub-view)`, () => {
			assert.deepEqual(hints(scope, false).find(hint => hint.label === 'quit'), {key, label: 'quit'});
		});
	}

	test('read-only hints name no dangerous command', () => {
		const labels = hints('containers', true).map(hint => hint.label);
		for (const binding of dangerous) if (binding.hint) assert.ok(!labels.includes(binding.hint), binding.hint);
		assert.ok(hints('containers', false).some(hint => hint.label === 'remove'));
	});

	const keyForCases: Array<[Parameters<typeof keyFor>, string | undefined]> = [
		[['remove', 'containers'], 'D'],
		[['remove', 'containers', true], undefined],
		[['kill', 'containers'], 'K'],
		[['quit', 'help'], 'q'],
		[['filter', 'help'], undefined],
		[['down', 'help'], 'down'],
	];
	for (const [args, expected] of keyForCases) {
		test(`keyFor(${args.join(', ')}) -> ${expected}`, () => {
			assert.equal(keyFor(...args), expected);
		});
	}
});

describe('keyName', () => {
	const cases: Array<[string, string, KeyFlags, string]> = [
		['plain letter', 'j', {}, 'j'],
		['shifted letter keeps its case', 'G', {shift: true}, 'G'],
		['punctuation', '?', {}, '?'],
		['up arrow', '', {upArrow: true}, 'up'],
		['down arrow', '', {downArrow: true}, 'down'],
		['left arrow', '', {leftArrow: true}, 'left'],
		['right arrow', '', {rightArrow: true}, 'right'],
		['page up', '', {pageUp: true}, 'pageup'],
		['page down', '', {pageDown: true}, 'pagedown'],
		['home', '', {home: true}, 'home'],
		['end', '', {end: true}, 'end'],
		['return', '', {return: true}, 'return'],
		['escape', '', {escape: true}, 'escape'],
		['tab', '', {tab: true}, 'tab'],
		['backspace', '', {backspace: true}, 'backspace'],
		['delete reads as backspace', '', {delete: true}, 'backspace'],
		['ctrl+c', 'c', {ctrl: true}, 'ctrl+c'],
		['ctrl is lower-cased', 'D', {ctrl: true, shift: true}, 'ctrl+d'],
		['ctrl without input is just the input', '', {ctrl: true}, ''],
		['an arrow wins over ctrl', '', {ctrl: true, upArrow: true}, 'up'],
		['meta passes the input through', 'x', {meta: true}, 'x'],
	];
	for (const [name, input, flags, expected] of cases) {
		test(name, () => {
			assert.equal(keyName(input, flags), expected);
		});
	}
});
