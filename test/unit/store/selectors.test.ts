import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {ContainerRow} from '../../../source/domain/container.js';
import type {StatsSample} from '../../../source/domain/stats.js';
import {replaceContainers} from '../../../source/store/containers-slice.js';
import {initialState} from '../../../source/store/initial-state.js';
import {searchText, selectRows, selectSelected} from '../../../source/store/selectors.js';
import type {AppState, SortColumn, UiState} from '../../../source/store/state.js';
import {pushStats} from '../../../source/store/stats-slice.js';
import {setUi, sortBy} from '../../../source/store/ui-slice.js';
import {fixtureRows} from '../../helpers/fixtures.js';

const allNames = ['burner', 'created-one', 'demo-1', 'evil-labels', 'job-failed', 'paused-one', 'web-healthy'];

function stateWith(ui: Partial<UiState> = {}, rows: ContainerRow[] = fixtureRows()): AppState {
	return replaceContainers(initialState({target: 'unix:///test.sock', ui}), rows);
}

function names(state: AppState): string[] {
	return selectRows(state).map(row => row.name);
}

function byName(state: AppState, name: string): ContainerRow {
	const row = [...state.containers.values()].find(r => r.name === name);
	assert.ok(row, `no row ${name}`);
	return row;
}

function sample(overrides: Partial<StatsSample>): StatsSample {
	return {time: 1000, cpuPercent: 0, memoryUsage: 0, memoryLimit: 1 << 30, memoryPercent: 0, netRx: 0, netTx: 0, blockRead: 0, blockWrite: 0, pids: 1, ...overrides};
}

/** A fixture row renamed, with a fresh id. */
function renamed(row: ContainerRow, name: string): ContainerRow {
	return {...row, id: `${row.id.slice(0, 40)}${name}`, name};
}

describe('selectRows filter', () => {
	const cases: Array<[string, string, string[]]> = [
		['empty filter shows everything', '', allNames],
		['substring of a name', 'demo', ['demo-1']],
		['case-insensitive', 'BURN', ['burner']],
		['compose project', 'shop', ['web-healthy']],
		['state word', 'paused', ['paused-one']],
		['image', 'busybox', allNames],
		['regex alternation', '^(burner|demo)', ['burner', 'demo-1']],
		['regex class', '^\\w+-one ', ['created-one', 'paused-one']],
		// The state reads as in its cell, exit code included (issue 10).
		['regex on the state', 'exited \\(\\d+\\)$', ['job-failed']],
		['nothing matches', 'zzz', []],
		['invalid regex falls back to a substring that matches nothing here', 'job-(', []],
	];
	for (const [name, filter, expected] of cases) {
		test(`${name}: "${filter}"`, () => {
			assert.deepEqual(names(stateWith({filter})), expected);
		});
	}

	test('invalid regex is matched as a plain substring', () => {
		const rows = [...fixtureRows(), renamed(fixtureRows()[0]!, 'odd(name')];
		assert.deepEqual(names(stateWith({filter: 'odd('}, rows)), ['odd(name']);
		assert.deepEqual(names(stateWith({filter: 'D(N'}, rows)), ['odd(name']);
	});

	test('searchText joins name, image, project and state', () => {
		const row = byName(stateWith(), 'demo-1');
		assert.equal(searchText(row), 'demo-1 porthole-test/busybox:1 demo running');
	});
});

describe('selectRows hideStopped', () => {
	test('hides exited and created containers, keeps paused', () => {
		assert.deepEqual(names(stateWith({hideStopped: true})), ['burner', 'demo-1', 'paused-one', 'web-healthy']);
	});

	test('hides dead containers too', () => {
		const rows = fixtureRows().map(row => row.name === 'burner' ? {...row, state: 'dead' as const} : row);
		assert.ok(!names(stateWith({hideStopped: true}, rows)).includes('burner'));
	});

	test('combines with the filter', () => {
		assert.deepEqual(names(stateWith({hideStopped: true, filter: 'one'})), ['paused-one']);
	});
});

