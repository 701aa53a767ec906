import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {dispatchKey} from '../../../source/actions/dispatch.js';
import {seededStore, fixtureRows} from '../../helpers/fixtures.js';
import {forbiddenEngine} from '../../helpers/forbidden-engine.js';
import {initialState} from '../../../source/store/initial-state.js';
import type {AppState} from '../../../source/store/state.js';

const idOf = (name: string) => fixtureRows().find(row => row.name === name)?.id;
const settle = () => new Promise(resolve => setImmediate(resolve));

/** A store with `name` selected, the one dispatcher, and an engine that records what it was asked. */
function harness(name: string, options: {noConfirm?: boolean} = {}) {
	const store = seededStore({ui: {selectedId: idOf(name)}});
	if (options.noConfirm) store.update(state => ({...state, noConfirm: true}));
	// Calls are recorded and refused; the refusal is then explained in words, as a real engine's would be.
	const engine = forbiddenEngine();
	Object.assign(engine, {isGone: () => false, explain: () => 'refused by the test'});
	const context = {engine, store, quit: () => {}};
	return {
		store,
		engine,
		press: (...keys: string[]) => {
			for (const key of keys) dispatchKey(key, key.length === 1 ? key : '', context);
		},
		state: (): AppState => store.getSnapshot(),
	};
}

describe('stop, restart and pause ask first (issue 10 #4)', () => {
	const cases: Array<[string, string, string]> = [
		['s', 'burner', 'Stop'],
		['r', 'burner', 'Restart'],
		['p', 'burner', 'Pause'],
		['p', 'paused-one', 'Unpause'],
	];
	for (const [key, name, title] of cases) {
		test(`${key} on ${name} opens "${title}" and touches nothing until y`, async () => {
			const h = harness(name);
			h.press(key);
			await settle();
			assert.equal(h.state().ui.confirm?.title, title);
			assert.equal(h.state().ui.confirm?.target, name);
			assert.deepEqual(h.engine.calls, []);
			h.press('y');
			await settle();
			assert.equal(h.engine.calls[0], 'containerAction');
		});
	}

	test('s on a stopped container starts it at once: starting loses nothing', async () => {
		const h = harness('job-failed');
		h.press('s');
		await settle();
		assert.equal(h.state().ui.confirm, undefined);
		assert.equal(h.engine.calls[0], 'containerAction');
	});

	const enterCases = ['s', 'r', 'p', 'K', 'D'];
	for (const key of enterCases) {
		test(`Enter never confirms ${key}: it cancels`, async () => {
			const h = harness('burner');
			h.press(key);
			await settle();
			assert.ok(h.state().ui.confirm, `${key} asked`);
			h.press('return');
			await settle();
			assert.equal(h.state().ui.confirm, undefined);
			assert.deepEqual(h.engine.calls, []);
		});
	}

	test('--no-confirm: s, r and p act at once; remove still asks', async () => {
		for (const key of ['s', 'r', 'p']) {
			const h = harness('burner', {noConfirm: true});
			h.press(key);
			await settle();
			assert.equal(h.state().ui.confirm, undefined, key);
			assert.equal(h.engine.calls[0], 'containerAction', key);
		}
		const h = harness('burner', {noConfirm: true});
		h.press('D');
		assert.equal(h.state().ui.confirm?.title, 'Remove');
	});

	test('initialState takes noConfirm', () => {
		assert.equal(initialState({target: 'x', noConfirm: true}).noConfirm, true);
		assert.equal(initialState({target: 'x'}).noConfirm, false);
	});
});

describe('actions on a stopped container', () => {
	const cases: Array<[string, string, RegExp]> = [
		['p', 'job-failed', /^job-failed is not running; nothing to pause$/],
		['K', 'job-failed', /^job-failed is not running; nothing to kill$/],
		['p', 'created-one', /^created-one is not running; nothing to pause$/],
	];
	for (const [key, name, message] of cases) {
		test(`${key} on ${name}: one line, no dialog, no engine call`, async () => {
			const h = harness(name);
			h.press(key);
			await settle();
			assert.equal(h.state().ui.confirm, undefined);
			assert.deepEqual(h.engine.calls, []);
			assert.match(h.state().notice?.text ?? '', message);
		});
	}
});
