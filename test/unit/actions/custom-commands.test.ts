import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {findCommand, runInBackground, usableCommands} from '../../../source/actions/custom-commands.js';
import {CommandsFileError, commandsPath, readCommandsFile} from '../../../source/cli/commands-file.js';
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
		const result = await runInBackground(store(), {name: 'echo', scope: 'containers', argv: ['printf', '%s', '{name}']}, row);
		assert.equal(result.code, 0);
		assert.equal(result.output, hostile);
		assert.equal(existsSync(canary), false, 'no shell ever saw the name');
	});

	test('shell mode: the script reads the name from the environment; it is never pasted in', async () => {
		const result = await runInBackground(store(), {name: 'sh', scope: 'containers', shell: true, argv: ['printf "%s" "$PORTHOLE_NAME"']}, row);
		assert.equal(result.code, 0);
		assert.equal(result.output, hostile);
		assert.equal(existsSync(canary), false);
	});

	test('the status bar says how it ended, with the last line sanitised', async () => {
		const s = store();
		await runInBackground(s, {name: 'fail', scope: 'containers', argv: ['sh', '-c', 'printf "bad\\033]0;title\\007 thing\\n"; exit 3']}, row);
		assert.equal(s.getSnapshot().notice?.text, 'fail: exit 3: bad thing');
		assert.equal(s.getSnapshot().notice?.level, 'error');
	});

	test('a missing program is a one-line error, not a crash', async () => {
		const s = store();
		const result = await runInBackground(s, {name: 'nope', scope: 'containers', argv: ['/nonexistent/porthole-nothing']}, row);
		assert.equal(result.code, null);
		assert.match(s.getSnapshot().notice?.text ?? '', /^nope: cannot run \/nonexistent\/porthole-nothing: /);
	});
});

describe('choosing a command', () => {
	const commands: CustomCommand[] = [
		{name: 'du', scope: 'containers', argv: ['du'], readOnlySafe: true},
		{name: 'pull', scope: 'containers', argv: ['docker', 'compose', 'pull']},
		{name: 'pull-all', scope: 'containers', argv: ['x']},
	];
	const cases: Array<[string, string | undefined]> = [['du', 'du'], ['DU', 'du'], ['pull', 'pull'], ['pull-', 'pull-all'], ['p', undefined], ['zz', undefined]];
	for (const [typed, expected] of cases) test(`"${typed}" → ${expected}`, () => assert.equal(findCommand(commands, typed)?.name, expected));
	test('read-only keeps only readOnlySafe commands', () => assert.deepEqual(usableCommands(commands, true).map(each => each.name), ['du']));
});

describe('the commands file', () => {
	const write = (name: string, text: string) => {
		const path = join(dir, name);
		writeFileSync(path, text);
		return path;
	};
	test('where it is', () => {
		assert.equal(commandsPath({PORTHOLE_COMMANDS: '/x.json'}, '/home/u'), '/x.json');
		assert.equal(commandsPath({XDG_CONFIG_HOME: '/c'}, '/home/u'), '/c/porthole/commands.json');
		assert.equal(commandsPath({}, '/home/u'), '/home/u/.config/porthole/commands.json');
	});
	test('none is no commands', () => assert.deepEqual(readCommandsFile(join(dir, 'absent.json')), []));
	test('a good file', () => {
		const path = write('good.json', JSON.stringify([{name: 'du', argv: ['docker', 'exec', '{id}', 'du', '-sh', '/'], readOnlySafe: true}]));
		assert.deepEqual(readCommandsFile(path), [{name: 'du', scope: 'containers', argv: ['docker', 'exec', '{id}', 'du', '-sh', '/'], readOnlySafe: true}]);
	});
	const bad: Array<[string, string, RegExp]> = [
		['not JSON', '{', /not JSON/],
		['not a list', '{}', /expected a list/],
		['no name', '[{"argv":["x"]}]', /command 1 needs a "name"/],
		['argv a string', '[{"name":"a","argv":"rm -rf /"}]', /needs "argv": a list of strings/],
		['shell not boolean', '[{"name":"a","argv":["x"],"shell":"yes"}]', /"shell" must be true or false/],
	];
	for (const [name, text, message] of bad) {
		test(`${name}: one line naming the file`, () => {
			const path = write(`${name.replace(/\W/g, '-')}.json`, text);
			assert.throws(() => readCommandsFile(path), (error: unknown) => error instanceof CommandsFileError && message.test(error.message) && error.message.startsWith(path) && !error.message.includes('\n'));
		});
	}
});
