import type {LogLine} from '../domain/log-line.js';
import {findWrapping, makeMatcher} from '../domain/matcher.js';
import type {Ring} from '../domain/ring.js';
import type {LogsState} from './logs-slice.js';

/** The lines the logs view shows after the filter: ordered by seq, read by index without copying. */
export type LogView = {
	/** Lines that pass the filter. */
	readonly size: number;
	/** Lines held in all. */
	readonly total: number;
	at(index: number): LogLine | undefined;
	/** Copies [start, end) out. */
	slice(start: number, end: number): LogLine[];
	/** Index of the line with this seq, or of the first later one (size when none). */
	indexOfSeq(seq: number): number;
};

/** A regex (case-insensitive) or, when the text is not a valid one, a substring matcher over a line's plain text. */
export function lineMatcher(text: string): (line: LogLine) => boolean {
	const matches = makeMatcher(text);
	return line => line.stream !== 'marker' && matches(line.plain);
}

/** Whether a line stays in view under the filter: matching, or not matching when inverted. Markers always stay. */
export function filterPredicate(filter: string, inverse: boolean): (line: LogLine) => boolean {
	const matches = lineMatcher(filter);
	return line => line.stream === 'marker' || matches(line) !== inverse;
}

function searchSeq(size: number, at: (index: number) => LogLine | undefined, seq: number): number {
	let low = 0;
	let high = size;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if ((at(mid)?.seq ?? Infinity) < seq) low = mid + 1;
		else high = mid;
	}
	return low;
}

function ringView(ring: Ring<LogLine>): LogView {
	const at = (index: number) => ring.at(index);
	return {size: ring.size, total: ring.size, at, slice: (start, end) => ring.slice(start, end), indexOfSeq: seq => searchSeq(ring.size, at, seq)};
}

function arrayView(lines: LogLine[], total: number): LogView {
	const at = (index: number) => (index >= 0 ? lines[index] : undefined);
	return {size: lines.length, total, at, slice: (start, end) => lines.slice(Math.max(0, start), Math.max(0, end)), indexOfSeq: seq => searchSeq(lines.length, at, seq)};
}

type Memo = {ring: Ring<LogLine>; filter: string; inverse: boolean; version: number; lastSeq: number; lines: LogLine[]; view: LogView};
let memo: Memo | undefined;
let ringMemo: {ring: Ring<LogLine>; version: number; view: LogView} | undefined;

/**
 * The filtered view of the logs. Without a filter it is the ring itself. With
 * one, the matching lines are kept in an array that is updated incrementally
 * as lines arrive (only new lines are tested; lines that left the ring are
 * dropped from the front), and recomputed when the filter or the ring changes.
 */
export function logView(logs: LogsState): LogView {
	const {lines: ring, filter, inverse, version} = logs;
	if (filter === '') {
		if (!ringMemo || ringMemo.ring !== ring || ringMemo.version !== version) ringMemo = {ring, version, view: ringView(ring)};
		return ringMemo.view;
	}
	if (memo && memo.ring === ring && memo.filter === filter && memo.inverse === inverse) {
		if (memo.version === version) return memo.view;
		const keep = filterPredicate(filter, inverse);
		const firstSeq = ring.at(0)?.seq ?? Infinity;
		let stale = 0;
		while (stale < memo.lines.length && memo.lines[stale]!.seq < firstSeq) stale++;
		if (stale > 0) memo.lines.splice(0, stale);
		let start = ring.size;
		while (start > 0 && ring.at(start - 1)!.seq > memo.lastSeq) start--;
		for (const line of ring.slice(start, ring.size)) if (keep(line)) memo.lines.push(line);
		memo.lastSeq = ring.last()?.seq ?? memo.lastSeq;
		memo.version = version;
		memo.view = arrayView(memo.lines, ring.size);
		return memo.view;
	}
	const keep = filterPredicate(filter, inverse);
	const lines = ring.toArray().filter(keep);
	memo = {ring, filter, inverse, version, lastSeq: ring.last()?.seq ?? 0, lines, view: arrayView(lines, ring.size)};
	return memo.view;
}

/**
 * The index of the next line matching `search`, from `from` (exclusive) in
 * `direction`, wrapping around; undefined when no line matches.
 */
export function findMatch(view: LogView, search: string, from: number, direction: 1 | -1): number | undefined {
	if (search === '' || view.size === 0) return undefined;
	const matches = lineMatcher(search);
	return findWrapping(view.size, index => {
		const line = view.at(index);
		return line !== undefined && matches(line);
	}, from, direction);
}

let countMemo: {view: LogView; search: string; count: number} | undefined;

/** How many lines of the view match the search (memoized per view and search). */
export function countMatches(view: LogView, search: string): number {
	if (search === '') return 0;
	if (countMemo && countMemo.view === view && countMemo.search === search) return countMemo.count;
	const matches = lineMatcher(search);
	let count = 0;
	for (let index = 0; index < view.size; index++) if (matches(view.at(index)!)) count++;
	countMemo = {view, search, count};
	return count;
}
