/**
 * Compact durations for table cells, in the style of k9s and ctop.
 */

const UNITS: ReadonlyArray<readonly [string, number]> = [
	['d', 86_400],
	['h', 3_600],
	['m', 60],
	['s', 1],
];

/**
 * Formats a duration with its two largest units, truncated (never rounded
 * up, so an uptime of 5m59s never reads 6m), the second omitted when zero:
 * "0s", "12s", "5m12s", "5m", "3h7m", "2d4h", "400d". Days are the largest
 * unit. Negative values (clock skew between engine and host) read "0s";
 * non-finite ones "-".
 */
export function formatDuration(ms: number): string {
	if (!Number.isFinite(ms)) {
		return '-';
	}

	const seconds = Math.max(0, Math.floor(ms / 1000));
	for (let k = 0; k < UNITS.length - 1; k++) {
		const [name, size] = UNITS[k]!;
		if (seconds >= size) {
			const [nextName, nextSize] = UNITS[k + 1]!;
			const rest = Math.floor((seconds % size) / nextSize);
			return rest === 0 ? `${Math.floor(seconds / size)}${name}` : `${Math.floor(seconds / size)}${name}${rest}${nextName}`;
		}
	}

	return `${seconds}s`;
}

/**
 * Formats how long ago an instant was, with its largest unit only, since a
 * past time needs less precision than an uptime: "12s ago", "5m ago",
 * "3h ago", "2d ago". An epoch of 0 (never happened) gives "-"; an instant
 * in the future reads "0s ago".
 */
export function formatAgo(epochMs: number, now: number): string {
	if (!Number.isFinite(epochMs) || epochMs <= 0 || !Number.isFinite(now)) {
		return '-';
	}

	const seconds = Math.max(0, Math.floor((now - epochMs) / 1000));
	for (const [name, size] of UNITS) {
		if (seconds >= size) {
			return `${Math.floor(seconds / size)}${name} ago`;
		}
	}

	return '0s ago';
}
