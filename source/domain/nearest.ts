/** Edit distance between two words (insert, delete, replace; case counts). */
export function editDistance(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		previous = current;
	}
	return previous[b.length]!;
}

/**
 * The candidate nearest to `word`, for "did you mean": case-insensitive, and
 * only when it is close enough to be a typo (at most a third of the word, and
 * at least 2, edits away), or when one contains the other (`stopped` for `hideStopped`).
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
	const lower = word.toLowerCase();
	let best: {name: string; distance: number} | undefined;
	for (const name of candidates) {
		const other = name.toLowerCase();
		const distance = lower.length >= 3 && (other.includes(lower) || lower.includes(other)) ? Math.abs(other.length - lower.length) / 10 : editDistance(lower, other);
		if (!best || distance < best.distance) best = {name, distance};
	}
	if (!best) return undefined;
	return best.distance <= Math.max(2, Math.floor(word.length / 3)) ? best.name : undefined;
}
