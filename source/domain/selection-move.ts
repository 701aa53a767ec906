/** Where a move goes: a number of rows (negative is up), or either end. */
export type Move = number | 'first' | 'last';

/**
 * The index a move lands on in a list of `count` rows, from `current`,
 * clamped to the list; undefined when the list is empty. Every table's
 * selection moves through this one rule.
 */
export function movedIndex(current: number, count: number, move: Move): number | undefined {
	if (count <= 0) return undefined;
	if (move === 'first') return 0;
	if (move === 'last') return count - 1;
	return Math.min(count - 1, Math.max(0, current + move));
}
