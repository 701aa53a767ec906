import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {resolveTarget} from '../../source/engine/connection.js';
import {createEngine} from '../../source/engine/engine.js';
import {initialState} from '../../source/store/initial-state.js';
import {countMatches, logView} from '../../source/store/log-view.js';
import {closeLogs, initialLogs, openLogs, setLogRange} from '../../source/store/logs-slice.js';
import {createStore} from '../../source/store/store.js';
import {LogStreams} from '../../source/sync/log-streams.js';
import {Sync} from '../../source/sync/sync.js';
import {docker, TestContainers, testHost} from '../helpers/engine.js';
import {waitFor} from '../helpers/wait.js';

/** Issue 10 #17: `0` on a container that printed 300k lines. */
describe('loading a whole long log', () => {
	const containers = new TestContainers();
	const engine = createEngine(resolveTarget({host: testHost(), env: {}, homeDir: '/nonexistent'}));
	const capacity = 10_000;
	const total = 300_000;
	const store = createStore(initialState({target: engine.description, logs: initialLogs({capacity, tail: 100})}), {batchMs: 0});
	const sync = new Sync(engine, store);
	const logStreams = new LogStreams(engine, store);
	const stop = new AbortController();
	let running: Promise<void>;

	before(async () => {
		sync.onContainerEvent(event => logStreams.onEvent(event));
		logStreams.run(stop.signal);
		running = sync.run({signal: stop.signal});
		await waitFor(() => store.getSnapshot().connection.status === 'up', {timeoutMs: 15_000, what: 'connection up'});
	});

	after(async () => {
		stop.abort();
		await running;
		await containers.cleanup();
	});

	it('gives the newest lines the ring holds, contiguous, with no flood marker, the older ones counted, and all searchable', async () => {
		const name = containers.name('history');
		const id = await containers.run(name, ['seq', '1', String(total)]);
		await docker('wait', id);
		const row = await waitFor(() => store.getSnapshot().containers.get(id), {what: 'the container in the store'});
		store.update(state => openLogs(state, [row]));
		await waitFor(() => store.getSnapshot().logs.lines.last()?.plain === String(total), {timeoutMs: 15_000, what: 'the tail loaded'});
		store.update(state => setLogRange(state, {}));
		await waitFor(() => store.getSnapshot().logs.targets[0]?.status === 'ended' && store.getSnapshot().logs.lines.last()?.plain === String(total) && store.getSnapshot().logs.lines.size === capacity, {timeoutMs: 60_000, what: 'the whole log loaded'});
		// Lines still queued reach the store in the next batch: wait until nothing changes.
		let version = -1;
		await waitFor(() => {
			const now = store.getSnapshot().logs.version;
			const settled = now === version;
			version = now;
			return settled;
		}, {timeoutMs: 5000, intervalMs: 300, what: 'the log settled'});
		const logs = store.getSnapshot().logs;
		const lines = logs.lines.toArray();
		assert.deepEqual(lines.filter(line => line.stream === 'marker').map(line => line.plain), [], 'no marker: history is not a flood');
		const numbers = lines.map(line => Number(line.plain));
		const first = total - capacity + 1;
		assert.deepEqual([numbers[0], numbers.at(-1)], [first, total]);
		assert.ok(numbers.every((value, index) => value === first + index), 'contiguous');
		assert.equal(logs.dropped, total - capacity, 'the older lines are counted');
		const view = logView(logs);
		assert.equal(countMatches(view, `${first}`), 1, 'the oldest line held is found by search');
		assert.equal(countMatches(view, `${total}`), 1);
	});

	it('a running container with --log-driver none: logs unavailable for that driver, not stopped', async () => {
		store.update(closeLogs);
		const id = await containers.run(containers.name('nolog'), ['sh', '-c', 'while :; do echo hi; sleep 1; done'], ['--log-driver', 'none']);
		const row = await waitFor(() => store.getSnapshot().containers.get(id), {what: 'the container in the store'});
		store.update(state => openLogs(state, [row]));
		const target = await waitFor(() => {
			const found = store.getSnapshot().logs.targets.find(each => each.id === id);
			return found?.status === 'unavailable' ? found : undefined;
		}, {timeoutMs: 10_000, what: 'the target marked unavailable'});
		assert.equal(target.reason, 'the none log driver keeps no logs to read');
		assert.equal(store.getSnapshot().notice, undefined, 'no error in the status bar');
		assert.equal(store.getSnapshot().containers.get(id)?.state, 'running');
	});
});
