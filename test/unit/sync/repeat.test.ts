import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {Repeat} from '../../../source/sync/repeat.js';
import {waitFor} from '../../helpers/wait.js';

// The sync's idle re-list: again and again while started, never overlapping, and nothing at all for a period of 0.
describe('Repeat', () => {
	test('runs again after each run while started, and not once stopped', async () => {
		let runs = 0;
		const repeat = new Repeat(5, async () => {
			runs++;
		});
		repeat.start();
		await waitFor(() => runs >= 3, {what: 'three runs'});
		repeat.stop();
		const stopped = runs;
		await new Promise(resolve => setTimeout(resolve, 30));
		assert.equal(runs, stopped);
	});

	test('a slow run is never overlapped by the next', async () => {
		let running = 0;
		let most = 0;
		let runs = 0;
		const repeat = new Repeat(1, async () => {
			running++;
			most = Math.max(most, running);
			await new Promise(resolve => setTimeout(resolve, 10));
			running--;
			runs++;
		});
		repeat.start();
		await waitFor(() => runs >= 3, {what: 'three runs'});
		repeat.stop();
		assert.equal(most, 1);
	});

	test('stopped during a run: that run ends, and no wait follows', async () => {
		let runs = 0;
		let release: () => void = () => undefined;
		const repeat = new Repeat(1, async () => {
			runs++;
			await new Promise<void>(resolve => (release = resolve));
		});
		repeat.start();
		await waitFor(() => runs === 1, {what: 'the first run'});
		repeat.stop();
		release();
		await new Promise(resolve => setTimeout(resolve, 20));
		assert.equal(runs, 1);
	});

	for (const everyMs of [0, -1]) {
		test(`a period of ${everyMs}: never runs`, async () => {
			let runs = 0;
			const repeat = new Repeat(everyMs, async () => {
				runs++;
			});
			repeat.start();
			await new Promise(resolve => setTimeout(resolve, 20));
			assert.equal(runs, 0);
		});
	}
});
