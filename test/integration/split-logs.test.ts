import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {showSplitLogs} from '../../source/store/split-logs.js';
import {LogStreams} from '../../source/sync/log-streams.js';
import {setUi} from '../../source/store/ui-slice.js';
import {TestContainers} from '../helpers/engine.js';
import {startLiveSync, type LiveSync} from '../helpers/live-sync.js';
import {waitFor} from '../helpers/wait.js';

/** The split layout's logs stream from the real engine while the containers view is in front. */
describe('split logs on the real engine', () => {
	const containers = new TestContainers();
	let live: LiveSync;
	let logStreams: LogStreams;
	const stop = new AbortController();

	before(async () => {
		live = await startLiveSync();
		logStreams = new LogStreams(live.engine, live.store);
		live.sync.onContainerEvent(event => logStreams.onEvent(event));
		logStreams.run(stop.signal);
	});

	after(async () => {
		stop.abort();
		await live.stop();
		await containers.cleanup();
	});

	it('streams the selected container\'s lines with the containers view in front, and stops when the split closes', async () => {
		const id = await containers.run(containers.name('split'), ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo "split line $i"; sleep 0.2; done']);
		await waitFor(() => live.store.getSnapshot().containers.get(id), {what: 'in the store'});
		live.store.update(state => {
			const row = state.containers.get(id);
			return row ? showSplitLogs(setUi(state, {split: true, selectedId: id}), row) : state;
		});
		assert.equal(live.store.getSnapshot().ui.view, 'containers');
		await waitFor(() => live.store.getSnapshot().logs.lines.size >= 3, {timeoutMs: 15_000, what: 'lines while the containers view is shown'});
		assert.deepEqual(logStreams.active, [id], 'one stream while split');
		live.store.update(state => setUi(state, {split: false}));
		await waitFor(() => logStreams.active.length === 0, {what: 'the stream stopped with the split'});
		await new Promise(resolve => setTimeout(resolve, 300));
		const settled = live.store.getSnapshot().logs.version;
		await new Promise(resolve => setTimeout(resolve, 1000));
		assert.equal(live.store.getSnapshot().logs.version, settled, 'no lines arrive once the split is off');
	});

	it('a flooding container in the split obeys the full view\'s rules: the ring stays bounded and the skips are marked', async () => {
		const id = await containers.run(containers.name('split-flood'), ['yes', 'split-flood-line']);
		await waitFor(() => live.store.getSnapshot().containers.get(id), {what: 'in the store'});
		live.store.update(state => {
			const row = state.containers.get(id);
			return row ? showSplitLogs(setUi(state, {split: true, selectedId: id}), row) : state;
		});
		assert.equal(live.store.getSnapshot().ui.view, 'containers');
		await waitFor(() => live.store.getSnapshot().logs.lines.toArray().some(line => line.stream === 'marker' && /lines a second: skipped to the newest/.test(line.plain)), {timeoutMs: 15_000, what: 'a skip marker in the split'});
		const logs = live.store.getSnapshot().logs;
		assert.ok(logs.lines.size <= logs.lines.capacity, `${logs.lines.size} lines held, capacity ${logs.lines.capacity}`);
		live.store.update(state => setUi(state, {split: false}));
		await waitFor(() => logStreams.active.length === 0, {what: 'the stream stopped with the split'});
	});
});
