import type {AppState} from './state.js';

/** Where one row of a bulk action stands. */
export type RowProgress = {
	status: 'running' | 'done' | 'failed' | 'skipped';
	/** Short, already sanitised: "stopping…", "stopped", "no longer exists". */
	text: string;
};

/**
 * The latest bulk action: each row's progress and result, by id. The rows
 * show it in place of their state until `shownUntil` (set when the last row
 * finishes), so results can be read and then give way to the live state.
 */
export type BulkProgress = {
	rows: ReadonlyMap<string, RowProgress>;
	/** Epoch ms; unset while rows are still running. */
	shownUntil?: number;
};

/** How long the rows' results stay after the last one finished. */
export const bulkResultMs = 10_000;

/** Starts a bulk action: every row as given (running or skipped); a previous action's results are dropped. */
export function startBulk(state: AppState, rows: ReadonlyMap<string, RowProgress>): AppState {
	return {...state, bulk: {rows}};
}

/** Records one row's result. */
export function setRowProgress(state: AppState, id: string, progress: RowProgress): AppState {
	if (!state.bulk) return state;
	const rows = new Map(state.bulk.rows);
	rows.set(id, progress);
	return {...state, bulk: {...state.bulk, rows}};
}

/** Marks the action finished: results stay for bulkResultMs from `now`. */
export function finishBulk(state: AppState, now: number): AppState {
	return state.bulk ? {...state, bulk: {...state.bulk, shownUntil: now + bulkResultMs}} : state;
}

/** A row's progress to show now, if any. */
export function rowProgress(bulk: BulkProgress | undefined, id: string, now: number): RowProgress | undefined {
	if (!bulk || (bulk.shownUntil !== undefined && now >= bulk.shownUntil)) return undefined;
	return bulk.rows.get(id);
}
