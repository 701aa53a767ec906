import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {replaceContainers} from '../../source/store/containers-slice.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore} from '../../source/store/store.js';
import {setVisibleContainers} from '../../source/store/visibility-slice.js';
import {StatsStreams} from '../../source/sync/stats-streams.js';
import {docker, TestContainers} from '../helpers/engine.js';
import {testEngine} from '../helpers/live-sync.js';
import {waitFor} from '../helpers/wait.js';

describe('quiet containers give up their stats stream', () => {
	const containers = new TestContainers();
	const engine = testEngine();
	const store = createStore(initialState({target: engine.description}), {batchMs: 0});
	// Quiet after 2 s of still samples; quiet ones read every 500 ms.
	const streams = new StatsStreams(engine, store, {pollMs: 10_000, quietPollMs: 500, quietAfterMs: 2000, flushMs: 200});
	let idle = '';
	let busy = '';

	before(async () => {
		idle = await containers.run(containers.name('quiet-idle'), ['sleep', '300']);
		busy = await containers.run(containers.name('quiet-busy'), ['sh', '-c', 'while :; do :; done'], ['--cpus', '0.2']);
		const rows = await engine.listContainers();
		store.update(state => setVisibleContainers(replaceContainers(state, rows.filter(row => row.id === idle || row.id === busy)), [idle, busy]));
		store.flush();
	});

	after(async () => {
		streams.stopAll();
		await containers.cleanup();
	});

	it('an idle container on screen goes quiet and is polled; a busy one keeps its stream', async () => {
		streams.ensure(idle);
		streams.ensure(busy);
		assert.deepEqual([...streams.active].sort(), [idle, busy].sort());
		await waitFor(() => streams.quieted.includes(idle), {timeoutMs: 15_000, what: 'the idle container judged quiet'});
		assert.deepEqual(streams.active, [busy], 'only the busy one streams');
		assert.deepEqual(streams.polled, [idle]);
		// Its figures keep coming, from polls.
		const seen = store.getSnapshot().stats.get(idle)?.version ?? 0;
		await waitFor(() => (store.getSnapshot().stats.get(idle)?.version ?? 0) > seen, {timeoutMs: 5000, what: 'a polled sample for the quiet container'});
		assert.equal(streams.quieted.includes(busy), false);
	});

	it('a quiet container that starts working gets its stream back', async () => {
		await docker('exec', '-d', idle, 'sh', '-c', 'while :; do :; done');
		await waitFor(() => streams.active.includes(idle), {timeoutMs: 10_000, what: 'the stream back for the woken container'});
		assert.equal(streams.quieted.includes(idle), false);
	});

	it('stop forgets the quiet mark', () => {
		streams.stop(idle);
		streams.stop(busy);
		assert.deepEqual(streams.quieted, []);
		assert.deepEqual(streams.active, []);
		assert.deepEqual(streams.polled, []);
	});
});
