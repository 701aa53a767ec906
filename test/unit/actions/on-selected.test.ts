import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {dispatchKey} from '../../../source/actions/dispatch.js';
import type {ViewName} from '../../../source/store/state.js';
import {setView} from '../../../source/store/ui-slice.js';
import {seededStore} from '../../helpers/fixtures.js';
import {forbiddenEngine} from '../../helpers/forbidden-engine.js';

// Every command on "the selected row" says so when there is none, in every
// table, instead of doing nothing without a word (one of three copies did).
describe('a command on the selected row, with nothing selected', () => {
	const cases: Array<[ViewName, string, string]> = [
		['containers', 'D', 'no container selected'],
		['containers', 'r', 'no container selected'],
		['containers', 's', 'no container selected'],
		['containers', 'l', 'no container selected'],
		['containers', 'i', 'no container selected'],
		['containers', 'e', 'no container selected'],
		['images', 'D', 'no image selected'],
		['images', 'i', 'no image selected'],
		['volumes', 'D', 'no volume selected'],
		['networks', 'D', 'no network selected'],
	];
	for (const [view, key, message] of cases) {
		test(`${view}: ${key} says "${message}" and touches nothing`, () => {
			const store = seededStore({rows: []});
			store.update(state => setView(state, view));
			const engine = forbiddenEngine();
			dispatchKey(key, key, {engine, store, quit: () => undefined});
			const state = store.getSnapshot();
			assert.equal(state.notice?.text, message);
			assert.equal(state.notice?.level, 'error');
			assert.equal(state.ui.confirm, undefined, 'no dialog');
			assert.equal(state.ui.view, view, 'still in the view');
		});
	}
});
