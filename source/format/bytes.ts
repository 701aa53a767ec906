/**
 * Byte counts, rates and percentages in the units `docker stats` shows:
 * binary units for memory, decimal units for network and block IO.
 */

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];

/**
 * Formats a byte count in binary units with four significant digits, as
 * `docker stats` shows memory: "0B", "740KiB", "1.5MiB", "23.54GiB".
 * Negative and non-finite values give "-".
 */
export function formatBytes(n: number): string {
	return scaled(n, 1024, BINARY_UNITS, 4);
}

/**
 * Formats a byte count in decimal units with three significant digits, as
 * `docker stats` shows network and block IO: "0B", "1.2kB", "35MB".
 * Negative and non-finite values give "-".
 */
export function formatDecimalBytes(n: number): string {
	return scaled(n, 1000, DECIMAL_UNITS, 3);
}

/** Formats a rate in decimal bytes per second: "1.2kB/s"; "-" when unknown. */
export function formatRate(bytesPerSecond: number): string {
	const size = formatDecimalBytes(bytesPerSecond);
	return size === '-' ? size : `${size}/s`;
}

/**
 * Formats a percentage with one decimal under 100 and none from 100 up
 * (CPU can exceed 100 on multi-core hosts): "0.0%", "12.3%", "245%".
 * NaN, infinite and negative values give "-".
 */
export function formatPercent(p: number): string {
	if (!Number.isFinite(p) || p < 0) {
		return '-';
	}

	const fixed = p.toFixed(1);
	return Number(fixed) >= 100 ? `${Math.round(p)}%` : `${fixed}%`;
}

function scaled(n: number, base: number, units: string[], precision: number): string {
	if (!Number.isFinite(n) || n < 0) {
		return '-';
	}

	const last = units.length - 1;
	let value = n;
	let unit = 0;
	while (value >= base && unit < last) {
		value /= base;
		unit++;
	}

	let digits = significant(value, precision);
	// Rounding can reach the base (1023.99KiB -> "1024"): show the next unit instead.
	if (Number(digits) >= base && unit < last) {
		value /= base;
		unit++;
		digits = significant(value, precision);
	}

	return `${digits}${units[unit]}`;
}

/** Like C's %.<precision>g without the exponent form: trailing zeros trimmed. */
function significant(value: number, precision: number): string {
	if (value >= 10 ** precision) {
		return String(Math.round(value));
	}

	const text = value.toPrecision(precision);
	if (text.includes('e')) {
		// Only for tiny fractions of a byte, or rounding up to 10^precision.
		return String(Number(text));
	}

	return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
