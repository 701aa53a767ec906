/**
 * Builds a case-insensitive matcher for a filter the user typed. Text that is a
 * valid regular expression is used as one (so `^web-\d` works); anything else
 * (an unbalanced `(`, say) is matched as a plain substring.
 */
export function makeMatcher(text: string): (haystack: string) => boolean {
	if (text === '') return () => true;
	try {
		const pattern = new RegExp(text, 'i');
		return haystack => pattern.test(haystack);
	} catch {
		const needle = text.toLowerCase();
		return haystack => haystack.toLowerCase().includes(needle);
	}
}

/**
 * The index of the next item for which `matches` holds, from `from`
 * (exclusive; `size` or -1 start from an end) in `direction`, wrapping
 * round; undefined when none does. The logs and output views' `n`/`N`.
 */
export function findWrapping(size: number, matches: (index: number) => boolean, from: number, direction: 1 | -1): number | undefined {
	for (let step = 1; step <= size; step++) {
		const index = (((from + direction * step) % size) + size) % size;
		if (matches(index)) return index;
	}
	return undefined;
}
