import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {initialState} from '../../../source/store/initial-state.js';
import {openLiveOutput, outputMatches, scrollOutput, setOutputLines, setOutputSearch, toggleOutputFollow} from '../../../source/store/output-slice.js';

describe('setOutputLines (a live build log)', () => {
	const lines = (count: number, from = 0) => Array.from({length: count}, (_, index) => `line ${from + index}`);
	const opened = openLiveOutput(initialState({target: 'unix:///x'}), 'build-1', 'Build of /x', () => undefined, true);
	const cases: Array<[string, number, number, number, number, boolean]> = [
		// name, lines before, scroll before (10 visible; the end is lines - 10), lines after, scroll after, following after
		['short: stays at the top', 3, 0, 8, 0, true],
		['at the end: follows', 20, 10, 30, 20, true],
		['scrolled up: stays put, paused', 20, 4, 30, 4, false],
		['first overflow follows from the top', 10, 0, 15, 5, true],
	];
	for (const [name, before, scroll, after, expected, following] of cases) {
		it(name, () => {
			const start = setOutputLines(opened, 'build-1', lines(before), 10);
			const placed = scrollOutput(start, scroll, Math.max(0, before - 10));
			const next = setOutputLines(placed, 'build-1', lines(after), 10);
			assert.equal(next.output?.scroll, expected);
			assert.equal(next.output?.follow, following);
		});
	}
	it('paused, keeps the same lines on screen (and the match) when the bound drops older ones', () => {
		const start = setOutputLines(opened, 'build-1', lines(30), 10);
		const paused = {...scrollOutput(start, 12, 20), output: {...scrollOutput(start, 12, 20).output!, match: 14}};
		const next = setOutputLines(paused, 'build-1', lines(30, 5), 10, {dropped: 5, truncated: true});
		assert.equal(next.output?.scroll, 7);
		assert.equal(next.output?.lines[7], 'line 12');
		assert.equal(next.output?.match, 9);
		assert.equal(next.output?.lines[9], 'line 14');
	});
	it('Space pauses where it is and resumes at the end', () => {
		const start = setOutputLines(opened, 'build-1', lines(30), 10);
		const paused = toggleOutputFollow(start, 20);
		assert.deepEqual([paused.output?.follow, paused.output?.scroll], [false, 20]);
		assert.equal(setOutputLines(paused, 'build-1', lines(40), 10).output?.scroll, 20);
		const resumed = toggleOutputFollow(scrollOutput(paused, 3, 20), 20);
		assert.deepEqual([resumed.output?.follow, resumed.output?.scroll], [true, 20]);
	});
	it('leaves another command\'s view alone, and keeps the title and cancel', () => {
		assert.equal(setOutputLines(opened, 'build-2', lines(5), 10), opened);
		assert.equal(opened.output?.title, 'Build of /x');
		assert.equal(typeof opened.output?.cancel, 'function');
		assert.equal(opened.ui.view, 'output');
		assert.deepEqual(opened.output?.build, {cached: 0});
	});
	it('a new search forgets the match jumped to', () => {
		const matched = {...opened, output: {...opened.output!, search: 'a', match: 3}};
		assert.deepEqual([setOutputSearch(matched, 'ab').output?.search, setOutputSearch(matched, 'ab').output?.match], ['ab', undefined]);
	});
});

describe('outputMatches', () => {
	const lines = ['Step 1/3 : FROM busybox', ' ---> Using cache', 'Step 2/3 : RUN echo (hi', 'hi'];
	const cases: Array<[string, number]> = [
		['', 0],
		['step', 2],
		['^Step [12]/', 2],
		['using CACHE', 1],
		['echo (hi', 1], // not a valid regex: matched as text
		['nothing', 0],
	];
	for (const [search, expected] of cases) it(`"${search}" matches ${expected}`, () => assert.equal(outputMatches(lines, search), expected));
});
