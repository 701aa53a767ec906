import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {after, describe, it} from 'node:test';
import {resolveTarget} from '../../source/engine/connection.js';
import {createEngine} from '../../source/engine/engine.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore} from '../../source/store/store.js';
import {Sync} from '../../source/sync/sync.js';
import {docker, engineState, TestContainers, testHost} from '../helpers/engine.js';
import {waitFor} from '../helpers/wait.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const engineScript = (command: string) => execFileSync('bash', ['scripts/test-engine.sh', command], {cwd: root, stdio: ['ignore', 'pipe', 'inherit']});

describe('the engine going away and coming back', () => {
	const containers = new TestContainers();
	after(async () => {
		engineScript('start');
		await containers.cleanup();
	});

	it('says reconnecting while dockerd is dead, then resyncs everything once it is back', async () => {
		const engine = createEngine(resolveTarget({host: testHost(), env: {}, homeDir: '/nonexistent'}));
		const store = createStore(initialState({target: engine.description}), {batchMs: 0});
		// No idle re-list: only the resync after the reconnect may bring the change in.
		const sync = new Sync(engine, store, {reconcileMs: 0});
		const stop = new AbortController();
		const running = sync.run({signal: stop.signal, baseBackoffMs: 100, maxBackoffMs: 500});
		try {
			const before = await containers.run(containers.name('before'), ['sleep', '300']);
			await waitFor(() => store.getSnapshot().containers.get(before)?.state === 'running', {what: 'container before the crash'});
			const pidInside = Number(await docker('inspect', '-f', '{{.State.Pid}}', before));
			assert.ok(pidInside > 0, 'the container has a process on the host');

			// Kill dockerd outright, the way a crash or an OOM kill would.
			const pidFile = `${process.env.PORTHOLE_ENGINE_DIR ?? '/tmp/porthole-engine'}/docker.pid`;
			const pid = Number(readFileSync(pidFile, 'utf8'));
			process.kill(pid, 'SIGKILL');
			await waitFor(() => store.getSnapshot().connection.status === 'retrying', {timeoutMs: 5000, what: 'status retrying'});
			assert.ok(store.getSnapshot().connection.message, 'the reason is shown');
			await waitFor(() => sync.stats.active.length === 0, {what: 'stats streams closed'});

			// Change the engine while it is down: the container's process dies, and no
			// event about it can reach the sync (there is no dockerd to send one).
			process.kill(pidInside, 'SIGKILL');
			assert.equal(store.getSnapshot().containers.get(before)?.state, 'running', 'the store has not heard of it yet');

			engineScript('start');
			await waitFor(() => store.getSnapshot().connection.status === 'up', {timeoutMs: 60000, what: 'status up again'});

			// A container made after the restart shows up: the events stream is live again.
			const afterId = await containers.run(containers.name('after'), ['sleep', '300']);
			await waitFor(() => store.getSnapshot().containers.get(afterId)?.state === 'running', {timeoutMs: 2000, what: 'container after the restart'});
			// The one from before shows the change made while the engine was down, as the engine now reports it.
			assert.equal(await engineState(before), 'exited');
			await waitFor(() => store.getSnapshot().containers.get(before)?.state === 'exited', {timeoutMs: 5000, what: 'the container that died while the engine was down shows exited'});
		} finally {
			stop.abort();
			await running;
		}
	});
});
