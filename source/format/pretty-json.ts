import {sanitizeText} from './sanitize.js';

/** What a piece of a JSON line is, for colouring. */
export type JsonTokenKind = 'key' | 'string' | 'number' | 'boolean' | 'null' | 'punctuation' | 'masked';

/** A coloured piece of one line. */
export type JsonToken = {text: string; kind: JsonTokenKind};

/** One line of pretty-printed JSON: its indent and its pieces; `text` is the plain line for searching. */
export type JsonLine = {indent: number; tokens: JsonToken[]; text: string};

/** Longest string shown on one line; the rest is cut with an ellipsis so a huge value cannot flood the view. */
const maxString = 2000;

function quoted(value: string, masked: string | undefined): JsonToken {
	if (masked !== undefined && value.includes(masked)) return {text: sanitizeText(JSON.stringify(value)), kind: 'masked'};
	const cut = value.length > maxString ? `${value.slice(0, maxString)}…` : value;
	// JSON.stringify escapes C0 controls and lone surrogates; sanitizeText removes what it leaves (C1, bidi).
	return {text: sanitizeText(JSON.stringify(cut)), kind: 'string'};
}

function scalar(value: unknown, masked: string | undefined): JsonToken {
	if (value === null || value === undefined) return {text: 'null', kind: 'null'};
	if (typeof value === 'string') return quoted(value, masked);
	if (typeof value === 'number') return {text: Number.isFinite(value) ? String(value) : 'null', kind: 'number'};
	if (typeof value === 'boolean') return {text: String(value), kind: 'boolean'};
	return {text: sanitizeText(String(value)), kind: 'string'};
}

/**
 * Pretty-prints any JSON value as lines of coloured tokens, two spaces per
 * level, like `docker inspect`. Every key and string is sanitised. Strings
 * containing `masked` (the mask text) are marked so the view can colour them.
 * Bounded by the document: one line per scalar and two per container.
 */
export function prettyJsonLines(document: unknown, masked?: string): JsonLine[] {
	const lines: JsonLine[] = [];
	const push = (indent: number, tokens: JsonToken[]) => {
		lines.push({indent, tokens, text: '  '.repeat(indent) + tokens.map(token => token.text).join('')});
	};
	const walk = (value: unknown, indent: number, lead: JsonToken[], comma: boolean) => {
		const tail: JsonToken[] = comma ? [{text: ',', kind: 'punctuation'}] : [];
		const entries = Array.isArray(value)
			? value.map(item => [undefined, item] as const)
			: value !== null && typeof value === 'object' ? Object.entries(value) : undefined;
		if (!entries) {
			push(indent, [...lead, scalar(value, masked), ...tail]);
			return;
		}
		const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
		if (entries.length === 0) {
			push(indent, [...lead, {text: open + close, kind: 'punctuation'}, ...tail]);
			return;
		}
		push(indent, [...lead, {text: open, kind: 'punctuation'}]);
		entries.forEach(([key, item], index) => {
			const keyTokens: JsonToken[] = key === undefined ? [] : [{text: sanitizeText(JSON.stringify(key)), kind: 'key'}, {text: ': ', kind: 'punctuation'}];
			walk(item, indent + 1, keyTokens, index < entries.length - 1);
		});
		push(indent, [{text: close, kind: 'punctuation'}, ...tail]);
	};
	walk(document, 0, [], false);
	return lines;
}

/** Indices of the lines containing `search` (case-insensitive plain text). */
export function matchingLines(lines: readonly JsonLine[], search: string): number[] {
	if (search === '') return [];
	const needle = search.toLowerCase();
	const found: number[] = [];
	lines.forEach((line, index) => {
		if (line.text.toLowerCase().includes(needle)) found.push(index);
	});
	return found;
}
