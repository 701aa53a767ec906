/**
 * Fitting text into fixed-width table cells.
 */

import {graphemes} from './graphemes.js';
import stringWidth from './string-width.js';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ELLIPSIS = '…';

/**
 * Truncates `text` to `width` display columns, ending a cut with '…', and pads
 * it with spaces to exactly `width` columns (on the right, or on the left when
 * `align` is 'right'). Wide characters (CJK, emoji) count as two columns and
 * are never split; a cut that would split one is padded instead. Expects
 * plain text: pass untrusted text through `sanitizeText` first.
 */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	if (!(width > 0)) {
		return '';
	}

	const columns = Math.floor(width);
	let body = text;
	let used: number;
	if (PRINTABLE_ASCII.test(text)) {
		used = text.length;
		if (used > columns) {
			body = text.slice(0, columns - 1) + ELLIPSIS;
			used = columns;
		}
	} else {
		used = stringWidth(text);
		if (used > columns) {
			[body, used] = truncate(text, columns - 1);
		}
	}

	const padding = ' '.repeat(columns - used);
	return align === 'right' ? padding + body : body + padding;
}

/** Keeps whole graphemes of `text` up to `room` columns, then adds the ellipsis. */
function truncate(text: string, room: number): [string, number] {
	let body = '';
	let used = 0;
	for (const {segment} of graphemes(text)) {
		const w = stringWidth(segment);
		if (used + w > room) {
			break;
		}

		body += segment;
		used += w;
	}

	return [body + ELLIPSIS, used + 1];
}
