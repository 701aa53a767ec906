import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {resolveTarget} from '../../source/engine/connection.js';
import {createEngine} from '../../source/engine/engine.js';
import {initialState} from '../../source/store/initial-state.js';
import {closeLogs, initialLogs, openLogs} from '../../source/store/logs-slice.js';
import {createStore} from '../../source/store/store.js';
import {LogStreams} from '../../source/sync/log-streams.js';
import {Sync} from '../../source/sync/sync.js';
import {TestContainers, testHost} from '../helpers/engine.js';
import {waitFor} from '../helpers/wait.js';

describe('a flooding container against the private engine', () => {
	const containers = new TestContainers();
	const engine = createEngine(resolveTarget({host: testHost(), env: {}, homeDir: '/nonexistent'}));
	// A ring of 200 lines: the stream may take in 400 lines a second.
	const store = createStore(initialState({target: engine.description, logs: initialLogs({capacity: 200, tail: 100})}), {batchMs: 0});
	const sync = new Sync(engine, store);
	const logStreams = new LogStreams(engine, store);
	const stop = new AbortController();
	let running: Promise<void>;

	/** Every line the view has taken in: held, overwritten in the ring, or shed. */
	const takenIn = () => {
		const logs = store.getSnapshot().logs;
		return logs.lines.size + logs.dropped;
	};

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

	it('takes in about its allowance, marks the skips, and shows the newest lines', async () => {
		const id = await containers.run(containers.name('flood'), ['yes', 'flood-line']);
		const row = await waitFor(() => store.getSnapshot().containers.get(id), {what: 'the flood container in the store'});
		store.update(state => openLogs(state, [row]));
		await waitFor(() => store.getSnapshot().logs.lines.toArray().some(line => line.stream === 'marker' && /more than 400 lines a second: skipped to the newest/.test(line.plain)), {timeoutMs: 10_000, what: 'a skip marker'});
		const before = takenIn();
		const started = Date.now();
		await new Promise(resolve => setTimeout(resolve, 3000));
		const taken = takenIn() - before;
		const seconds = (Date.now() - started) / 1000;
		// `yes` writes on the order of 100k lines a second here; reading them all would take in hundreds of thousands.
		assert.ok(taken < 6000 * seconds, `took in ${taken} lines in ${seconds.toFixed(1)} s`);
		assert.ok(taken > 0, 'still taking lines in');
		const last = store.getSnapshot().logs.lines.toArray().filter(line => line.stream !== 'marker').at(-1);
		assert.ok(last, 'lines held');
		assert.equal(last.plain, 'flood-line');
		assert.ok(Date.now() - Date.parse(last.time) < 3000, `the newest line is recent (${last.time})`);
		store.update(closeLogs);
		await waitFor(() => logStreams.active.length === 0, {what: 'the stream closed with the view'});
		const closedAt = takenIn();
		await new Promise(resolve => setTimeout(resolve, 1500));
		assert.equal(takenIn(), closedAt, 'no re-attach after the view closed');
	});
});
