import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {bottomIndex, eventsCapacity, recordEvent, selectEvents, updateEvents} from '../../../source/store/events-slice.js';
import {initialState} from '../../../source/store/initial-state.js';
import type {AppState} from '../../../source/store/state.js';
import {setUi} from '../../../source/store/ui-slice.js';

const event = (type: string, action: string, name: string, extra: Record<string, string> = {}) => ({type, action, id: `${name}-id`, attributes: {name, ...extra}, time: 0});

function withEvents(events: ReturnType<typeof event>[]): AppState {
	let state = initialState({target: 'test', ui: {view: 'events'}});
	for (const e of events) state = recordEvent(state, e);
	return state;
}

describe('events slice', () => {
	it('is bounded by its ring', () => {
		const state = withEvents(Array.from({length: eventsCapacity + 50}, (_, i) => event('container', 'start', `c${i}`)));
		assert.equal(state.events?.ring.size, eventsCapacity);
		assert.equal(selectEvents(state)[0]?.name, 'c50');
		assert.equal(selectEvents(state).at(-1)?.seq, eventsCapacity + 49);
	});

	it('keeps key attributes only, and cuts long values', () => {
		const state = withEvents([event('container', 'die', 'web', {exitCode: '137', image: 'x'.repeat(500), 'com.example.label': 'noise'})]);
		const [record] = selectEvents(state);
		assert.deepEqual(record?.attributes.map(([key]) => key), ['image', 'exitCode']);
		assert.ok((record?.attributes[0]?.[1].length ?? 0) <= 80);
	});

	const all = [event('container', 'start', 'web'), event('image', 'pull', 'busybox'), event('network', 'connect', 'bridge', {container: 'abc'}), event('container', 'die', 'db')];
	const cases: Array<{name: string; type: string; filter: string; expected: string[]}> = [
		{name: 'everything', type: 'all', filter: '', expected: ['web', 'busybox', 'bridge', 'db']},
		{name: 'by type', type: 'container', filter: '', expected: ['web', 'db']},
		{name: 'by text', type: 'all', filter: 'pull', expected: ['busybox']},
		{name: 'by regex over attributes', type: 'all', filter: '^network .*container=abc', expected: ['bridge']},
		{name: 'type and text', type: 'container', filter: 'die', expected: ['db']},
		{name: 'nothing matches', type: 'volume', filter: '', expected: []},
	];
	for (const {name, type, filter, expected} of cases) {
		it(`filters: ${name}`, () => {
			const state = setUi(updateEvents(withEvents(all), {type}), {filter});
			assert.deepEqual(selectEvents(state).map(r => r.name), expected);
		});
	}

	it('follows new events until scrolled back; then stays on the same events', () => {
		let state = withEvents(all);
		const rows = selectEvents(state);
		assert.equal(bottomIndex(rows, undefined), 3);
		state = updateEvents(state, {anchor: rows[1]?.seq});
		state = recordEvent(state, event('container', 'stop', 'late'));
		assert.equal(selectEvents(state)[bottomIndex(selectEvents(state), state.events?.anchor)]?.name, 'busybox');
	});

	it('returns the same state when nothing changes', () => {
		const state = withEvents(all);
		assert.equal(updateEvents(state, {type: 'all'}), state);
	});
});
