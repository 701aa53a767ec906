import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {movedIndex, type Move} from '../../../source/domain/selection-move.js';

describe('movedIndex: the one rule for moving a selection', () => {
	const cases: Array<[string, number, number, Move, number | undefined]> = [
		['down one', 0, 10, 1, 1],
		['up one', 5, 10, -1, 4],
		['up at the top stays', 0, 10, -1, 0],
		['down at the bottom stays', 9, 10, 1, 9],
		['a page past the end clamps to the last', 7, 10, 20, 9],
		['a page before the start clamps to the first', 3, 10, -20, 0],
		['first', 6, 10, 'first', 0],
		['last', 2, 10, 'last', 9],
		['a selection past a shrunk list comes back inside', 15, 10, 0, 9],
		['an empty list has nowhere to go', 0, 0, 1, undefined],
		['an empty list, to the end', 0, 0, 'last', undefined],
	];
	for (const [name, current, count, move, expected] of cases) {
		test(name, () => assert.equal(movedIndex(current, count, move), expected));
	}
});
