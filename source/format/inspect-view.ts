import {maskSecrets, maskText} from '../domain/secrets.js';
import {prettyJsonLines, matchingLines, type JsonLine} from './pretty-json.js';

/** The lines of an inspect document as shown, and how many values are masked in them. */
export type InspectLines = {lines: JsonLine[]; masked: number};

const cache = new WeakMap<object, {masked?: InspectLines; revealed?: InspectLines}>();
const searchCache = new WeakMap<JsonLine[], {search: string; found: number[]}>();

/**
 * The document as lines, masked unless `reveal`. Memoized per document object,
 * so the pane and the key handlers share one rendering of a large document.
 */
export function inspectLines(document: unknown, reveal: boolean): InspectLines {
	const compute = (): InspectLines => {
		if (reveal) return {lines: prettyJsonLines(document), masked: 0};
		const {value, masked} = maskSecrets(document);
		return {lines: prettyJsonLines(value, maskText), masked};
	};
	if (document === null || typeof document !== 'object') return compute();
	const entry = cache.get(document) ?? {};
	cache.set(document, entry);
	const key = reveal ? 'revealed' : 'masked';
	return (entry[key] ??= compute());
}

/** Indices of the lines matching `search`, memoized for the latest search on each set of lines. */
export function inspectMatches(lines: JsonLine[], search: string): number[] {
	const hit = searchCache.get(lines);
	if (hit && hit.search === search) return hit.found;
	const found = matchingLines(lines, search);
	searchCache.set(lines, {search, found});
	return found;
}
