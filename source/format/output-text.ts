import {stripAnsi} from './sanitize.js';

/** At most this many lines of a command's output are kept. */
export const outputMaxLines = 10_000;
/** A longer line is cut here, with a marker. */
export const outputMaxLineLength = 2_000;

/**
 * A one-shot command's output as safe lines for the output view: escape
 * sequences and control characters removed, tabs expanded, each line cut to
 * a bounded length, and at most `outputMaxLines` lines (the first ones, as a
 * pager shows them). The trailing newline adds no empty line.
 */
export function outputLines(text: string): {lines: string[]; truncated: boolean} {
	const raw = text.split(/\r?\n/);
	if (raw.at(-1) === '') raw.pop();
	const truncated = raw.length > outputMaxLines;
	const lines = raw.slice(0, outputMaxLines).map(line => {
		const cut = line.length > outputMaxLineLength * 2 ? line.slice(0, outputMaxLineLength * 2) : line;
		const safe = stripAnsi(cut);
		return safe.length > outputMaxLineLength || cut.length < line.length ? `${safe.slice(0, outputMaxLineLength)}… [line cut]` : safe;
	});
	return {lines, truncated};
}

/** What a line of a classic build's log is: a step (`Step 2/4 : RUN …`), a cache hit (` ---> Using cache`), or other text. */
export type BuildLineKind = 'step' | 'cache' | 'text';

/** Tells a build log's steps and cache hits from its other lines, so the output view can draw them apart. */
export function buildLineKind(line: string): BuildLineKind {
	if (/^Step \d+\/\d+ : /.test(line)) return 'step';
	if (/^ ---> Using cache\s*$/.test(line)) return 'cache';
	return 'text';
}
