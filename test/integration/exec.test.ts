import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {after, before, describe, it} from 'node:test';
import {execInContainer} from '../../source/actions/exec-actions.js';
import {showInspect} from '../../source/actions/inspect-actions.js';
import type {TerminalIo} from '../../source/actions/terminal-handover.js';
import {processRows, psArgs} from '../../source/domain/process.js';
import type {Engine} from '../../source/engine/engine.js';
import {inspectLines} from '../../source/format/inspect-view.js';
import {upsertContainer} from '../../source/store/containers-slice.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore, type Store} from '../../source/store/store.js';
import {openTop} from '../../source/store/top-slice.js';
import {setView} from '../../source/store/ui-slice.js';
import {TopPoller} from '../../source/sync/top-poller.js';
import {docker, TestContainers} from '../helpers/engine.js';
import {testEngine} from '../helpers/live-sync.js';
import {waitFor} from '../helpers/wait.js';

/** Streams standing in for the terminal: what the session printed, and a way to type. */
function fakeIo() {
	const stdin = Object.assign(new PassThrough(), {isTTY: false});
	const stdout = Object.assign(new PassThrough(), {columns: 90, rows: 20});
	let screen = '';
	stdout.on('data', chunk => screen += String(chunk));
	return {io: {stdin, stdout} as unknown as TerminalIo, stdin, screen: () => screen};
}

async function storeWith(engine: Engine, id: string): Promise<Store> {
	const row = await engine.inspectContainer(id);
	assert.ok(row);
	return createStore(upsertContainer(initialState({target: 'test'}), row), {batchMs: 0});
}

