/**
 * Sanitising of untrusted text before it reaches the terminal.
 *
 * Container output and engine-supplied strings (names, labels, commands) can
 * carry escape sequences that move the cursor, clear the screen, set the
 * window title, write the clipboard (OSC 52) or make the terminal answer on
 * our stdin. Everything here is one linear pass over UTF-16 code units: each
 * index is looked at a bounded number of times, so a hostile megabyte of
 * unterminated sequences costs no more than a megabyte of plain text.
 *
 * What is removed, in every mode:
 * - CSI (`ESC [` or 8-bit 0x9b) up to its final byte; only `ESC [ <0-9;:> m`
 *   (SGR) may survive, and only in `sanitizeAnsi`;
 * - OSC (`ESC ]`, 0x9d) up to BEL or ST; DCS, SOS, PM, APC (`ESC P/X/^/_` and
 *   their 8-bit forms) up to ST. An ESC that is not the start of ST ends the
 *   string and starts a new sequence, as in the VT500 parser; CAN and SUB abort;
 * - other ESC sequences (`ESC c`, `ESC 7`, `ESC ( 0`, `ESC # 8`, ...);
 * - every other C0 control, DEL and every C1 control (U+0080-U+009F);
 * - bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).
 * Lone surrogates become U+FFFD so widths stay predictable.
 */

import {ESC, scanCsi, scanEscape, scanString} from './escape-scan.js';
import stringWidth from './string-width.js';

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
/** Longest SGR parameter list that is passed through; real ones are under 50. */
const MAX_SGR_PARAMS = 128;
const TAB_STOP = 8;
/**
 * Tabs expand to tab stops only within this many code units of visible text;
 * past it (wider than any terminal) a tab is one space, which keeps display
 * width measuring bounded on hostile lines full of tabs and wide characters.
 */
const MAX_TAB_TEXT = 4096;
const RESET = '\u001b[0m';
const SGR_PARAMS = /^[0-9;:]*$/;

type Mode = 'text' | 'ansi' | 'strip';

/**
 * Makes untrusted text safe for a single-line cell: removes every escape
 * sequence and control character, strips bidi overrides, and turns each run
 * of tabs, newlines and carriage returns into one space.
 */
export function sanitizeText(s: string): string {
	return scan(s, 'text');
}

/**
 * Makes one untrusted log line safe to print while keeping its colours: SGR
 * sequences survive (minus conceal, SGR 8, which would hide text), everything
 * else is removed as in `sanitizeText`. Tabs expand to the next multiple of 8
 * columns (within the first 4096 characters; later ones become one space), carriage returns and backspaces are dropped (never applied, so text
 * cannot overwrite earlier text), a newline becomes a space, and `ESC[0m` is
 * appended when colour would otherwise bleed into the next line.
 */
export function sanitizeAnsi(s: string): string {
	return scan(s, 'ansi');
}

/**
 * Removes every escape sequence including colour, with the same whitespace
 * rules as `sanitizeAnsi`: for search and filter matching, and for NO_COLOR.
 * `stripAnsi(sanitizeAnsi(s)) === stripAnsi(s)`.
 */
export function stripAnsi(s: string): string {
	return scan(s, 'strip');
}

