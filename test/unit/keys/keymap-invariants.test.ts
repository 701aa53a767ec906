import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {handlerFor} from '../../../source/actions/commands.js';
import {modeCommands} from '../../../source/actions/dispatch.js';
import {activeBindings, hints, resolveKey} from '../../../source/keys/dispatch.js';
import {helpLines} from '../../../source/keys/help-lines.js';
import {keymap, type Scope, type ViewScope} from '../../../source/keys/keymap.js';
import {lineCommands} from '../../../source/keys/line-commands.js';

// Every scope comes from the keymap itself, never from a hand list, so a new scope is checked the day it appears.
const scopes = [...new Set(keymap.map(binding => binding.scope))];
const modeScopes = new Set<Scope>(['prompt', 'confirm']);
const viewScopes = scopes.filter((scope): scope is ViewScope => scope !== 'global' && !modeScopes.has(scope));
const allKeys = [...new Set(keymap.flatMap(binding => binding.keys))];

describe('the scopes under test come from the keymap', () => {
	test('they include logs, the scope with the most bindings, and every view the : line opens', () => {
		assert.ok(viewScopes.includes('logs'));
		for (const entry of lineCommands) if (entry.view) assert.ok(viewScopes.includes(entry.view), entry.view);
	});
});

for (const scope of scopes) {
	describe(`scope ${scope}`, () => {
		const own = keymap.filter(binding => binding.scope === scope);

		test('every binding reaches a handler', () => {
			for (const binding of own) {
				if (modeScopes.has(scope)) {
					assert.ok(modeCommands[scope as 'prompt' | 'confirm'].includes(binding.command), `${scope}/${binding.command} has no mode handler`);
				} else if (scope === 'global') {
					// A global row acts in every view that does not bind the same key itself, through that view's handler or the global one.
					for (const view of viewScopes) {
						for (const key of binding.keys) {
							if (resolveKey(key, view, false) !== binding) continue;
							assert.ok(handlerFor(view, binding.command), `"${key}" (${binding.command}) reaches nothing in ${view}`);
						}
					}
				} else {
					assert.ok(handlerFor(scope as ViewScope, binding.command), `${scope}/${binding.command} has no handler`);
				}
			}
		});

		test('no key is bound twice', () => {
			const seen = new Map<string, string>();
			for (const binding of own) {
				for (const key of binding.keys) {
					assert.equal(seen.get(key), undefined, `"${key}" is bound to both ${seen.get(key)} and ${binding.command} in ${scope}`);
					seen.set(key, binding.command);
				}
			}
		});

		if (viewScopes.includes(scope as ViewScope)) {
			test('with the global fallthrough, each key resolves to one row, and every global command stays reachable', () => {
				for (const key of allKeys) {
					const found = keymap.filter(binding => (binding.scope === scope || binding.scope === 'global') && binding.keys.includes(key));
					const expected = found.find(binding => binding.scope === scope) ?? found[0];
					assert.equal(resolveKey(key, scope, false), expected, key);
				}
				for (const global of keymap.filter(binding => binding.scope === 'global')) {
					const reachable = global.keys.some(key => resolveKey(key, scope, false) === global) || own.some(binding => binding.command === global.command);
					assert.ok(reachable, `${global.command} cannot be reached in ${scope}: every key of it is taken`);
				}
			});
		}

		test('every dangerous command is gone in --read-only: keys, hints and help', () => {
			for (const key of allKeys) assert.notEqual(resolveKey(key, scope, true)?.dangerous, true, `"${key}" still acts in ${scope}`);
			const labels = new Set(hints(scope, true).map(hint => hint.label));
			for (const binding of own.filter(each => each.dangerous)) {
				if (binding.hint && !keymap.some(each => !each.dangerous && each.hint === binding.hint && (each.scope === scope || each.scope === 'global'))) {
					assert.ok(!labels.has(binding.hint), `hint "${binding.hint}" shown in ${scope}`);
				}
				assert.ok(!helpLines(true).some(line => line.text.endsWith(binding.description) || line.text.includes(`${binding.description} (`)), `help still lists ${binding.command} in ${scope}`);
			}
			assert.ok(activeBindings(true).every(binding => !binding.dangerous));
		});

		test('a row that confirms is dangerous, and says how', () => {
			for (const binding of own.filter(each => each.confirm)) {
				assert.equal(binding.dangerous, true, binding.command);
				assert.ok(binding.confirm === 'destroys' || binding.confirm === 'interrupts', binding.command);
			}
		});
	});
}

/** Source files outside `keys`, with comments removed. */
function sourceTexts(dir: string): Array<[string, string]> {
	const out: Array<[string, string]> = [];
	for (const entry of readdirSync(dir, {withFileTypes: true})) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) {
			if (entry.name !== 'keys') out.push(...sourceTexts(path));
		} else if (/\.tsx?$/.test(entry.name)) {
			const code = readFileSync(path, 'utf8').split('\n').filter(line => !/^\s*(\/\/|\/\*\*?|\*)/.test(line)).join('\n').replace(/\s\/\/ .*$/gm, '');
			out.push([path, code]);
		}
	}
	return out;
}

describe('no key name is written by hand outside the keymap', () => {
	// Ctrl-P Ctrl-Q (docker's detach keys) and a shell's own Ctrl-D are the child's keys, not ours.
	const handWritten = /\b(Enter|Esc|Space)\b|press [A-Za-z?/:] |\((q|G|a|P|y)( or [A-Za-z]+)? [a-z]+s\b|\by\/Enter\b/;
	for (const [path, code] of sourceTexts('source')) {
		test(path, () => {
			const line = code.split('\n').find(each => handWritten.test(each));
			assert.equal(line, undefined, `${path} names a key by hand: ${line?.trim()}`);
		});
	}
});
