import realStringWidth from 'string-width';

/**
 * string-width, cached and with a fast path for the characters our frames
 * use. The bundle routes every `string-width` import (Ink's, cli-truncate's,
 * ours) here; see scripts/build.mjs.
 *
 * string-width segments any non-ASCII string into graphemes and tests each
 * against Unicode property regexes. Ink measures every line of every frame,
 * and our lines carry sparklines, braille charts, "·" and "▼", so that was
 * most of a frame's cost. Frames repeat almost all their text, so a small
 * cache takes most calls; the rest are checked against a set of characters
 * that are one column wide and never part of an emoji or a cluster.
 */

/** Printable ASCII, Latin-1 without the soft hyphen, punctuation, arrows, box drawing, blocks, shapes (not ◽◾) and braille. */
const narrow = /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u00FF\u2010-\u2027\u2190-\u21FF\u2500-\u25FC\u25FF\u2800-\u28FF]*$/;
const sgr = /\u001B\[[\d;]*m/g;
const maxCached = 2048;
const maxLength = 1024;
const plainCache = new Map<string, number>();
const ansiCache = new Map<string, number>();

type Options = {ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean};

function measure(input: string, options: Options | undefined): number {
	const text = options === undefined && input.includes('\u001B') ? input.replace(sgr, '') : input;
	if (!text.includes('\u001B') && narrow.test(text)) return text.length;
	return realStringWidth(input, options);
}

/** The visible width of a string in terminal columns, as string-width counts it. */
export default function stringWidth(input: string, options?: Options): number {
	const plain = options === undefined;
	const ansi = !plain && options.countAnsiEscapeCodes === true && Object.keys(options).length === 1;
	if (!(plain || ansi) || typeof input !== 'string' || input.length > maxLength) return realStringWidth(input, options);
	const cache = plain ? plainCache : ansiCache;
	let width = cache.get(input);
	if (width === undefined) {
		width = measure(input, options);
		if (cache.size >= maxCached) cache.clear();
		cache.set(input, width);
	}
	return width;
}
