import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {initialState} from '../../../source/store/initial-state.js';
import {openLiveOutput, setOutputLines} from '../../../source/store/output-slice.js';

describe('setOutputLines (a live build log)', () => {
	const lines = (count: number) => Array.from({length: count}, (_, index) => `line ${index}`);
	const opened = openLiveOutput(initialState({target: 'unix:///x'}), 'build-1', 'Build of /x', () => undefined);
	const cases: Array<[string, number, number, number, number]> = [
		// name, lines before, scroll before, lines after, scroll after (10 visible)
		['short: stays at the top', 3, 0, 8, 0],
		['at the end: follows', 20, 10, 30, 20],
		['scrolled up: stays put', 20, 4, 30, 4],
		['first overflow follows from the top', 10, 0, 15, 5],
	];
	for (const [name, before, scroll, after, expected] of cases) {
		it(name, () => {
			const start = setOutputLines(opened, 'build-1', lines(before), 10);
			const placed = {...start, output: {...start.output!, scroll}};
			assert.equal(setOutputLines(placed, 'build-1', lines(after), 10).output?.scroll, expected);
		});
	}
	it('leaves another command\'s view alone, and keeps the title and cancel', () => {
		assert.equal(setOutputLines(opened, 'build-2', lines(5), 10), opened);
		assert.equal(opened.output?.title, 'Build of /x');
		assert.equal(typeof opened.output?.cancel, 'function');
		assert.equal(opened.ui.view, 'output');
	});
});
