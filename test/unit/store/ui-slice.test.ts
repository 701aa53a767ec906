import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {initialState} from '../../../source/store/initial-state.js';
import {notify, setConnection, setView} from '../../../source/store/ui-slice.js';

const base = () => initialState({target: 'unix:///test.sock'});

describe('ui slice', () => {
	test('setView to the current view returns the same state', () => {
		const state = base();
		assert.equal(setView(state, 'containers'), state);
		assert.equal(setView(state, 'help').ui.view, 'help');
	});

	test('setConnection keeps the target and ignores repeats', () => {
		const retrying = setConnection(base(), {status: 'retrying', message: 'refused', attempt: 2});
		assert.deepEqual(retrying.connection, {status: 'retrying', message: 'refused', attempt: 2, target: 'unix:///test.sock'});
		assert.equal(setConnection(retrying, {status: 'retrying', message: 'refused', attempt: 2}), retrying);
		assert.notEqual(setConnection(retrying, {status: 'retrying', message: 'refused', attempt: 3}), retrying);
	});

	test('notify records text and level', () => {
		const state = notify(base(), 'boom', 'error');
		assert.equal(state.notice?.text, 'boom');
		assert.equal(state.notice?.level, 'error');
		assert.equal(notify(base(), 'ok').notice?.level, 'info');
	});
});
