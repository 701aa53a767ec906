import {movedIndex, type Move} from '../domain/selection-move.js';
import {pageRows} from '../store/body-rows.js';
import {selectRows, selectSelected} from '../store/selectors.js';
import type {AppState, ViewName} from '../store/state.js';
import {setUi} from '../store/ui-slice.js';
import type {Handler, Handlers} from './command-context.js';

export type {Move};

/** Moves the selection in the containers table, clamped to the visible rows. */
export function moveSelection(state: AppState, move: Move): AppState {
	const rows = selectRows(state);
	const current = selectSelected(state);
	const next = movedIndex(Math.max(0, rows.findIndex(row => row.id === current?.id)), rows.length, move);
	if (next === undefined) return state;
	const id = rows[next]?.id;
	return id === state.ui.selectedId ? state : setUi(state, {selectedId: id});
}

/**
 * The up, down, page up, page down, top and bottom handlers of one view, all
 * through its `move`. A page is the lines the view's pane shows (store/body-rows.ts).
 */
export function moveHandlers(view: ViewName, move: (state: AppState, move: Move) => AppState): Handlers {
	const by = (how: (state: AppState) => Move): Handler => ({store}) => store.update(state => move(state, how(state)));
	return {
		up: by(() => -1),
		down: by(() => 1),
		'page-up': by(state => -pageRows(state, view)),
		'page-down': by(state => pageRows(state, view)),
		top: by(() => 'first'),
		bottom: by(() => 'last'),
	};
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
