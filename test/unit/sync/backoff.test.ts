import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {backoff, sleep} from '../../../source/sync/backoff.js';

describe('backoff', () => {
	const cases: Array<{attempt: number; base?: number; cap?: number; ms: number}> = [
		{attempt: 0, ms: 250},
		{attempt: 1, ms: 250},
		{attempt: 2, ms: 500},
		{attempt: 3, ms: 1000},
		{attempt: 5, ms: 4000},
		{attempt: 6, ms: 5000},
		{attempt: 60, ms: 5000},
		{attempt: 3, base: 10, cap: 30, ms: 30},
		{attempt: 2, base: 10, cap: 30, ms: 20},
	];
	for (const {attempt, base, cap, ms} of cases) {
		it(`waits ${ms} ms before attempt ${attempt}${base === undefined ? '' : ` (base ${base}, cap ${cap})`}`, () => {
			assert.equal(backoff(attempt, base, cap), ms);
		});
	}
});

describe('sleep', () => {
	// Counted against the timers already there: the fast tier runs every file in one process.
	const timers = () => process.getActiveResourcesInfo().filter(kind => kind === 'Timeout').length;
	it('ends at once when the signal aborts, and leaves no timer behind', async () => {
		const before = timers();
		const controller = new AbortController();
		const waiting = sleep(60_000, controller.signal);
		assert.equal(timers(), before + 1);
		controller.abort();
		await waiting;
		assert.equal(timers(), before);
	});

	it('ends at once on a signal already aborted', async () => {
		await sleep(60_000, AbortSignal.abort());
	});
});
