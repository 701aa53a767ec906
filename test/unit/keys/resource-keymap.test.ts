import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {resolveKey} from '../../../source/keys/dispatch.js';
import {keymap, type Scope} from '../../../source/keys/keymap.js';
import {scopeTitles} from '../../../source/keys/help-lines.js';
import {parseView} from '../../../source/actions/views.js';

const scopes: Scope[] = ['images', 'volumes', 'networks', 'disk', 'history'];

describe('images, volumes, networks and disk-usage keys', () => {
	for (const scope of scopes) {
		test(`${scope}: a title, no key bound twice, every binding described`, () => {
			assert.ok(scopeTitles[scope]);
			const seen = new Map<string, string>();
			for (const binding of keymap.filter(b => b.scope === scope)) {
				assert.ok(binding.description.trim());
				for (const key of binding.keys) {
					assert.equal(seen.get(key), undefined, `"${key}" twice in ${scope}`);
					seen.set(key, binding.command);
				}
			}
		});
	}

	const cases: Array<[string, Scope, string | undefined, boolean]> = [
		['P', 'images', 'pull', false],
		['P', 'images', undefined, true],
		['D', 'images', 'remove', false],
		['x', 'images', 'prune', false],
		['X', 'images', 'prune-all', false],
		['x', 'volumes', undefined, true],
		['c', 'volumes', 'create', false],
		['c', 'volumes', undefined, true],
		['D', 'networks', undefined, true],
		['a', 'images', 'toggle-untagged', true],
		['return', 'images', 'image-history', true],
		['i', 'volumes', 'open-inspect', true],
		['U', 'images', 'disk-usage', true],
		['U', 'containers', 'disk-usage', true],
		['escape', 'history', 'back', true],
	];
	for (const [key, scope, command, readOnly] of cases) {
		test(`"${key}" in ${scope}${readOnly ? ' (read-only)' : ''} → ${command ?? 'nothing'}`, () => {
			assert.equal(resolveKey(key, scope, readOnly)?.command, command);
		});
	}

	test('every command that changes the engine here is dangerous, and the removals and prunes confirm', () => {
		for (const binding of keymap.filter(b => scopes.includes(b.scope))) {
			const changes = ['pull', 'push', 'tag', 'untag', 'load', 'build', 'remove', 'prune', 'prune-all', 'create'].includes(binding.command);
			assert.equal(binding.dangerous, changes, binding.command);
			// Making something (a pull, a push, a tag, a volume) asks for its name instead of a yes.
			if (!['pull', 'push', 'tag', 'load', 'build', 'create'].includes(binding.command)) assert.equal(binding.confirm === 'destroys', changes, binding.command);
		}
	});

	const views: Array<[string, string]> = [[':images', 'images'], ['im', 'images'], ['vol', 'volumes'], ['net', 'networks'], ['df', 'disk'], [':DF', 'disk']];
	for (const [text, view] of views) test(`:${text} opens ${view}`, () => assert.equal(parseView(text), view));
});
