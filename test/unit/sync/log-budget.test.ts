import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {LogBudget} from '../../../source/sync/log-budget.js';

function setup(perSecond = 10) {
	let now = 1_000_000;
	const budget = new LogBudget(perSecond, () => now);
	return {budget, advance: (ms: number) => (now += ms)};
}

describe('LogBudget', () => {
	test('takes batches while the second has allowance, the one that crosses it included', () => {
		const {budget} = setup();
		assert.equal(budget.take(4), true);
		assert.equal(budget.take(8), true, 'crossing the line is allowed once');
		assert.equal(budget.take(1), false);
		assert.equal(budget.take(1), false);
	});

	test('says how long until the next second, and 0 while there is allowance', () => {
		const {budget, advance} = setup();
		assert.equal(budget.waitMs(), 0);
		budget.take(10);
		advance(300);
		assert.equal(budget.waitMs(), 700);
		advance(700);
		assert.equal(budget.waitMs(), 0);
	});

	test('a new second starts with a fresh allowance', () => {
		const {budget, advance} = setup();
		budget.take(10);
		assert.equal(budget.take(1), false);
		advance(1000);
		assert.equal(budget.take(10), true);
	});
});
