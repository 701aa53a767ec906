import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {windowStart} from '../../../source/components/table.js';

describe('windowStart', () => {
	// [name, selected, height, total, previous start, expected start]
	const cases: Array<[string, number, number, number, number, number]> = [
		['everything fits', 3, 10, 5, 0, 0],
		['everything fits, stale previous start', 4, 10, 5, 7, 0],
		['exactly fits', 9, 10, 10, 3, 0],
		['no rows', 0, 10, 0, 0, 0],
		['selection inside the window keeps it', 5, 10, 100, 0, 0],
		['selection inside a scrolled window keeps it', 12, 10, 100, 5, 5],
		['selection on the window\'s last row keeps it', 14, 10, 100, 5, 5],
		['one past the bottom scrolls by one', 10, 10, 100, 0, 1],
		['far below scrolls just enough', 50, 10, 100, 0, 41],
		['above the window scrolls up to it', 3, 10, 100, 20, 3],
		['the first row from far down', 0, 10, 100, 90, 0],
		['the last row', 99, 10, 100, 0, 90],
		['previous start past the end is pulled back', 95, 10, 100, 99, 90],
		['shrunk list pulls the window back', 2, 10, 12, 50, 2],
		['height one follows the selection', 7, 1, 20, 0, 7],
		['height one, moving up', 6, 1, 20, 7, 6],
		['500 rows, bottom', 499, 36, 500, 0, 464],
		['500 rows, back to the top', 0, 36, 500, 464, 0],
	];
	for (const [name, selected, height, total, previous, expected] of cases) {
		test(`${name}: windowStart(${selected}, ${height}, ${total}, ${previous}) = ${expected}`, () => {
			const start = windowStart(selected, height, total, previous);
			assert.equal(start, expected);
			if (total > 0) {
				assert.ok(selected >= start && selected < start + height, 'the selection is visible');
				assert.ok(start + Math.min(height, total) <= total, 'the window does not run past the end');
			}
		});
	}

	test('moving down one row at a time never jumps the window more than one', () => {
		let start = 0;
		for (let selected = 0; selected < 100; selected++) {
			const next = windowStart(selected, 10, 100, start);
			assert.ok(next - start <= 1, `jumped from ${start} to ${next}`);
			start = next;
		}
		assert.equal(start, 90);
	});
});
