import assert from 'node:assert/strict';
import {describe, test, type TestContext} from 'node:test';
import {initialState} from '../../../source/store/initial-state.js';
import type {AppState} from '../../../source/store/state.js';
import {createStore, whenReady, type Store} from '../../../source/store/store.js';
import {setUi} from '../../../source/store/ui-slice.js';

/** A store with fake time (so batch windows are exact) and a counter of notifications. */
function setup(t: TestContext, batchMs = 50): {store: Store; heard: () => number} {
	t.mock.timers.enable({apis: ['setTimeout', 'Date'], now: 1_000_000});
	const store = createStore(initialState({target: 'unix:///test.sock'}), {batchMs});
	let count = 0;
	store.subscribe(() => count++);
	return {store, heard: () => count};
}

const filter = (text: string) => (state: AppState) => setUi(state, {filter: text});

describe('createStore batching', () => {
	test('several updates in one tick notify once, after the tick, with every change applied', t => {
		const {store, heard} = setup(t);
		store.update(filter('a'));
		store.update(s => setUi(s, {hideStopped: true}));
		store.update(filter('abc'));
		assert.equal(heard(), 0, 'nothing is heard synchronously');
		assert.equal(store.getSnapshot().ui.filter, 'abc', 'the state itself changes at once');
		t.mock.timers.tick(0);
		assert.equal(heard(), 1);
		assert.equal(store.getSnapshot().ui.hideStopped, true);
		t.mock.timers.tick(1000);
		assert.equal(heard(), 1, 'no second notification for the same batch');
	});

	test('an update that returns the same state does not notify or schedule', t => {
		const {store, heard} = setup(t);
		const before = store.getSnapshot();
		store.update(state => state);
		t.mock.timers.tick(1000);
		assert.equal(heard(), 0);
		assert.equal(store.getSnapshot(), before);
	});

	test('within the batch window after a notification, the next one waits for the window', t => {
		const {store, heard} = setup(t, 50);
		store.update(filter('a'));
		t.mock.timers.tick(0);
		assert.equal(heard(), 1);
		store.update(filter('b'));
		store.update(filter('c'));
		t.mock.timers.tick(49);
		assert.equal(heard(), 1, 'still inside the window');
		t.mock.timers.tick(1);
		assert.equal(heard(), 2);
		assert.equal(store.getSnapshot().ui.filter, 'c');
	});

	test('after a quiet spell the first change notifies on the next tick', t => {
		const {store, heard} = setup(t, 50);
		store.update(filter('a'));
		t.mock.timers.tick(0);
		t.mock.timers.tick(500);
		store.update(filter('b'));
		t.mock.timers.tick(0);
		assert.equal(heard(), 2);
	});

	test('every listener hears each batch once', t => {
		const {store, heard} = setup(t);
		let other = 0;
		store.subscribe(() => other++);
		store.update(filter('a'));
		store.update(filter('b'));
		t.mock.timers.tick(0);
		assert.deepEqual([heard(), other], [1, 1]);
	});

	test('unsubscribe stops notifications to that listener only', t => {
		const {store, heard} = setup(t);
		let other = 0;
		const unsubscribe = store.subscribe(() => other++);
		store.update(filter('a'));
		t.mock.timers.tick(0);
		unsubscribe();
		store.update(filter('b'));
		t.mock.timers.tick(1000);
		assert.deepEqual([heard(), other], [2, 1]);
	});

	test('flush notifies at once and cancels the pending notification', t => {
		const {store, heard} = setup(t);
		store.update(filter('a'));
		store.flush();
		assert.equal(heard(), 1);
		t.mock.timers.tick(1000);
		assert.equal(heard(), 1);
	});

	test('flush opens a new batch window', t => {
		const {store, heard} = setup(t, 50);
		store.flush();
		assert.equal(heard(), 1, 'flush notifies even without a change');
		store.update(filter('a'));
		t.mock.timers.tick(49);
		assert.equal(heard(), 1);
		t.mock.timers.tick(1);
		assert.equal(heard(), 2);
	});

	test('batchMs 0 still coalesces one tick', t => {
		const {store, heard} = setup(t, 0);
		store.update(filter('a'));
		store.update(filter('b'));
		t.mock.timers.tick(0);
		assert.equal(heard(), 1);
	});
});

describe('whenReady', () => {
	test('resolves as soon as the state is ready, without waiting for the timeout', async t => {
		const {store} = setup(t);
		let done = false;
		const ready = whenReady(store, state => state.ui.filter === 'go', 10_000).then(() => (done = true));
		store.update(filter('not yet'));
		t.mock.timers.tick(0);
		await Promise.resolve();
		assert.equal(done, false);
		t.mock.timers.tick(60);
		store.update(filter('go'));
		t.mock.timers.tick(0);
		await ready;
		assert.equal(done, true);
	});

	test('resolves after the timeout when the state never gets ready', async t => {
		const {store} = setup(t);
		let done = false;
		const ready = whenReady(store, () => false, 250).then(() => (done = true));
		t.mock.timers.tick(249);
		await Promise.resolve();
		assert.equal(done, false);
		t.mock.timers.tick(1);
		await ready;
		assert.equal(done, true);
	});

	test('resolves at once when the state is ready already', async t => {
		const {store} = setup(t);
		let done = false;
		const ready = whenReady(store, () => true, 10_000).then(() => (done = true));
		// No timer is ticked and no update is made: only an immediate resolve sets done.
		await Promise.resolve();
		await Promise.resolve();
		assert.equal(done, true, 'resolved without waiting for the store or the timeout');
		t.mock.timers.tick(10_000);
		await ready;
	});
});