describe('exec, top and inspect on the real engine', () => {
	const containers = new TestContainers();
	let engine: Engine;
	let id: string;

	before(async () => {
		engine = testEngine();
		id = await containers.run(containers.name('exec'), ['sleep', '300'], ['-e', 'API_TOKEN=s3cr3t-value', '-e', 'PLAIN=visible-value']);
	});

	after(() => containers.cleanup());

	it('runs echo through the API and returns its output and exit code', async () => {
		const result = await engine.execCollect(id, ['sh', '-c', 'echo hello-from-exec; echo to-stderr >&2; exit 3']);
		assert.equal(result.exitCode, 3);
		assert.match(result.output, /hello-from-exec/);
		assert.match(result.output, /to-stderr/);
	});

	it('runs an interactive TTY session: keys in, output out, resize seen by stty, exit code back', async () => {
		const session = await engine.execInteractive(id, ['sh'], {columns: 80, rows: 24});
		let output = '';
		session.output.on('data', chunk => output += String(chunk));
		session.input?.write('echo $((40+2))-ok\n');
		await waitFor(() => output.includes('42-ok'), {what: 'echo output', timeoutMs: 10000});
		await session.resize({columns: 111, rows: 33});
		session.input?.write('stty size\n');
		await waitFor(() => output.includes('33 111'), {what: 'stty size after resize', timeoutMs: 10000});
		session.input?.write('exit 5\n');
		await new Promise(resolve => session.output.once('close', resolve));
		assert.equal(await session.result(), 5);
	});

	it('finds the first shell that exists, and none when there is none', async () => {
		assert.equal(await engine.findShell(id, ['bash', 'sh']), 'sh');
		assert.equal(await engine.findShell(id, ['no-such-shell', 'nor-this']), undefined);
	});

	it('the exec action hands over, runs, and reports the exit code', async () => {
		const store = await storeWith(engine, id);
		const term = fakeIo();
		let suspended = 0;
		const suspend = async (session: () => Promise<void>) => {
			suspended++;
			await session();
		};
		const row = store.getSnapshot().containers.get(id);
		assert.ok(row);
		await execInContainer({engine, store, quit: () => undefined, suspend}, row, ['sh', '-c', 'echo action-out; exit 4'], term.io);
		assert.equal(suspended, 1);
		assert.match(term.screen(), /action-out/);
		assert.match(store.getSnapshot().notice?.text ?? '', /exited with code 4/);
		assert.equal(store.getSnapshot().handover, undefined);
	});

	it('says so when the container disappears during the session', async () => {
		const doomed = await containers.run(containers.name('doomed'), ['sleep', '300']);
		const store = await storeWith(engine, doomed);
		const term = fakeIo();
		const row = store.getSnapshot().containers.get(doomed);
		assert.ok(row);
		const suspend = async (session: () => Promise<void>) => {
			const running = session();
			await waitFor(() => term.screen().includes('porthole:'), {what: 'the session started'});
			await docker('rm', '-f', doomed);
			await running;
		};
		await execInContainer({engine, store, quit: () => undefined, suspend}, row, ['sleep', '60'], term.io);
		assert.match(store.getSnapshot().notice?.text ?? '', /^sleep 60 in .* ended: container removed$/);
		assert.equal(store.getSnapshot().notice?.level, 'error');
	});

	it('says the container went (stopped or removed) even when the engine still calls it running as the shell ends (exit 137)', async () => {
		const doomed = await containers.run(containers.name('lagging'), ['sleep', '300']);
		const store = await storeWith(engine, doomed);
		const term = fakeIo();
		const row = store.getSnapshot().containers.get(doomed);
		assert.ok(row);
		// The real engine, except that its first inspect after the session answers from before the removal,
		// as dockerd does when the exec'd process dies before the container's own (seen in CI).
		const running = await engine.inspectContainer(doomed);
		let lagging = false;
		const lagged: Engine = Object.create(engine, {inspectContainer: {value: async (id: string) => {
			if (lagging) {
				lagging = false;
				return running;
			}
			return engine.inspectContainer(id);
		}}});
		const suspend = async (session: () => Promise<void>) => {
			const done = session();
			await waitFor(() => term.screen().includes('porthole:'), {what: 'the session started'});
			lagging = true;
			await docker('kill', doomed);
			await done;
		};
		await execInContainer({engine: lagged, store, quit: () => undefined, suspend}, row, ['sleep', '60'], term.io);
		assert.equal(lagging, false, 'the lagging inspect was asked');
		assert.match(store.getSnapshot().notice?.text ?? '', /^sleep 60 in .* ended: container (stopped|removed)/);
	});

	it('--shell names a shell the container lacks: it says so and opens no other shell (issue 10)', async () => {
		const store = await storeWith(engine, id);
		store.update(state => ({...state, shell: 'nosuchshell'}));
		const term = fakeIo();
		const row = store.getSnapshot().containers.get(id);
		assert.ok(row);
		await execInContainer({engine, store, quit: () => undefined, suspend: async session => session()}, row, undefined, term.io);
		assert.equal(store.getSnapshot().notice?.level, 'error');
		assert.match(store.getSnapshot().notice?.text ?? '', /^shell nosuchshell \(--shell\) not found in exec-\w+; without --shell, e tries bash, ash, sh; or press E to run a command$/);
		assert.doesNotMatch(term.screen(), /exit \(or Ctrl-D\) returns/, 'no session was started');
	});

	it('--shell names a shell the container has: that one opens', async () => {
		const store = await storeWith(engine, id);
		store.update(state => ({...state, shell: 'sh'}));
		const term = fakeIo();
		const row = store.getSnapshot().containers.get(id);
		assert.ok(row);
		const running = execInContainer({engine, store, quit: () => undefined, suspend: async session => session()}, row, undefined, term.io);
		await waitFor(() => term.screen().includes('sh in exec-'), {what: 'the shell banner', timeoutMs: 10_000});
		term.stdin.write('exit 0\n');
		await running;
		assert.match(store.getSnapshot().notice?.text ?? '', /^sh in exec-\w+ exited with code 0$/);
	});

	it('refuses a stopped container with a message, without calling the engine', async () => {
		const stopped = await containers.create(containers.name('stopped'), ['sleep', '1']);
		const store = await storeWith(engine, stopped);
		const row = store.getSnapshot().containers.get(stopped);
		assert.ok(row);
		let suspended = false;
		await execInContainer({engine, store, quit: () => undefined, suspend: async () => void (suspended = true)}, row, undefined, fakeIo().io);
		assert.equal(suspended, false);
		assert.match(store.getSnapshot().notice?.text ?? '', /is not running \(created\)/);
	});

	it('top returns the container\'s processes with our ps columns', async () => {
		const answer = await engine.top(id, psArgs);
		const rows = processRows(answer.titles, answer.processes);
		const sleep = rows.find(row => row.command.includes('sleep 300'));
		assert.ok(sleep, JSON.stringify(answer));
		assert.equal(sleep.user, 'root');
		assert.ok(sleep.rss !== undefined && sleep.rss > 0);
	});

	it('the top poller reads only while the view is visible and the container runs', async () => {
		const short = await containers.run(containers.name('top'), ['sleep', '300'], ['--stop-timeout', '1']);
		const store = await storeWith(engine, short);
		const poller = new TopPoller(engine, store, 100);
		const stop = poller.start();
		try {
			store.update(state => openTop(state, short, 'top'));
			await waitFor(() => store.getSnapshot().top?.rows.some(row => row.command.includes('sleep')), {what: 'processes in the store'});
			assert.equal(poller.active, short);
			store.update(state => setView(state, 'containers'));
			await waitFor(() => poller.active === undefined, {what: 'hidden: polling stops'});
			store.update(state => setView(state, 'top'));
			await waitFor(() => poller.active === short, {what: 'visible again: polling resumes'});
			await docker('stop', short);
			const row = await engine.inspectContainer(short);
			assert.ok(row);
			store.update(state => upsertContainer(state, row));
			await waitFor(() => store.getSnapshot().top?.status === 'stopped', {what: 'stopped status'});
			assert.equal(poller.active, undefined, 'a stopped container is not polled');
		} finally {
			stop();
		}
	});

	it('inspect masks a secret env value set at create time until revealed', async () => {
		const store = createStore(initialState({target: 'test'}), {batchMs: 0});
		await showInspect({engine, store}, {kind: 'container', id, name: 'exec'});
		const inspect = store.getSnapshot().inspect;
		assert.equal(inspect?.status, 'ok');
		assert.equal(inspect.reveal, false);
		const masked = inspectLines(inspect.document, false).lines.map(line => line.text).join('\n');
		assert.doesNotMatch(masked, /s3cr3t-value/);
		assert.match(masked, /API_TOKEN=•+/);
		assert.match(masked, /PLAIN=visible-value/);
		assert.match(inspectLines(inspect.document, true).lines.map(line => line.text).join('\n'), /API_TOKEN=s3cr3t-value/);
	});
});
