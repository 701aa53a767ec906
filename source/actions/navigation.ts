import {selectRows, selectSelected} from '../store/selectors.js';
import type {AppState} from '../store/state.js';
import {setUi} from '../store/ui-slice.js';

/** Where a move goes: a number of rows (negative is up), or either end. */
export type Move = number | 'first' | 'last';

/** Moves the selection in the containers table, clamped to the visible rows. */
export function moveSelection(state: AppState, move: Move): AppState {
	const rows = selectRows(state);
	if (rows.length === 0) return state;
	const current = selectSelected(state);
	const index = Math.max(0, rows.findIndex(row => row.id === current?.id));
	let next: number;
	if (move === 'first') next = 0;
	else if (move === 'last') next = rows.length - 1;
	else next = Math.min(rows.length - 1, Math.max(0, index + move));
	const id = rows[next]?.id;
	return id === state.ui.selectedId ? state : setUi(state, {selectedId: id});
}

/**
 * Clears the containers filter with the cursor on the container it was on:
 * the row shown as selected under the filter stays selected, wherever the
 * full table puts it (not the row the cursor had before the filter).
 */
export function clearFilter(state: AppState): AppState {
	if (state.ui.view !== 'containers') return setUi(state, {filter: ''});
	const shown = selectSelected(state);
	return setUi(state, {filter: '', selectedId: shown?.id ?? state.ui.selectedId});
}