describe('selectRows sort', () => {
	const sorts: Array<[SortColumn, boolean, string[]]> = [
		['name', false, allNames],
		['name', true, [...allNames].reverse()],
		['state', false, ['created-one', 'evil-labels', 'job-failed', 'paused-one', 'burner', 'demo-1', 'web-healthy']],
		['restarts', false, allNames],
		['restarts', true, allNames],
	];
	for (const [column, descending, expected] of sorts) {
		test(`by ${column} ${descending ? 'descending' : 'ascending'}`, () => {
			assert.deepEqual(names(stateWith({sort: {column, descending}})), expected);
		});
	}

	test('cpu descending: busiest first, ties by name, rows without stats last', () => {
		let state = stateWith({sort: {column: 'cpu', descending: true}});
		for (const [name, cpuPercent] of [['burner', 5], ['demo-1', 90], ['web-healthy', 5]] as const) {
			state = pushStats(state, byName(state, name).id, sample({cpuPercent}));
		}
		assert.deepEqual(names(state), ['demo-1', 'burner', 'web-healthy', 'created-one', 'evil-labels', 'job-failed', 'paused-one']);
	});

	test('cpu ties keep name order in both directions, so rows do not jump', () => {
		let state = stateWith({sort: {column: 'cpu', descending: true}});
		for (const name of ['web-healthy', 'burner', 'demo-1']) state = pushStats(state, byName(state, name).id, sample({cpuPercent: 50}));
		assert.deepEqual(names(state).slice(0, 3), ['burner', 'demo-1', 'web-healthy']);
		state = setUi(state, {sort: {column: 'cpu', descending: false}});
		assert.deepEqual(names(state).slice(-3), ['burner', 'demo-1', 'web-healthy']);
	});

	test('same name breaks the tie on id', () => {
		const [first] = fixtureRows();
		assert.ok(first);
		const twins = [{...first, id: 'bbb', name: 'twin'}, {...first, id: 'aaa', name: 'twin'}];
		assert.deepEqual(selectRows(stateWith({}, twins)).map(row => row.id), ['aaa', 'bbb']);
	});

	test('the order follows new stats when sorting by a stats column', () => {
		let state = stateWith({sort: {column: 'cpu', descending: true}});
		state = pushStats(state, byName(state, 'burner').id, sample({cpuPercent: 10}));
		assert.equal(names(state)[0], 'burner');
		state = pushStats(state, byName(state, 'web-healthy').id, sample({cpuPercent: 20}));
		assert.equal(names(state)[0], 'web-healthy');
	});

	test('sortBy picks the natural direction and flips on repeat', () => {
		let state = stateWith();
		state = sortBy(state, 'cpu');
		assert.deepEqual(state.ui.sort, {column: 'cpu', descending: true});
		state = sortBy(state, 'cpu');
		assert.deepEqual(state.ui.sort, {column: 'cpu', descending: false});
		state = sortBy(state, 'image');
		assert.deepEqual(state.ui.sort, {column: 'image', descending: false});
	});

	test('memoized: the same slices give the same array', () => {
		const state = stateWith();
		assert.equal(selectRows(state), selectRows({...state}));
		assert.notEqual(selectRows(state), selectRows(setUi(state, {filter: 'demo'})));
	});
});

describe('selectSelected', () => {
	test('the selected row when visible', () => {
		const state = stateWith();
		const id = byName(state, 'job-failed').id;
		assert.equal(selectSelected(setUi(state, {selectedId: id}))?.name, 'job-failed');
	});

	test('falls back to the first visible row when the selection is filtered away', () => {
		const state = stateWith({filter: 'demo'});
		assert.equal(selectSelected(setUi(state, {selectedId: byName(state, 'burner').id}))?.name, 'demo-1');
	});

	test('undefined when nothing is visible', () => {
		assert.equal(selectSelected(stateWith({filter: 'zzz'})), undefined);
	});
});
