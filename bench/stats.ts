/** Small statistics and formatting helpers for the benchmark report. */

/** The p-th percentile (0..100) of the values, nearest-rank; NaN when empty. */
export function percentile(values: number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** Rounds to `digits` decimals, keeping numbers numbers (for the JSON line). */
export function round(value: number, digits = 1): number {
	const scale = 10 ** digits;
	return Math.round(value * scale) / scale;
}

/** A plain text table: a header row and rows of cells, columns padded to fit, numbers right-aligned. */
export function table(header: string[], rows: Array<Array<string | number>>): string {
	const cells = [header, ...rows.map(row => row.map(cell => String(cell)))];
	const widths = header.map((_, column) => Math.max(...cells.map(row => (row[column] ?? '').length)));
	return cells.map((row, index) => row.map((cell, column) => {
		const numeric = index > 0 && /^-?[\d.]+$/.test(cell);
		return numeric ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!);
	}).join('  ').trimEnd()).join('\n');
}
