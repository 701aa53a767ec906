import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {dispatchKey} from '../../../source/actions/dispatch.js';
import type {AppState, UiState} from '../../../source/store/state.js';
import {seededStore} from '../../helpers/fixtures.js';
import {forbiddenEngine} from '../../helpers/forbidden-engine.js';

function harness(ui: Partial<UiState> = {}) {
	const store = seededStore({ui});
	let quits = 0;
	const context = {engine: forbiddenEngine(), store, quit: () => quits++};
	return {
		store,
		quits: () => quits,
		press: (...keys: string[]) => {
			for (const key of keys) dispatchKey(key, key.length === 1 ? key : '', context);
		},
		type: (text: string) => {
			for (const char of text) dispatchKey(char, char, context);
		},
		state: (): AppState => store.getSnapshot(),
	};
}

describe(': line (issue 10 #22)', () => {
	const opens: Array<[string, AppState['ui']['view']]> = [['im', 'images'], ['ima', 'images'], ['vol', 'volumes'], ['netw', 'networks'], ['df', 'disk'], ['eve', 'events'], ['help', 'help']];
	for (const [text, view] of opens) {
		test(`:${text} Enter opens ${view}`, () => {
			const h = harness();
			h.press(':');
			h.type(text);
			h.press('return');
			assert.equal(h.state().ui.view, view);
		});
	}

	for (const text of ['q', 'quit']) {
		test(`:${text} quits`, () => {
			const h = harness({view: 'logs'});
			h.press(':');
			h.type(text);
			h.press('return');
			assert.equal(h.quits(), 1);
			assert.equal(h.state().notice, undefined);
		});
	}

	test('the unknown-view error names every view', () => {
		const h = harness();
		h.press(':');
		h.type('nosuch');
		h.press('return');
		assert.equal(h.state().notice?.level, 'error');
		for (const view of ['containers', 'images', 'volumes', 'networks', 'df', 'events', 'logs', 'help']) assert.match(h.state().notice?.text ?? '', new RegExp(`\\b${view}\\b`), view);
	});

	test('the prompt names every view before anything is typed', () => {
		const h = harness();
		h.press(':');
		for (const view of ['containers', 'images', 'volumes', 'networks', 'df', 'events', 'logs', 'help', 'quit']) assert.match(h.state().ui.prompt?.help ?? '', new RegExp(`\\b${view}\\b`), view);
		assert.match(h.state().ui.prompt?.help ?? '', /Tab completes, Enter runs, Esc cancels/);
	});

	test('Tab completes a unique prefix; Enter then opens it', () => {
		const h = harness();
		h.press(':');
		h.type('ne');
		h.press('tab');
		assert.equal(h.state().ui.prompt?.text, 'networks');
		h.press('return');
		assert.equal(h.state().ui.view, 'networks');
	});

	test('Tab with no candidate says so and keeps the text', () => {
		const h = harness();
		h.press(':');
		h.type('zz');
		h.press('tab');
		assert.equal(h.state().ui.prompt?.text, 'zz');
		assert.match(h.state().ui.prompt?.help ?? '', /no view starts with "zz"/);
	});
});

describe('help returns where it was opened (issue 10 #23)', () => {
	const cases: Array<[string, AppState['ui']['view'], string[]]> = [
		['? then ? from logs', 'logs', ['?', '?']],
		['? then Esc from logs', 'logs', ['?', 'escape']],
		['? then Esc from images', 'images', ['?', 'escape']],
		[':help then Esc from events', 'events', [':', 'h', 'e', 'l', 'p', 'return', 'escape']],
	];
	for (const [name, view, keys] of cases) {
		test(name, () => {
			const h = harness({view});
			h.store.update(s => ({...s, logs: {...s.logs, search: 'needle', follow: false, topSeq: 7}}));
			h.press(...keys);
			assert.equal(h.state().ui.view, view);
			assert.equal(h.state().logs.search, 'needle', 'the logs search is kept');
			assert.equal(h.state().logs.topSeq, 7, 'and its scroll');
		});
	}

	test('help opens at the top, on the view it was opened over', () => {
		const h = harness({view: 'logs', helpScroll: 9});
		h.press('?');
		assert.equal(h.state().ui.view, 'help');
		assert.equal(h.state().ui.helpFrom, 'logs');
		assert.equal(h.state().ui.helpScroll, 0);
	});
});
