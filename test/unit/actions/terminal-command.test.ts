import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {after, describe, it} from 'node:test';
import {dispatchKey} from '../../../source/actions/dispatch.js';
import {runCustomKey} from '../../../source/actions/custom-commands.js';
import {runInTerminal} from '../../../source/actions/terminal-command.js';
import type {TerminalIo} from '../../../source/actions/terminal-handover.js';
import {invocation, type Invocation} from '../../../source/domain/command-template.js';
import type {Engine} from '../../../source/engine/engine.js';
import {initialState} from '../../../source/store/initial-state.js';
import {createStore} from '../../../source/store/store.js';
import {fixtureRows} from '../../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'porthole-terminal-'));
after(() => rmSync(dir, {recursive: true, force: true}));

/** A fake terminal: stdin we can type into, stdout we can read; `onShown` sees each write as it happens. */
function fakeIo(onShown?: (chunk: string, stdin: PassThrough) => void): TerminalIo & {typed: PassThrough; shown: () => string} {
	const stdin = new PassThrough();
	let text = '';
	const stdout = new PassThrough();
	stdout.on('data', chunk => {
		text += String(chunk);
		onShown?.(String(chunk), stdin);
	});
	return {stdin: Object.assign(stdin, {isTTY: false}), stdout: Object.assign(stdout, {columns: 80, rows: 24}) as unknown as TerminalIo['stdout'], typed: stdin, shown: () => text};
}

/** `promise`, or a failure naming `what` after `ms`: a hand-over that never gives the terminal back fails the test instead of hanging the run. */
async function within<T>(promise: Promise<T>, what: string, ms = 5000): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(() => reject(new Error(`${what}: still waiting after ${ms} ms`)), ms);
	});
	try {
		return await Promise.race([promise, late]);
	} finally {
		clearTimeout(timer);
	}
}

const settledYet = async (promise: Promise<unknown>) => {
	let settled = false;
	void promise.then(() => (settled = true));
	for (let i = 0; i < 5; i++) await new Promise(resolve => setImmediate(resolve));
	return settled;
};

describe('a custom command in terminal mode', () => {
	const row = {...fixtureRows()[0]!, name: 'x; touch pwned $(id)'};

	it('hands the terminal over, runs the argv, waits for Return, and takes it back behind the hand-back guard', async () => {
		const store = createStore(initialState({target: 'unix:///x'}), {batchMs: 0});
		const out = join(dir, 'argv');
		const io = fakeIo();
		let suspended = 0;
		const context = {store, engine: {} as Engine, quit: () => undefined, suspend: async (work: () => Promise<void>) => {
			suspended++;
			await work();
		}};
		const spec = invocation({argv: ['sh', '-c', 'printf "%s|" "$@" > "$0"', out, '{name}', '{id}']}, row);
		const running = runInTerminal(context, 'record', spec, io);
		// Wait for the "press Return" line: the child has ended and the terminal is still handed over.
		for (let i = 0; i < 200 && !io.shown().includes('press Return'); i++) await new Promise(resolve => setTimeout(resolve, 10));
		assert.match(io.shown(), /record exited with code 0; press Return/);
		assert.equal(store.getSnapshot().handover?.what, 'record');
		// A key typed now is the hand-over's, not the table's.
		dispatchKey('?', '?', context);
		assert.equal(store.getSnapshot().ui.view, 'containers');
		io.typed.write('\n');
		await within(running, 'Return after the prompt');
		assert.equal(suspended, 1);
		assert.equal(store.getSnapshot().handover, undefined);
		assert.equal(readFileSync(out, 'utf8'), `${row.name}|${row.id}|`, 'each value one argument, never through a shell');
		assert.match(store.getSnapshot().notice?.text ?? '', /record: exited with code 0/);
	});

	it('says so when the program does not exist, and when there is no terminal to hand over', async () => {
		const store = createStore(initialState({target: 'unix:///x'}), {batchMs: 0});
		const io = fakeIo();
		const context = {store, engine: {} as Engine, quit: () => undefined, suspend: async (work: () => Promise<void>) => work()};
		const running = runInTerminal(context, 'nope', {file: join(dir, 'absent'), args: [], env: {}}, io);
		for (let i = 0; i < 200 && !io.shown().includes('press Return'); i++) await new Promise(resolve => setTimeout(resolve, 10));
		io.typed.write('\n');
		await within(running, 'Return after the prompt');
		assert.match(store.getSnapshot().notice?.text ?? '', /nope: cannot run .*absent: spawn .*ENOENT/);
		await runInTerminal({store, engine: {} as Engine, quit: () => undefined}, 'nope', {file: 'true', args: [], env: {}}, io);
		assert.match(store.getSnapshot().notice?.text ?? '', /nope needs an interactive terminal/);
	});

	// The prompt used to be written before stdin was drained: a Return typed the moment it showed was drained away and the hand-over waited for ever (the hang of this file in `node --test`).
	const returnCases: Array<{name: string; spec: Invocation}> = [
		{name: 'the moment the prompt shows (program missing: it ends at once)', spec: {file: join(dir, 'absent'), args: [], env: {}}},
		{name: 'the moment the prompt shows (program ran)', spec: {file: 'true', args: [], env: {}}},
	];
	for (const {name, spec} of returnCases) {
		it(`takes a Return typed ${name}`, async () => {
			const store = createStore(initialState({target: 'unix:///x'}), {batchMs: 0});
			const io = fakeIo((chunk, stdin) => {
				if (chunk.includes('press Return')) stdin.write('\n');
			});
			await within(runInTerminal({store, engine: {} as Engine, quit: () => undefined, suspend: async work => work()}, 'quick', spec, io), 'Return typed on sight of the prompt');
			assert.equal(store.getSnapshot().handover, undefined);
		});
	}

	it('drops keys typed while the command ran (they were the command\'s), then waits for a Return', async () => {
		const store = createStore(initialState({target: 'unix:///x'}), {batchMs: 0});
		const io = fakeIo();
		const running = runInTerminal({store, engine: {} as Engine, quit: () => undefined, suspend: async work => work()}, 'slow', {file: 'sh', args: ['-c', 'sleep 0.3'], env: {}}, io);
		for (let i = 0; i < 200 && !io.shown().includes('porthole:'); i++) await new Promise(resolve => setTimeout(resolve, 10));
		io.typed.write('\n');
		for (let i = 0; i < 200 && !io.shown().includes('press Return'); i++) await new Promise(resolve => setTimeout(resolve, 10));
		assert.equal(await settledYet(running), false, 'the Return typed before the prompt is not the one it waits for');
		io.typed.write('\n');
		await within(running, 'Return after the prompt');
	});

	it('goes back without a key when the terminal has ended', async () => {
		const store = createStore(initialState({target: 'unix:///x'}), {batchMs: 0});
		const io = fakeIo();
		io.typed.end();
		await within(runInTerminal({store, engine: {} as Engine, quit: () => undefined, suspend: async work => work()}, 'gone', {file: 'true', args: [], env: {}}, io), 'ended terminal');
		assert.match(store.getSnapshot().notice?.text ?? '', /gone: exited with code 0/);
	});

	it('a command\'s own key runs it on the selection, and only in its scopes', async () => {
		const store = createStore({...initialState({target: 'unix:///x'}), customCommands: [{name: 'mine', key: 'ctrl+g', scopes: ['volumes'], argv: ['true']}]}, {batchMs: 0});
		const context = {store, engine: {} as Engine, quit: () => undefined};
		assert.equal(runCustomKey('ctrl+g', context), false, 'not a key of the containers view');
		assert.equal(runCustomKey('ctrl+t', context), false);
	});
});
