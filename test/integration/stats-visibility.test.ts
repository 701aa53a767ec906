import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {replaceContainers} from '../../source/store/containers-slice.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore} from '../../source/store/store.js';
import {sortBy} from '../../source/store/ui-slice.js';
import {setVisibleContainers} from '../../source/store/visibility-slice.js';
import {StatsStreams} from '../../source/sync/stats-streams.js';
import {TestContainers} from '../helpers/engine.js';
import {testEngine} from '../helpers/live-sync.js';
import {waitFor} from '../helpers/wait.js';

describe('stats streams follow what is on screen', () => {
	const containers = new TestContainers();
	const engine = testEngine();
	const store = createStore(initialState({target: engine.description}), {batchMs: 0});
	const streams = new StatsStreams(engine, store, {pollMs: 300});
	const ids: string[] = [];
	const sorted = (list: string[]) => [...list].sort();

	before(async () => {
		for (const prefix of ['vis-a', 'vis-b', 'vis-c']) {
			ids.push(await containers.run(containers.name(prefix), ['sh', '-c', 'while :; do :; done'], ['--cpus', '0.2']));
		}
		// pushStats keeps figures only for containers the store knows.
		const rows = await engine.listContainers();
		store.update(state => replaceContainers(state, rows.filter(row => ids.includes(row.id))));
	});

	after(async () => {
		streams.stopAll();
		await containers.cleanup();
	});

	it('streams every live container while no UI has said what is visible', () => {
		for (const id of ids) streams.ensure(id);
		assert.deepEqual(sorted(streams.active), sorted(ids));
		assert.deepEqual(streams.polled, []);
	});

	it('streams only the visible ones and polls the rest, with CPU from its own deltas', async () => {
		const [a, b, c] = ids as [string, string, string];
		store.update(state => setVisibleContainers(state, [a]));
		store.flush();
		assert.deepEqual(streams.active, [a]);
		assert.deepEqual(sorted(streams.polled), sorted([b, c]));
		// Two polls give a CPU figure for a hidden burner (capped at 20% of a core).
		const entry = await waitFor(() => {
			const stats = store.getSnapshot().stats.get(b);
			return stats && stats.latest.cpuPercent > 0 ? stats : undefined;
		}, {timeoutMs: 8000, what: 'a polled CPU figure for a hidden container'});
		assert.ok(entry.latest.cpuPercent > 2 && entry.latest.cpuPercent < 60, `cpu ${entry.latest.cpuPercent}`);
		assert.equal(streams.active.length, 1, 'polling started no stream');
	});

	it('streams all of them when the sort needs live figures, and stops when nothing is live', () => {
		store.update(state => sortBy(state, 'cpu'));
		store.flush();
		assert.deepEqual(sorted(streams.active), sorted(ids));
		store.update(state => sortBy(state, 'name'));
		store.flush();
		assert.equal(streams.active.length, 1);
		for (const id of ids) streams.stop(id);
		assert.deepEqual(streams.active, []);
		assert.deepEqual(streams.polled, []);
	});

	it('reports the same state when the visible set is unchanged', () => {
		const state = store.getSnapshot();
		assert.equal(setVisibleContainers(state, [...(state.visibleContainers ?? [])]), state);
		assert.notEqual(setVisibleContainers(state, []), state);
	});
});
