import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {buildOwners} from '../../../source/cli/owners.js';
import {initialState} from '../../../source/store/initial-state.js';
import {createStore, type Store} from '../../../source/store/store.js';
import {CgroupStats} from '../../../source/sync/cgroup-stats.js';
import {StatsStreams} from '../../../source/sync/stats-streams.js';
import {forbiddenEngine} from '../../helpers/forbidden-engine.js';
import {waitFor} from '../../helpers/wait.js';

/** A real store that counts its live subscriptions. */
function countingStore(): {store: Store; live: () => number} {
	const base = createStore(initialState({target: ''}), {batchMs: 0});
	let live = 0;
	const store: Store = {
		...base,
		subscribe(listener) {
			live++;
			const unsubscribe = base.subscribe(listener);
			let done = false;
			return () => {
				if (!done) live--;
				done = true;
				unsubscribe();
			};
		},
	};
	return {store, live: () => live};
}

describe('owners stop one way and leave nothing subscribed', () => {
	test('StatsStreams.close unsubscribes from the store', () => {
		const {store, live} = countingStore();
		const stats = new StatsStreams(forbiddenEngine(), store);
		assert.equal(live(), 1);
		stats.close();
		assert.equal(live(), 0);
	});

	// A resync still in flight when its host stops (a ping's, the idle re-list's) calls ensure after
	// close: that must start nothing, or a timer keeps the process alive after quit.
	test('a stats owner that is closed starts nothing when asked again', () => {
		const store = createStore(initialState({target: ''}), {batchMs: 0});
		const api = new StatsStreams(forbiddenEngine(), store);
		const reader = {locate: () => undefined, read: () => { throw new Error('not read'); }};
		const cgroup = new CgroupStats(forbiddenEngine(), store, new StatsStreams(forbiddenEngine(), store), reader);
		try {
			api.close();
			api.ensure('late');
			assert.deepEqual([api.active, api.polled], [[], []], 'the API owner');
			cgroup.close();
			cgroup.ensure('late');
			assert.deepEqual([cgroup.active, cgroup.polled], [[], []], 'the cgroup owner');
		} finally {
			// So that a failure here fails, rather than hangs on the timer it left.
			api.stopAll();
			cgroup.stopAll();
		}
	});

	test('every owner of two hosts (both unreachable) stops, and the store has no listener left', async () => {
		const {store, live} = countingStore();
		const target = (path: string) => ({kind: 'unix' as const, socketPath: path, source: 'test'});
		const owners = buildOwners([{name: 'a', target: target('/nonexistent/a.sock')}, {name: 'b', target: target('/nonexistent/b.sock')}], store, {sync: {reconcileMs: 0}});
		owners.start();
		await waitFor(() => store.getSnapshot().hosts?.a?.status === 'down' && store.getSnapshot().hosts?.b?.status === 'down', {what: 'both hosts down'});
		assert.match(store.getSnapshot().hosts?.a?.message ?? '', /does not exist/);
		assert.ok(live() >= 4, `stats, log streams and top poller listen (${live()})`);
		await owners.stop();
		assert.equal(live(), 0);
	});
});
