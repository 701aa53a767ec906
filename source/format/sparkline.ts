/**
 * Small charts made of text: a one-line block sparkline and a braille area
 * chart (two samples per cell, four dots per row), so no chart library is needed.
 */

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const BRAILLE_BASE = 0x2800;
/** Dot bits of a braille cell's left and right columns, from the bottom row up. */
const LEFT_DOTS = [0x40, 0x04, 0x02, 0x01];
const RIGHT_DOTS = [0x80, 0x20, 0x10, 0x08];

/**
 * Draws the last `width` values as blocks ▁..█, the newest last, padded on the
 * left with spaces where there is no data yet. A value fills the block whose
 * eighth of `max` it falls in (0 and tiny values give ▁, `max` and above give
 * █). Without a positive `max`, the largest value shown is used. A
 * non-finite value (a missed sample) is a space; a negative one counts as 0.
 */
export function sparkline(values: number[], width: number, max?: number): string {
	const cells = Math.max(0, Math.floor(width));
	const shown = values.slice(Math.max(0, values.length - cells));
	const top = scaleMax(shown, max);
	let line = ' '.repeat(cells - shown.length);
	for (const value of shown) {
		if (!Number.isFinite(value)) {
			line += ' ';
			continue;
		}

		const level = top > 0 ? Math.ceil((clean(value) / top) * BLOCKS.length) - 1 : 0;
		line += BLOCKS[Math.min(BLOCKS.length - 1, Math.max(0, level))];
	}

	return line;
}

/**
 * Draws the last `2 * width` values as a filled area chart of `height` rows,
 * each `width` braille characters, top row first, the newest value in the
 * right column of the last cell. A value lights ceil(value / max * height * 4)
 * dots from the bottom, so any positive value shows at least one dot.
 * Cells without data are blank braille (U+2800). `max` as in `sparkline`.
 */
export function brailleChart(values: number[], width: number, height: number, max?: number): string[] {
	const cells = Math.max(0, Math.floor(width));
	const rows = Math.max(0, Math.floor(height));
	const samples = cells * 2;
	const shown = values.slice(Math.max(0, values.length - samples));
	const top = scaleMax(shown, max);
	const dots = rows * 4;
	// Dot heights per horizontal position, right-aligned; 0 where there is no data.
	const fill = new Array<number>(samples).fill(0);
	const offset = samples - shown.length;
	for (let k = 0; k < shown.length; k++) {
		const ratio = top > 0 ? clean(shown[k]!) / top : 0;
		fill[offset + k] = Math.min(dots, Math.ceil(ratio * dots));
	}

	const lines: string[] = [];
	for (let row = 0; row < rows; row++) {
		const floor = (rows - 1 - row) * 4;
		let line = '';
		for (let cell = 0; cell < cells; cell++) {
			const bits = columnBits(fill[cell * 2]! - floor, LEFT_DOTS) | columnBits(fill[cell * 2 + 1]! - floor, RIGHT_DOTS);
			line += String.fromCharCode(BRAILLE_BASE + bits);
		}

		lines.push(line);
	}

	return lines;
}

function columnBits(lit: number, column: number[]): number {
	let bits = 0;
	for (let k = 0; k < Math.min(lit, 4); k++) {
		bits |= column[k]!;
	}

	return bits;
}

function clean(value: number): number {
	return Number.isFinite(value) && value > 0 ? value : 0;
}

function scaleMax(values: number[], max: number | undefined): number {
	if (max !== undefined && Number.isFinite(max) && max > 0) {
		return max;
	}

	let top = 0;
	for (const value of values) {
		top = Math.max(top, clean(value));
	}

	return top;
}
