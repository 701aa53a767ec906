import assert from 'node:assert/strict';
import {describe, test, type TestContext} from 'node:test';
import {LogIntake} from '../../../source/sync/log-intake.js';

function setup(t: TestContext, perSecond = 10) {
	t.mock.timers.enable({apis: ['setTimeout', 'Date'], now: 1_000_000});
	const delivered: number[][] = [];
	let skipped = 0;
	const intake = new LogIntake<number>(perSecond, batch => delivered.push(batch), count => (skipped += count));
	return {intake, delivered, skipped: () => skipped};
}

const batch = (from: number, count: number) => Array.from({length: count}, (_, index) => from + index);

describe('LogIntake', () => {
	test('hands every batch on while under the cap', t => {
		const {intake, delivered, skipped} = setup(t);
		intake.push(batch(0, 4));
		intake.push(batch(4, 4));
		assert.deepEqual(delivered, [batch(0, 4), batch(4, 4)]);
		assert.equal(skipped(), 0);
	});

	test('past the cap, only the newest batch is kept and handed on when the second is up', t => {
		const {intake, delivered, skipped} = setup(t);
		intake.push(batch(0, 12)); // over the cap on its own: still goes through
		intake.push(batch(12, 5)); // held
		intake.push(batch(17, 6)); // replaces it: 5 skipped
		assert.deepEqual(delivered, [batch(0, 12)]);
		t.mock.timers.tick(999);
		assert.equal(delivered.length, 1);
		t.mock.timers.tick(1);
		assert.deepEqual(delivered, [batch(0, 12), batch(17, 6)]);
		assert.equal(skipped(), 5);
	});

	test('a new second starts with a fresh allowance', t => {
		const {intake, delivered} = setup(t);
		intake.push(batch(0, 10));
		t.mock.timers.tick(1000);
		intake.push(batch(10, 3));
		assert.deepEqual(delivered.at(-1), batch(10, 3));
	});

	test('release at the end of the stream hands on what is held at once', t => {
		const {intake, delivered, skipped} = setup(t);
		intake.push(batch(0, 10));
		intake.push(batch(10, 2));
		intake.push(batch(12, 2));
		intake.release();
		assert.deepEqual(delivered.at(-1), batch(12, 2));
		assert.equal(skipped(), 2);
		t.mock.timers.tick(2000);
		assert.equal(delivered.length, 2, 'the timer was cleared');
	});

	test('close forgets what is held and never delivers it', t => {
		const {intake, delivered, skipped} = setup(t);
		intake.push(batch(0, 10));
		intake.push(batch(10, 2));
		intake.close();
		t.mock.timers.tick(5000);
		assert.equal(delivered.length, 1);
		assert.equal(skipped(), 0);
	});

	test('empty batches are ignored', t => {
		const {intake, delivered} = setup(t);
		intake.push([]);
		assert.equal(delivered.length, 0);
	});
});