function isBidiControl(c: number): boolean {
	return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

function scan(s: string, mode: Mode): string {
	const n = s.length;
	// Plain concatenation: V8 builds a rope and flattens it once, cheaper than many small array pushes.
	let out = '';
	// Visible text since the column was last measured; only needed for tabs.
	let unmeasured: string[] = [];
	let visible = 0;
	let column = 0;
	let dirty = false;
	let runStart = 0;
	let i = 0;

	const emit = (text: string): void => {
		out += text;
		visible += text.length;
		if (mode !== 'text' && visible <= MAX_TAB_TEXT) {
			unmeasured.push(text);
		}
	};

	while (i < n) {
		const c = s.charCodeAt(i);
		if ((c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c < 0xd800 && !isBidiControl(c)) || c > 0xdfff) {
			i++;
			continue;
		}

		if (c >= 0xd800 && c <= 0xdbff) {
			const d = s.charCodeAt(i + 1);
			if (d >= 0xdc00 && d <= 0xdfff) {
				i += 2;
				continue;
			}
		}

		if (i > runStart) {
			emit(s.slice(runStart, i));
		}

		let next = i + 1;
		if (c >= 0xd800 && c <= 0xdfff) {
			emit('\ufffd');
		} else if (c === ESC) {
			if (s.charCodeAt(i + 1) === 0x5b) {
				next = scanCsi(s, i + 2);
				if (mode === 'ansi' && s.charCodeAt(next - 1) === 0x6d && next - 1 >= i + 2) {
					const sgr = filterSgr(s.slice(i + 2, next - 1), dirty);
					if (sgr !== undefined) {
						out += `\u001b[${sgr.params}m`;
						dirty = sgr.dirty;
					}
				}
			} else {
				next = scanEscape(s, i + 1);
			}
		} else if (c === 0x9b) {
			next = scanCsi(s, i + 1);
		} else if (c === 0x9d) {
			next = scanString(s, i + 1, true);
		} else if (c === 0x90 || c === 0x98 || c === 0x9e || c === 0x9f) {
			next = scanString(s, i + 1, false);
		} else if (mode === 'text' && (c === TAB || c === LF || c === CR)) {
			for (let d = s.charCodeAt(next); d === TAB || d === LF || d === CR; d = s.charCodeAt(++next)) {
				// A run of line whitespace becomes one space.
			}

			emit(' ');
		} else if (c === TAB && visible > MAX_TAB_TEXT) {
			emit(' ');
		} else if (c === TAB) {
			column += measure(unmeasured);
			unmeasured = [];
			const spaces = TAB_STOP - (column % TAB_STOP);
			out += ' '.repeat(spaces);
			visible += spaces;
			column += spaces;
		} else if (c === LF) {
			emit(' ');
		}
		// Anything else (CR and backspace outside text mode, other C0, DEL, C1, bidi) is dropped.

		i = next;
		runStart = next;
	}

	if (runStart === 0) {
		return s;
	}

	if (runStart < n) {
		out += s.slice(runStart);
	}

	if (dirty) {
		out += RESET;
	}

	return out;
}

/** Display width of visible text; only computed when a tab needs it. */
function measure(parts: string[]): number {
	const text = parts.join('');
	if (/^[\x20-\x7e]*$/.test(text)) {
		return text.length;
	}

	return stringWidth(text);
}

/**
 * Checks the parameters of an SGR and drops conceal (8). Returns the
 * parameters to emit and whether attributes are still set afterwards, or
 * undefined when nothing is left to emit.
 */
function filterSgr(params: string, dirty: boolean): {params: string; dirty: boolean} | undefined {
	if (params.length > MAX_SGR_PARAMS || !SGR_PARAMS.test(params)) {
		return undefined;
	}

	if (/^[0-9]{0,3}$/.test(params)) {
		// The common case: one plain attribute or colour.
		const value = params === '' ? 0 : Number(params);
		return value === 8 ? undefined : {params, dirty: value !== 0};
	}

	const tokens = params.split(';');
	const kept: string[] = [];
	for (let k = 0; k < tokens.length; k++) {
		const token = tokens[k]!;
		if (token.includes(':')) {
			// Sub-parameters (38:2::r:g:b, 4:3) are self-contained.
			kept.push(token);
			dirty = true;
		} else if (token === '38' || token === '48' || token === '58') {
			// Extended colour: 38;5;n or 38;2;r;g;b. Its arguments are not attributes (38;5;0 is not a reset).
			const kind = tokens[k + 1];
			const take = kind === '5' ? 2 : kind === '2' ? 4 : 0;
			kept.push(...tokens.slice(k, k + 1 + take));
			k += take;
			dirty = true;
		} else {
			const value = token === '' ? 0 : Number(token);
			if (value === 8) {
				continue;
			}

			kept.push(token);
			dirty = value !== 0;
		}
	}

	return kept.length === 0 ? undefined : {params: kept.join(';'), dirty};
}
