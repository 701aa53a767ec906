import type {AppState} from './state.js';
import {imageTagRows} from '../domain/image.js';

/** The tables where rows can be marked, each with marks of its own. */
export type MarkScope = 'containers' | 'images' | 'volumes' | 'networks';

/** Marked ids per table. Kept by id, so a re-sort or a filter never loses them. */
export type Marks = Partial<Record<MarkScope, ReadonlySet<string>>>;

/** What one press does to a mark set; pure, for tables of cases. */
export type MarkOp = {kind: 'toggle'; id: string} | {kind: 'all'; visible: readonly string[]} | {kind: 'invert'; visible: readonly string[]} | {kind: 'clear'};

/**
 * Applies one mark operation. `all` and `invert` touch only the rows on
 * screen (the visible ones after the filter): marks on rows the filter hides
 * are kept, so narrowing the filter to mark more never forgets earlier marks.
 */
export function applyMarkOp(marks: ReadonlySet<string>, op: MarkOp): ReadonlySet<string> {
	switch (op.kind) {
		case 'toggle': {
			const next = new Set(marks);
			if (next.has(op.id)) next.delete(op.id);
			else next.add(op.id);
			return next;
		}
		case 'all': return new Set([...marks, ...op.visible]);
		case 'invert': {
			const next = new Set(marks);
			for (const id of op.visible) {
				if (marks.has(id)) next.delete(id);
				else next.add(id);
			}
			return next;
		}
		case 'clear': return new Set();
	}
}

const empty: ReadonlySet<string> = new Set();

/** The raw mark set of a table (may name rows that are gone; see markedIn). */
export function marksOf(state: AppState, scope: MarkScope): ReadonlySet<string> {
	return state.marks?.[scope] ?? empty;
}

/** Applies a mark operation to one table's marks. */
export function updateMarks(state: AppState, scope: MarkScope, op: MarkOp): AppState {
	const current = marksOf(state, scope);
	const next = applyMarkOp(current, op);
	if (next.size === 0 && current.size === 0) return state;
	return {...state, marks: {...state.marks, [scope]: next}};
}

/** The marked ids that still name a row in `existing`, in the order of `existing`. */
export function markedIn(marks: ReadonlySet<string>, existing: Iterable<string>): string[] {
	if (marks.size === 0) return [];
	const ids: string[] = [];
	for (const id of existing) if (marks.has(id)) ids.push(id);
	return ids;
}

/**
 * Drops marks on rows that no longer exist (a removed container), so the
 * count never counts ghosts and a new row never inherits an old mark.
 */
export function pruneMarks(state: AppState, scope: MarkScope, existing: {has(id: string): boolean}): AppState {
	const current = marksOf(state, scope);
	if (current.size === 0) return state;
	const kept = [...current].filter(id => existing.has(id));
	if (kept.length === current.size) return state;
	return {...state, marks: {...state.marks, [scope]: new Set(kept)}};
}

/** The view whose marks a scope's count shows (help shows the count of the view under it). */
function markScopeOf(state: AppState, view: string): MarkScope | undefined {
	const shown = view === 'help' ? state.ui.helpFrom : view;
	return shown === 'containers' || shown === 'images' || shown === 'volumes' || shown === 'networks' ? shown : undefined;
}

/** How many rows are marked in the table of `view` that still exist, for the status bar. */
export function markedCount(state: AppState, view: string): number {
	const scope = markScopeOf(state, view);
	if (scope === undefined) return 0;
	const marks = marksOf(state, scope);
	if (marks.size === 0) return 0;
	const {resources} = state;
	const existing = scope === 'containers' ? state.containers.keys()
		: scope === 'images' ? imageTagRows(resources.images).map(row => row.key)
		: scope === 'volumes' ? resources.volumes.map(volume => volume.name)
		: resources.networks.map(network => network.id);
	return markedIn(marks, existing).length;
}
