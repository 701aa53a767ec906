import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {PassThrough} from 'node:stream';
import {pipeSession, restoreModes, type TerminalIo} from '../../../source/actions/terminal-handover.js';
import type {InteractiveSession, TerminalSize} from '../../../source/engine/exec-api.js';
import {waitFor} from '../../helpers/wait.js';

/** A terminal made of streams: records raw mode and what reached the screen. */
function fakeTerminal() {
	const stdin = Object.assign(new PassThrough(), {isTTY: true, raw: [] as boolean[], setRawMode(mode: boolean) {
		stdin.raw.push(mode);
		return stdin;
	}});
	const screen: string[] = [];
	const stdout = Object.assign(new PassThrough(), {columns: 100, rows: 30});
	stdout.on('data', chunk => screen.push(String(chunk)));
	return {io: {stdin, stdout} as unknown as TerminalIo, stdin, stdout, screen: () => screen.join('')};
}

/** A session made of streams: `remote` is what the container writes, `typed` what it received. */
function fakeSession({withInput = true} = {}) {
	const output = new PassThrough();
	const input = withInput ? new PassThrough() : undefined;
	const typed: string[] = [];
	input?.on('data', chunk => typed.push(String(chunk)));
	const sizes: TerminalSize[] = [];
	let closed = 0;
	const session: InteractiveSession = {
		output,
		input,
		tty: true,
		resize: async size => void sizes.push(size),
		close: () => {
			closed++;
			output.end();
		},
		result: async () => 0,
	};
	return {session, output, typed, sizes, closed: () => closed};
}

describe('pipeSession', () => {
	it('pipes keys in and output out, follows resizes, and restores the terminal when the session ends', async () => {
		const term = fakeTerminal();
		const fake = fakeSession();
		const done = pipeSession(fake.session, term.io, {banner: 'BANNER\r\n'});
		await waitFor(() => term.stdin.listenerCount('data') > 0, {what: 'stdin piped'});
		assert.deepEqual(term.stdin.raw, [true]);
		term.stdin.write('ls\r');
		fake.output.write('file-a\r\n');
		await waitFor(() => fake.typed.join('') === 'ls\r' && term.screen().includes('file-a'), {what: 'both directions'});
		Object.assign(term.stdout, {columns: 120, rows: 40});
		term.stdout.emit('resize');
		await waitFor(() => fake.sizes.some(size => size.columns === 120 && size.rows === 40), {what: 'the resize sent on'});
		assert.deepEqual(fake.sizes[0], {columns: 100, rows: 30}, 'the size is sent at the start too');
		fake.output.end();
		assert.deepEqual(await done, {how: 'ended'});
		assert.deepEqual(term.stdin.raw, [true, false], 'raw mode off again');
		assert.equal(term.stdin.listenerCount('data'), 0, 'no listener left on stdin');
		assert.equal(term.stdout.listenerCount('resize'), 0, 'no listener left on resize');
		assert.equal(term.stdin.isPaused(), true, 'stdin paused for Ink to take back');
		assert.ok(term.screen().startsWith('BANNER'));
		assert.ok(term.screen().endsWith(restoreModes));
	});

	const detachCases: Array<{name: string; withInput: boolean; keys: string[]; how: string}> = [
		{name: 'Ctrl-P Ctrl-Q in one read, no stdin: closes at once', withInput: false, keys: ['\u0010\u0011'], how: 'detached'},
		{name: 'Ctrl-P then Ctrl-Q in two reads, no stdin', withInput: false, keys: ['\u0010', '\u0011'], how: 'detached'},
		{name: 'Ctrl-C without stdin detaches too', withInput: false, keys: ['\u0003'], how: 'detached'},
		{name: 'with stdin: the engine gets the keys; we close after the grace', withInput: true, keys: ['x\u0010\u0011'], how: 'detached'},
	];
	for (const {name, withInput, keys, how} of detachCases) {
		it(`detach: ${name}`, async () => {
			const term = fakeTerminal();
			const fake = fakeSession({withInput});
			const done = pipeSession(fake.session, term.io, {banner: '', detach: true, detachGraceMs: 20});
			await waitFor(() => term.stdin.listenerCount('data') > 0, {what: 'stdin piped'});
			for (const key of keys) term.stdin.write(key);
			assert.equal((await done).how, how);
			assert.ok(fake.closed() >= 1);
			if (withInput) assert.equal(fake.typed.join(''), keys.join(''), 'the keys reached the engine, which detaches on them');
		});
	}

	it('a broken connection ends the session as dropped, and the terminal is restored', async () => {
		const term = fakeTerminal();
		const fake = fakeSession();
		const done = pipeSession(fake.session, term.io, {banner: ''});
		await waitFor(() => term.stdin.listenerCount('data') > 0, {what: 'stdin piped'});
		fake.output.destroy(new Error('ECONNRESET'));
		const end = await done;
		assert.equal(end.how, 'dropped');
		assert.deepEqual(term.stdin.raw, [true, false]);
	});
});
