import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {dispatchKey} from '../../../source/actions/dispatch.js';
import {handbackQuietMs, waitForQuiet} from '../../../source/actions/handback.js';
import type {Engine} from '../../../source/engine/engine.js';
import {initialState} from '../../../source/store/initial-state.js';
import {createStore} from '../../../source/store/store.js';

const context = (handover: boolean) => {
	const store = createStore({...initialState({target: 'unix:///x'}), ...(handover ? {handover: {what: 'open a shell in web-1'}} : {})});
	return {store, engine: {} as Engine, quit: () => undefined};
};

describe('keys during a hand-back (issue 10 #3)', () => {
	const cases: Array<{keys: string[]; handover: boolean; view: string; prompt: boolean}> = [
		// What a user typing into a dead shell sends: none of it may act.
		{keys: ['r', 'm', ' ', '-', 'f', ' ', '/', 't', 'return', 'p', 's', 'return'], handover: true, view: 'containers', prompt: false},
		{keys: ['ctrl+d', 'return'], handover: true, view: 'containers', prompt: false},
		{keys: ['?'], handover: true, view: 'containers', prompt: false},
		// Without a handover the same keys act as usual.
		{keys: ['?'], handover: false, view: 'help', prompt: false},
		{keys: ['/'], handover: false, view: 'containers', prompt: true},
	];
	for (const {keys, handover, view, prompt} of cases) {
		it(`${keys.join(' ')} with${handover ? '' : 'out'} a handover leaves view ${view}`, () => {
			const ctx = context(handover);
			for (const key of keys) dispatchKey(key, key.length === 1 ? key : '', ctx);
			const state = ctx.store.getSnapshot();
			assert.equal(state.ui.view, view);
			assert.equal(state.ui.prompt !== undefined, prompt);
			assert.equal(state.ui.confirm, undefined);
			if (handover) assert.ok((state.handover?.keyAt ?? 0) > 0, 'the last key\'s time is kept');
		});
	}

	it('waits until the keyboard has been quiet, and longer while keys keep coming', async () => {
		const ctx = context(true);
		const start = Date.now();
		const typing = setInterval(() => dispatchKey('x', 'x', ctx), 50);
		setTimeout(() => clearInterval(typing), 300);
		await waitForQuiet(ctx.store, start);
		const took = Date.now() - start;
		assert.ok(took >= 300 + handbackQuietMs - 60, `waited ${took} ms: past the last key by the quiet time`);
	});
});
