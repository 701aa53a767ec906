import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {Tombstones} from '../../source/sync/tombstones.js';
import {docker, TestContainers} from '../helpers/engine.js';
import {startLiveSync, type LiveSync} from '../helpers/live-sync.js';
import {waitFor} from '../helpers/wait.js';

describe('containers started and removed within a second leave no ghost rows (issue 10 item 19)', () => {
	const containers = new TestContainers();
	let live: LiveSync;

	before(async () => {
		live = await startLiveSync();
	});

	after(async () => {
		await live?.stop();
		await containers.cleanup();
	});

	test('forty fast run + rm: every row goes, none stays "removing"', async () => {
		const ids: string[] = [];
		// A few at a time, so inspects started by the create/start events are
		// still in flight when the destroy lands.
		for (let round = 0; round < 8; round++) {
			await Promise.all(Array.from({length: 5}, async () => {
				const id = await containers.run(containers.name('ghost'), ['sleep', '30']);
				ids.push(id);
				await docker('rm', '-f', id);
			}));
		}
		const ghosts = () => ids.filter(id => live.store.getSnapshot().containers.has(id));
		try {
			await waitFor(() => ghosts().length === 0, {timeoutMs: 8000, what: 'no row left of the removed containers'});
		} catch (error) {
			const states = ghosts().map(id => live.store.getSnapshot().containers.get(id)?.state);
			assert.fail(`${ghosts().length} ghost rows stayed (${states.join(', ')}): ${(error as Error).message}`);
		}
		assert.ok(live.sync.tombstones.size >= ids.length, 'each destroy is remembered for a while');
	});

	test('the idle re-list drops a row the engine no longer has', async () => {
		const id = await containers.run(containers.name('gone'), ['sleep', '30']);
		await waitFor(() => live.store.getSnapshot().containers.has(id), {what: 'the row'});
		// A row the events never took away (as if a destroy was missed).
		const ghost = {...live.store.getSnapshot().containers.get(id)!, id: 'f'.repeat(64), name: 'never-destroyed'};
		live.store.update(state => ({...state, containers: new Map([...state.containers, [ghost.id, ghost]])}));
		// Quiet spell: the re-list skips itself while events are arriving.
		await new Promise(resolve => setTimeout(resolve, 5100));
		await live.sync.reconcile();
		assert.equal(live.store.getSnapshot().containers.has(ghost.id), false, 'the ghost is dropped');
		assert.equal(live.store.getSnapshot().containers.has(id), true, 'the real row stays');
	});
});

describe('Tombstones', () => {
	const cases: Array<{what: string; steps: (t: Tombstones, clock: {now: number}) => void; has: Record<string, boolean>; size: number}> = [
		{what: 'remembers a destroy', steps: t => t.add('a'), has: {a: true, b: false}, size: 1},
		{what: 'forgets after the ttl', steps: (t, clock) => {
			t.add('a');
			clock.now += 61_000;
		}, has: {a: false}, size: 0},
		{what: 'keeps at most max, dropping the oldest', steps: t => {
			for (const id of ['a', 'b', 'c', 'd']) t.add(id);
		}, has: {a: false, b: true, d: true}, size: 3},
		{what: 'a second destroy of one id refreshes it', steps: (t, clock) => {
			t.add('a');
			clock.now += 40_000;
			t.add('a');
			clock.now += 40_000;
		}, has: {a: true}, size: 1},
	];
	for (const {what, steps, has, size} of cases) {
		test(what, () => {
			const clock = {now: 1_000_000};
			const tombstones = new Tombstones(60_000, 3, () => clock.now);
			steps(tombstones, clock);
			for (const [id, expected] of Object.entries(has)) assert.equal(tombstones.has(id), expected, id);
			assert.equal(tombstones.size, size);
		});
	}
});
