import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {Coalesced} from '../../../source/sync/coalesced.js';

/** A job per key that waits to be let go, recording each start. */
function gated() {
	const starts: string[] = [];
	const gates: Array<() => void> = [];
	const coalesced = new Coalesced(async key => {
		starts.push(key);
		await new Promise<void>(resolve => gates.push(resolve));
	});
	const release = async () => {
		gates.shift()?.();
		for (let turn = 0; turn < 5; turn++) await Promise.resolve();
	};
	return {coalesced, starts, release};
}

// The sync's inspects: one per container at a time, and a burst of asks meanwhile is one more run, not one each.
describe('Coalesced', () => {
	const cases: Array<{name: string; asks: string[]; starts: string[]; afterFirst: string[]}> = [
		{name: 'one ask: one run', asks: ['a'], starts: ['a'], afterFirst: ['a']},
		{name: 'asked again while running: once more after it', asks: ['a', 'a'], starts: ['a'], afterFirst: ['a', 'a']},
		{name: 'a burst of asks: once more, not once each', asks: ['a', 'a', 'a', 'a'], starts: ['a'], afterFirst: ['a', 'a']},
		{name: 'other keys run beside it', asks: ['a', 'b', 'a'], starts: ['a', 'b'], afterFirst: ['a', 'b', 'a']},
	];
	for (const {name, asks, starts, afterFirst} of cases) {
		test(name, async () => {
			const {coalesced, starts: seen, release} = gated();
			for (const key of asks) void coalesced.run(key);
			assert.deepEqual(seen, starts);
			assert.equal(coalesced.size, new Set(asks).size);
			await release();
			assert.deepEqual(seen, afterFirst);
		});
	}

	test('an ask while running resolves with the run under way; the size falls to 0 when all end', async () => {
		const {coalesced, release} = gated();
		const first = coalesced.run('a');
		assert.equal(coalesced.run('a'), first);
		await release();
		await first;
		assert.equal(coalesced.size, 1, 'the run once more');
		await release();
		assert.equal(coalesced.size, 0);
	});

	test('a job that fails frees its key', async () => {
		const coalesced = new Coalesced(async () => Promise.reject(new Error('gone')));
		await assert.rejects(coalesced.run('a'), /gone/);
		assert.equal(coalesced.size, 0);
	});
});
