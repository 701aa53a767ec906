import {graphemes} from './graphemes.js';
import stringWidth from './string-width.js';

/*
 * What Ink writes for a line that changed. Ink 8 repaints from the first
 * changed column to the end of the line, so a row whose CPU figure moved
 * resends its memory, network, block I/O and ports too. This writes only the
 * runs of cells (character and style) that differ, each after a cursor move
 * to its column, with the colour codes a run needs and a reset after.
 * The bundle routes Ink's own line update here (scripts/bundle.mjs); a line
 * this cannot take cell by cell (controls other than colour codes, wide
 * characters) gets Ink's answer.
 */

/** One terminal cell: its character and the SGR parameters that style it from a reset ('' for none). */
type Cell = {text: string; style: string};

type Style = {intensity: string; italic: string; underline: string; blink: string; inverse: string; hidden: string; strike: string; fg: string; bg: string};

const plain: Style = {intensity: '', italic: '', underline: '', blink: '', inverse: '', hidden: '', strike: '', fg: '', bg: ''};

/** Cells this close together are written in one run: rewriting them costs less than another cursor move. */
const mergeGap = 4;

/** Applies one SGR sequence's parameters; undefined for a form we do not follow (colon sub-parameters). */
function applySgr(style: Style, params: string): Style | undefined {
	if (params.includes(':')) return undefined;
	const codes = params === '' ? [0] : params.split(';').map(Number);
	let next = {...style};
	for (let index = 0; index < codes.length; index++) {
		const code = codes[index]!;
		if (code === 0) next = {...plain};
		else if (code === 1 || code === 2) next.intensity = String(code);
		else if (code === 22) next.intensity = '';
		else if (code === 3 || code === 23) next.italic = code === 3 ? '3' : '';
		else if (code === 4 || code === 24) next.underline = code === 4 ? '4' : '';
		else if (code === 5 || code === 25) next.blink = code === 5 ? '5' : '';
		else if (code === 7 || code === 27) next.inverse = code === 7 ? '7' : '';
		else if (code === 8 || code === 28) next.hidden = code === 8 ? '8' : '';
		else if (code === 9 || code === 29) next.strike = code === 9 ? '9' : '';
		else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) next.fg = String(code);
		else if (code === 39) next.fg = '';
		else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) next.bg = String(code);
		else if (code === 49) next.bg = '';
		else if (code === 38 || code === 48) {
			const mode = codes[index + 1];
			const length = mode === 5 ? 2 : mode === 2 ? 4 : -1;
			if (length < 0 || index + length >= codes.length) return undefined;
			const colour = codes.slice(index, index + length + 1).join(';');
			if (code === 38) next.fg = colour;
			else next.bg = colour;
			index += length;
		} else {
			return undefined;
		}
	}
	return next;
}

function styleKey(style: Style): string {
	return [style.intensity, style.italic, style.underline, style.blink, style.inverse, style.hidden, style.strike, style.fg, style.bg].filter(Boolean).join(';');
}

// eslint-disable-next-line no-control-regex -- SGR starts with ESC.
const sgrAt = /\u001B\[([\d;:]*)m/y;

/**
 * One object per character and style, shared by every line that shows it: a
 * screen of lines is then arrays of pointers, not 40-byte cells by the
 * thousand (55,000 of them, 2.2 MB, sat in the line cache at N=50). Engine
 * text can bring any number of distinct characters, so the table is bounded.
 */
const interned = new Map<string, Map<string, Cell>>();
let internedCount = 0;
const internLimit = 4096;

function cellOf(text: string, style: string): Cell {
	let byText = interned.get(style);
	if (byText === undefined) {
		byText = new Map();
		interned.set(style, byText);
	}
	let cell = byText.get(text);
	if (cell === undefined) {
		if (internedCount >= internLimit) {
			interned.clear();
			internedCount = 0;
			byText = new Map();
			interned.set(style, byText);
		}
		cell = {text, style};
		byText.set(text, cell);
		internedCount++;
	}
	return cell;
}

/** A line as cells, or undefined when it holds what cells cannot say (other controls, wide or zero-width characters). */
export function parseCells(line: string): Cell[] | undefined {
	const cells: Cell[] = [];
	let style = plain;
	let key = '';
	let index = 0;
	while (index < line.length) {
		const code = line.charCodeAt(index);
		if (code === 0x1B) {
			sgrAt.lastIndex = index;
			const match = sgrAt.exec(line);
			if (!match) return undefined;
			const next = applySgr(style, match[1]!);
			if (!next) return undefined;
			style = next;
			key = styleKey(style);
			index = sgrAt.lastIndex;
			continue;
		}
		if (code >= 0x20 && code < 0x7F) {
			cells.push(cellOf(line[index]!, key));
			index += 1;
			continue;
		}
		if (code < 0x20 || code === 0x7F) return undefined;
		// A stretch of non-ASCII text, up to the next escape, cut into graphemes.
		let end = line.indexOf('\u001B', index);
		if (end < 0) end = line.length;
		for (const {segment} of graphemes(line.slice(index, end))) {
			if (/\p{Control}/u.test(segment) || stringWidth(segment) !== 1) return undefined;
			cells.push(cellOf(segment, key));
		}
		index = end;
	}
	return cells;
}

/*
 * Lines parsed lately, in two generations: a frame compares its changed lines
 * with the frame before's, so a line is looked up again soon or never. A hit
 * in the older generation moves the line to the current one; when that is
 * full it becomes the older one and the oldest lines go: at most twice
 * `generation` lines are kept, where one map held up to 512.
 */
const generation = 96;
let currentLines = new Map<string, Cell[] | undefined>();
let olderLines = new Map<string, Cell[] | undefined>();

function cellsOf(line: string): Cell[] | undefined {
	if (currentLines.has(line)) return currentLines.get(line);
	const cells = olderLines.has(line) ? olderLines.get(line) : parseCells(line);
	if (currentLines.size >= generation) {
		olderLines = currentLines;
		currentLines = new Map();
	}
	currentLines.set(line, cells);
	return cells;
}

const same = (a: Cell | undefined, b: Cell): boolean => a !== undefined && a.text === b.text && a.style === b.style;

/**
 * The bytes that turn `previous` into `next` on screen, with the cursor
 * anywhere on that line: only the runs of cells that changed. Undefined when
 * either line cannot be taken cell by cell, or is wider than the terminal.
 */
export function cellUpdate(previous: string, next: string, columns: number | undefined): string | undefined {
	const before = cellsOf(previous);
	const after = cellsOf(next);
	if (!before || !after || !columns || after.length > columns || before.length > columns) return undefined;
	let out = '';
	// Ink leaves every line with its styles closed, as its own update assumes.
	let current = '';
	let index = 0;
	while (index < after.length) {
		if (same(before[index], after[index]!)) {
			index += 1;
			continue;
		}
		// A run of changed cells, carried over short unchanged gaps.
		let end = index + 1;
		for (let look = end; look < after.length && look - end <= mergeGap; look++) {
			if (!same(before[look], after[look]!)) end = look + 1;
		}
		out += `\u001B[${index + 1}G`;
		for (let cell = index; cell < end; cell++) {
			const {text, style} = after[cell]!;
			if (style !== current) {
				out += current === '' ? `\u001B[${style}m` : `\u001B[0${style ? `;${style}` : ''}m`;
				current = style;
			}
			out += text;
		}
		index = end;
	}
	if (current) out += '\u001B[0m';
	// The next line is shorter: clear what is left of the previous one.
	if (before.length > after.length) out += `\u001B[${after.length + 1}G\u001B[K`;
	return out;
}
