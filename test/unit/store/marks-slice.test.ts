import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {applyMarkOp, markedCount, markedIn, pruneMarks, updateMarks, type MarkOp} from '../../../source/store/marks-slice.js';
import {removeContainer, replaceContainers} from '../../../source/store/containers-slice.js';
import {initialState} from '../../../source/store/initial-state.js';
import {fixtureRows} from '../../helpers/fixtures.js';

describe('applyMarkOp', () => {
	const cases: Array<[string, string[], MarkOp, string[]]> = [
		['toggle marks an unmarked row', [], {kind: 'toggle', id: 'a'}, ['a']],
		['toggle unmarks a marked row', ['a', 'b'], {kind: 'toggle', id: 'a'}, ['b']],
		['all adds every visible row', ['x'], {kind: 'all', visible: ['a', 'b']}, ['a', 'b', 'x']],
		['all keeps marks the filter hides', ['hidden'], {kind: 'all', visible: []}, ['hidden']],
		['invert flips the visible rows only', ['a', 'hidden'], {kind: 'invert', visible: ['a', 'b', 'c']}, ['b', 'c', 'hidden']],
		['invert of nothing marked marks all visible', [], {kind: 'invert', visible: ['a', 'b']}, ['a', 'b']],
		['invert twice is the identity', ['a'], {kind: 'invert', visible: []}, ['a']],
		['clear drops everything, hidden marks too', ['a', 'hidden'], {kind: 'clear'}, []],
	];
	for (const [name, before, op, after] of cases) {
		test(name, () => assert.deepEqual([...applyMarkOp(new Set(before), op)].sort(), after));
	}
});

describe('markedIn', () => {
	const cases: Array<[string, string[], string[], string[]]> = [
		['keeps the order of the existing rows', ['c', 'a'], ['a', 'b', 'c'], ['a', 'c']],
		['leaves out marks on rows that are gone', ['gone', 'b'], ['a', 'b'], ['b']],
		['nothing marked', [], ['a'], []],
	];
	for (const [name, marks, existing, expected] of cases) test(name, () => assert.deepEqual(markedIn(new Set(marks), existing), expected));
});

describe('marks follow the containers', () => {
	const rows = fixtureRows();
	const [first, second] = rows;
	assert.ok(first && second);
	const seeded = replaceContainers(initialState({target: 'unix:///x.sock', readOnly: false}), rows);
	const marked = updateMarks(updateMarks(seeded, 'containers', {kind: 'toggle', id: first.id}), 'containers', {kind: 'toggle', id: second.id});

	test('a removed container loses its mark', () => {
		const next = removeContainer(marked, first.id);
		assert.deepEqual([...(next.marks?.containers ?? [])], [second.id]);
		assert.equal(markedCount(next, 'containers'), 1);
	});

	test('a resync without the container drops its mark; the others stay', () => {
		const next = replaceContainers(marked, rows.filter(row => row.id !== second.id));
		assert.deepEqual([...(next.marks?.containers ?? [])], [first.id]);
	});

	test('pruning with every row present returns the same state', () => {
		assert.equal(pruneMarks(marked, 'containers', marked.containers), marked);
	});

	test('the count is per view: containers counted, images not, help shows the view under it', () => {
		assert.equal(markedCount(marked, 'containers'), 2);
		assert.equal(markedCount(marked, 'images'), 0);
		assert.equal(markedCount({...marked, ui: {...marked.ui, helpFrom: 'containers'}}, 'help'), 2);
	});
});
