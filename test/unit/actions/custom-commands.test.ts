import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {findCommand, runInBackground, usableCommands} from '../../../source/actions/custom-commands.js';
import {ConfigError} from '../../../source/cli/config-load.js';
import {parseConfig} from '../../../source/cli/config-parse.js';
import {commandForKey} from '../../../source/keys/command-keys.js';
import type {CustomCommand} from '../../../source/domain/command-template.js';
import type {ContainerRow} from '../../../source/domain/container.js';
import {initialState} from '../../../source/store/initial-state.js';
import {createStore} from '../../../source/store/store.js';
import {fixtureRows} from '../../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'porthole-commands-'));
after(() => rmSync(dir, {recursive: true, force: true}));
const canary = join(dir, 'pwned');
const base = fixtureRows()[0];
assert.ok(base);
/** A container name that would run `touch` if it ever reached a shell as text. */
const hostile = `x; touch ${canary}; $(touch ${canary}) \`touch ${canary}\` "q" 'q' | cat`;
const row: ContainerRow = {...base, name: hostile};
const store = () => createStore(initialState({target: 'unix:///x.sock'}), {batchMs: 0});

describe('custom commands run with hostile names, safely', () => {
	test('argv mode: the name reaches the program as one argument, byte for byte, and nothing runs', async () => {
		const result = await runInBackground(store(), {name: 'echo', scopes: ['containers'], argv: ['printf', '%s', '{name}']}, row);
		assert.equal(result.code, 0);
		assert.equal(result.output, hostile);
		assert.equal(existsSync(canary), false, 'no shell ever saw the name');
	});

	test('shell mode: the script reads the name from the environment; it is never pasted in', async () => {
		const result = await runInBackground(store(), {name: 'sh', scopes: ['containers'], shell: true, argv: ['printf "%s" "$PORTHOLE_NAME"']}, row);
		assert.equal(result.code, 0);
		assert.equal(result.output, hostile);
		assert.equal(existsSync(canary), false);
	});

	test('the status bar says how it ended, with the last line sanitised', async () => {
		const s = store();
		await runInBackground(s, {name: 'fail', scopes: ['containers'], argv: ['sh', '-c', 'printf "bad\\033]0;title\\007 thing\\n"; exit 3']}, row);
		assert.equal(s.getSnapshot().notice?.text, 'fail: exit 3: bad thing');
		assert.equal(s.getSnapshot().notice?.level, 'error');
	});

	test('a missing program is a one-line error, not a crash', async () => {
		const s = store();
		const result = await runInBackground(s, {name: 'nope', scopes: ['containers'], argv: ['/nonexistent/porthole-nothing']}, row);
		assert.equal(result.code, null);
		assert.match(s.getSnapshot().notice?.text ?? '', /^nope: cannot run \/nonexistent\/porthole-nothing: /);
	});
});

describe('choosing a command', () => {
	const commands: CustomCommand[] = [
		{name: 'du', scopes: ['containers'], argv: ['du'], readOnlySafe: true},
		{name: 'pull', scopes: ['containers'], argv: ['docker', 'compose', 'pull']},
		{name: 'pull-all', scopes: ['containers'], argv: ['x']},
	];
	const cases: Array<[string, string | undefined]> = [['du', 'du'], ['DU', 'du'], ['pull', 'pull'], ['pull-', 'pull-all'], ['p', undefined], ['zz', undefined]];
	for (const [typed, expected] of cases) test(`"${typed}" → ${expected}`, () => assert.equal(findCommand(commands, typed)?.name, expected));
	test('read-only keeps only readOnlySafe commands', () => assert.deepEqual(usableCommands(commands, true).map(each => each.name), ['du']));
});

describe('commands in the config file', () => {
	const load = (yaml: string) => parseConfig(yaml, 'c.yaml').config.commands;
	test('a good list, with defaults filled in', () => {
		assert.deepEqual(load('commands:\n  - name: du\n    argv: [du, -sh, /]\n    mode: exec\n    readOnlySafe: true\n'), [{name: 'du', argv: ['du', '-sh', '/'], mode: 'exec', readOnlySafe: true, scopes: ['containers'], shell: false, confirm: false}]);
	});
	const bad: Array<[string, string, RegExp]> = [
		['no name', 'commands:\n  - argv: [x]\n', /^c\.yaml:2:5: commands\.0\.name: /],
		['argv a string', 'commands:\n  - name: a\n    argv: rm -rf /\n', /^c\.yaml:3:11: commands\.0\.argv: expected array/],
		['unknown scope', 'commands:\n  - name: a\n    argv: [x]\n    scopes: [pods]\n', /^c\.yaml:4:14: commands\.0\.scopes\.0: expected one of/],
		['unknown field for the scope', 'commands:\n  - name: a\n    argv: [echo, "{service}"]\n    scopes: [images]\n', /^c\.yaml:3:11: commands\.0\.argv: unknown field \{service\} for images/],
		['a typo in a field', 'commands:\n  - name: a\n    argv: [echo, "{nmae}"]\n', /unknown field \{nmae\} for containers/],
		['exec outside containers', 'commands:\n  - name: a\n    argv: [x]\n    mode: exec\n    scopes: [volumes]\n', /^c\.yaml:4:11: commands\.0\.mode: mode exec runs inside a container/],
		['shell not boolean', 'commands:\n  - name: a\n    argv: [x]\n    shell: "yes"\n', /commands\.0\.shell: expected boolean/],
		['unknown mode', 'commands:\n  - name: a\n    argv: [x]\n    mode: popup\n', /commands\.0\.mode: expected one of/],
		['key taken by the view', 'commands:\n  - name: a\n    argv: [x]\n    key: s\n', /^c\.yaml:4:10: "s" is bound twice in containers: to start-stop and to command "a"/],
		['key taken globally', 'commands:\n  - name: a\n    argv: [x]\n    key: "?"\n    scopes: [volumes]\n', /"\?" is bound twice in volumes: to global help and to command "a"/],
		['two commands on one key', 'commands:\n  - name: a\n    argv: [x]\n    key: ctrl+g\n  - name: b\n    argv: [y]\n    key: ctrl+g\n    scopes: [projects]\n', /^c\.yaml:7:10: "ctrl\+g" is bound twice in containers: to command "a" and to command "b"/],
	];
	for (const [name, yaml, message] of bad) {
		test(`${name}: one line with its position`, () => {
			assert.throws(() => parseConfig(yaml, 'c.yaml'), (error: unknown) => error instanceof ConfigError && message.test(error.message) && !error.message.includes('\n'));
		});
	}
	test('a free key in another view is accepted', () => {
		assert.equal(load('commands:\n  - name: a\n    argv: [x]\n    key: ctrl+g\n    scopes: [images, projects]\n')[0]?.key, 'ctrl+g');
	});
});

describe('custom keys', () => {
	const commands = [{name: 'a', key: 'ctrl+g', scopes: ['projects' as const]}, {name: 'b', key: 'ctrl+t', scopes: ['volumes' as const]}];
	const cases: Array<[string, string, string | undefined]> = [['ctrl+g', 'containers', 'a'], ['ctrl+g', 'volumes', undefined], ['ctrl+t', 'volumes', 'b'], ['x', 'containers', undefined]];
	for (const [key, view, expected] of cases) test(`${key} in ${view} → ${expected}`, () => assert.equal(commandForKey(commands, key, view)?.name, expected));
});
