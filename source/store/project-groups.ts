import type {ContainerRow} from '../domain/container.js';
import type {AppState} from './state.js';
import {selectRows} from './selectors.js';

/** What the grouped containers table shows: a project's header row, or a container under it. */
export type GroupEntry =
	| {kind: 'project'; key: string; name: string; rows: ContainerRow[]; folded: boolean}
	| {kind: 'container'; key: string; row: ContainerRow};

const prefix = 'project:';

/** The selection key of a project's header row (container ids never hold a colon). */
export function projectKey(name: string): string {
	return prefix + name;
}

/** The project a selection key names, when it is a header row's. */
export function projectOfKey(key: string | undefined): string | undefined {
	return key?.startsWith(prefix) ? key.slice(prefix.length) : undefined;
}

/**
 * The grouped table: each compose project (by name) as a header row with its
 * containers under it unless folded, in the table's sort order; containers of
 * no project come last, with no header.
 */
export function groupEntries(rows: readonly ContainerRow[], folded: ReadonlySet<string>): GroupEntry[] {
	const projects = new Map<string, ContainerRow[]>();
	const loose: ContainerRow[] = [];
	for (const row of rows) {
		if (row.composeProject === undefined) loose.push(row);
		else projects.set(row.composeProject, [...(projects.get(row.composeProject) ?? []), row]);
	}
	const entries: GroupEntry[] = [];
	for (const name of [...projects.keys()].sort()) {
		const members = projects.get(name) ?? [];
		const isFolded = folded.has(name);
		entries.push({kind: 'project', key: projectKey(name), name, rows: members, folded: isFolded});
		if (!isFolded) for (const row of members) entries.push({kind: 'container', key: row.id, row});
	}
	for (const row of loose) entries.push({kind: 'container', key: row.id, row});
	return entries;
}

let memo: {rows: unknown; folded: unknown; entries: GroupEntry[]} | undefined;

/** The grouped table's entries for the current rows and folds (memoized, so safe in a store hook). */
export function selectEntries(state: AppState): GroupEntry[] {
	const rows = selectRows(state);
	const folded = state.ui.folded;
	if (memo && memo.rows === rows && memo.folded === folded) return memo.entries;
	const entries = groupEntries(rows, new Set(folded ?? []));
	memo = {rows, folded, entries};
	return entries;
}

/** The entry the selection is on, falling back to the first. */
export function selectedEntry(state: AppState): GroupEntry | undefined {
	const entries = selectEntries(state);
	return entries.find(entry => entry.key === state.ui.selectedId) ?? entries[0];
}
