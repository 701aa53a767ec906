import type {LogLine, LogStream, RawLogLine} from '../domain/log-line.js';
import {formatBytes} from './bytes.js';
import {sanitizeAnsi, sanitizeText, stripAnsi} from './sanitize.js';

/**
 * Makes a line from the engine safe to hold and show: SGR colours kept (or
 * none, without colour), every other escape and control removed, and a plain
 * copy for search, filter and saving. The sequence number is the store's.
 */
export function toLogLine(raw: RawLogLine, source: string, colour: boolean): Omit<LogLine, 'seq'> {
	const plain = stripAnsi(raw.text);
	return {source, stream: raw.stream, time: raw.time, text: colour ? sanitizeAnsi(raw.text) : plain, plain, cut: raw.cut};
}

/** A line of our own in the stream (a restart, a removal), at `time` (RFC3339Nano). */
export function markerLine(source: string, text: string, time: string): Omit<LogLine, 'seq'> {
	const clean = sanitizeText(text);
	return {source, stream: 'marker', time, text: clean, plain: clean, cut: 0};
}

/** Epoch milliseconds as the engine's fixed-width RFC3339Nano, so it sorts with the engine's timestamps. */
export function rfc3339Nano(ms: number): string {
	return new Date(ms).toISOString().replace('Z', '000000Z');
}

/**
 * The gutter mark of a stream. It carries the meaning without colour
 * (NO_COLOR): stderr is `E`, our markers `»`, stdout and TTY output a bar.
 */
export const streamMarks: Record<LogStream, {mark: string; color?: string}> = {
	stdout: {mark: '│'},
	tty: {mark: '│'},
	stderr: {mark: 'E', color: 'red'},
	marker: {mark: '»', color: 'yellow'},
};

/** The colours names cycle through in the merged view. */
export const nameColours = ['cyan', 'magenta', 'green', 'yellow', 'blue', 'redBright', 'cyanBright', 'magentaBright'] as const;

/** A timestamp as shown when timestamps are on: UTC to the millisecond, e.g. `2026-11-24 17:28:59.701`. */
export function formatLogTime(time: string): string {
	if (time.length < 23) return ''.padEnd(23);
	return `${time.slice(0, 10)} ${time.slice(11, 23)}`;
}

/** The note after a line cut for display. */
export function cutNote(cut: number): string {
	return cut > 0 ? ' … [line cut; save the complete log to see it whole]' : '';
}

/** A piece of a line for display: text, and whether it is a search match. */
export type Segment = {text: string; match: boolean};

/**
 * Splits plain text around the matches of `search` (a case-insensitive regex,
 * or a substring when it is not a valid one), for highlighting. At most
 * `limit` matches are marked; empty matches are skipped.
 */
export function highlightSegments(text: string, search: string, limit = 200): Segment[] {
	if (search === '') return [{text, match: false}];
	let pattern: RegExp;
	try {
		pattern = new RegExp(search, 'gi');
	} catch {
		pattern = new RegExp(search.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
	}
	const segments: Segment[] = [];
	let last = 0;
	let count = 0;
	for (const found of text.matchAll(pattern)) {
		if (found[0] === '' || count >= limit) continue;
		const start = found.index;
		if (start > last) segments.push({text: text.slice(last, start), match: false});
		segments.push({text: found[0], match: true});
		last = start + found[0].length;
		count++;
		if (count >= limit) break;
	}
	if (last < text.length) segments.push({text: text.slice(last), match: false});
	return segments.length > 0 ? segments : [{text, match: false}];
}

/** Text of a line as the saved view writes it: `[time ][name | ]plain`. */
export function savedViewLine(line: LogLine, options: {timestamps: boolean; name?: string}): string {
	const time = options.timestamps && line.time ? `${line.time} ` : '';
	const name = options.name === undefined ? '' : `${options.name} | `;
	const cut = line.cut > 0 ? ` […${line.cut} bytes cut]` : '';
	return `${time}${name}${line.plain}${cut}`;
}

/** A range as the header shows it, e.g. "tail 1k", "since 15m", "all". */
export function formatRange(range: {tail?: number; sinceSeconds?: number}): string {
	const parts: string[] = [];
	if (range.sinceSeconds !== undefined) parts.push(`since ${compact(range.sinceSeconds, [[86_400, 'd'], [3600, 'h'], [60, 'm'], [1, 's']])}`);
	if (range.tail !== undefined) parts.push(`tail ${compact(range.tail, [[1000, 'k'], [1, '']])}`);
	return parts.length > 0 ? parts.join(', ') : 'all';
}

function compact(value: number, units: Array<[number, string]>): string {
	for (const [size, suffix] of units) if (value >= size && value % size === 0) return `${value / size}${suffix}`;
	return String(value);
}

/**
 * The search segments of a line cut out of its coloured text, so the parts
 * between matches keep the line's own colours: each piece starts with the
 * colours in force where it begins and ends with a reset. `text` is the
 * sanitised line (SGR only), `segments` split its plain copy. When the two do
 * not line up (they always should), the plain segments come back unchanged.
 */
export function colouredSegments(text: string, segments: Segment[]): Segment[] {
	const out: Segment[] = [];
	const sgr = /\u001b\[[0-9;:]*m/y;
	let index = 0;
	let active = '';
	for (const segment of segments) {
		let piece = active;
		let left = segment.text.length;
		while (left > 0 && index < text.length) {
			sgr.lastIndex = index;
			const found = sgr.exec(text);
			if (found) {
				const sequence = found[0];
				active = sequence === '\u001b[0m' || sequence === '\u001b[m' ? '' : active + sequence;
				piece += sequence;
				index += sequence.length;
				continue;
			}
			piece += text[index];
			index++;
			left--;
		}
		if (left > 0) return segments;
		out.push({text: piece + (active === '' && piece === segment.text ? '' : '\u001b[0m'), match: segment.match});
	}
	return out;
}
