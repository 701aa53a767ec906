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
