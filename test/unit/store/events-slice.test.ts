import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {bottomIndex, eventsCapacity, execEventsCapacity, recordEvent, selectEvents, updateEvents} from '../../../source/store/events-slice.js';
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

	// A health check whose command is 120 KB raises "exec_start: sh -c <120 KB>" on each run.
	const huge = 'x'.repeat(120_000);
	const bounds: Array<{field: string; event: ReturnType<typeof event>; read: (record: NonNullable<ReturnType<typeof selectEvents>[number]>) => string[]; max: number}> = [
		{field: 'action', event: {...event('container', `exec_start: sh -c ${huge}`, 'web')}, read: r => [r.action], max: 120},
		{field: 'type', event: {...event(huge, 'start', 'web')}, read: r => [r.type], max: 32},
		{field: 'id', event: {...event('container', 'start', 'web'), id: huge}, read: r => [r.id], max: 80},
		{field: 'name', event: event('container', 'start', huge), read: r => [r.name], max: 80},
		{field: 'attribute values', event: event('container', 'die', 'web', {image: huge, exitCode: huge, signal: huge, container: huge, driver: huge}), read: r => r.attributes.flatMap(([key, value]) => [key, value]), max: 80},
	];
	for (const {field, event: raw, read, max} of bounds) {
		it(`bounds the ${field} of a kept event`, () => {
			const [record] = selectEvents(withEvents([raw]));
			assert.ok(record);
			for (const text of read(record)) assert.ok(text.length <= max, `${field}: ${text.length} > ${max}`);
			assert.ok(record.attributes.length <= 4, 'at most four attributes');
		});
	}

	it('keeps exec events out of the count: a storm of health checks does not push other events out', () => {
		const storm = Array.from({length: eventsCapacity * 3}, (_, i) => event('container', i % 2 ? 'exec_start: true' : 'exec_die', 'healthy'));
		const state = withEvents([event('container', 'start', 'first'), ...storm, event('container', 'die', 'last')]);
		const rows = selectEvents(state);
		assert.equal(rows[0]?.name, 'first', 'the oldest other event is still there');
		assert.equal(rows.at(-1)?.name, 'last');
		assert.equal(rows.filter(r => r.action.startsWith('exec_')).length, execEventsCapacity);
		assert.ok(rows.every((r, i) => i === 0 || r.seq > rows[i - 1]!.seq), 'in seq order');
	});

	it('Podman\'s exec and exec_died count as exec events too', () => {
		const storm = Array.from({length: eventsCapacity * 3}, (_, i) => event('container', i % 2 ? 'exec' : 'exec_died', 'healthy'));
		const state = withEvents([event('container', 'start', 'first'), ...storm, event('container', 'die', 'last')]);
		const rows = selectEvents(state);
		assert.equal(rows[0]?.name, 'first', 'the oldest other event is still there');
		assert.equal(rows.filter(r => r.action.startsWith('exec')).length, execEventsCapacity);
	});
});
