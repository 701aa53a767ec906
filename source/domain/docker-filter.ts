import type {ContainerRow} from './container.js';
import {makeMatcher} from './matcher.js';

/** The `docker ps --filter` keys Porthole understands. */
export const dockerFilterKeys = ['label', 'status', 'name', 'ancestor', 'health'] as const;
type FilterKey = (typeof dockerFilterKeys)[number];

const statuses = ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'];
const healths = ['starting', 'healthy', 'unhealthy', 'none'];

/** One `key=value` filter, or why it is not one (for --filter's one-line error). */
export function parseDockerFilter(token: string): {key: FilterKey; value: string} | {error: string} {
	const match = /^([a-z]+)=(.*)$/i.exec(token);
	const key = match?.[1]?.toLowerCase() as FilterKey | undefined;
	if (!match || !key || !dockerFilterKeys.includes(key)) return {error: `"${token}" is not a filter: expected ${dockerFilterKeys.map(each => `${each}=...`).join(', ')}`};
	const value = match[2]!;
	if (value === '') return {error: `"${token}" needs a value after =`};
	if (key === 'status' && !statuses.includes(value)) return {error: `"${token}": status is one of ${statuses.join(', ')}`};
	if (key === 'health' && !healths.includes(value)) return {error: `"${token}": health is one of ${healths.join(', ')}`};
	return {key, value};
}

function predicate(key: FilterKey, value: string): (row: ContainerRow) => boolean {
	switch (key) {
		case 'label': {
			const eq = value.indexOf('=');
			if (eq === -1) return row => Object.hasOwn(row.labels, value);
			const name = value.slice(0, eq);
			const wanted = value.slice(eq + 1);
			return row => row.labels[name] === wanted;
		}
		case 'status': return row => row.state === value;
		case 'name': {
			const matches = makeMatcher(value);
			return row => matches(row.name);
		}
		case 'ancestor': return row => row.image === value || row.image.startsWith(`${value}:`) || row.image.startsWith(`${value}@`);
		case 'health': return row => (value === 'none' ? row.health === undefined : row.health === value);
	}
}

/**
 * A filter in `docker ps --filter` syntax, as --filter gives it, the config
 * saves it, or `/` types it: space-separated `key=value` words (label=k,
 * label=k=v, status=, name=, ancestor=, health=). As in docker, the same key
 * given twice means either, different keys mean both. Undefined when the text
 * is not wholly such words (it is then a text search).
 */
export function dockerFilter(text: string): ((row: ContainerRow) => boolean) | undefined {
	const tokens = text.trim().split(/\s+/).filter(Boolean);
	if (tokens.length === 0) return undefined;
	const byKey = new Map<FilterKey, Array<(row: ContainerRow) => boolean>>();
	for (const token of tokens) {
		const parsed = parseDockerFilter(token);
		if ('error' in parsed) return undefined;
		byKey.set(parsed.key, [...(byKey.get(parsed.key) ?? []), predicate(parsed.key, parsed.value)]);
	}
	const groups = [...byKey.values()];
	return row => groups.every(group => group.some(test => test(row)));
}
