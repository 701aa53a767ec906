import {selectedIndex, tableRows, tableSortColumns} from '../store/resources-selectors.js';
import type {ResourceTable} from '../store/resources-state.js';
import {setTableUi, sortTable} from '../store/resources-slice.js';
import type {AppState} from '../store/state.js';
import {setUi, setView} from '../store/ui-slice.js';
import type {Handlers} from './command-context.js';
import {moveHandlers, type Move} from './navigation.js';
import {movedIndex} from '../domain/selection-move.js';

/** Moves the selection in one resource table, clamped to its visible rows. */
export function moveTableSelection(state: AppState, table: ResourceTable, move: Move): AppState {
	const rows = tableRows[table](state);
	const next = movedIndex(selectedIndex(rows, state.resources.tables[table].selectedKey), rows.length, move);
	return next === undefined ? state : setTableUi(state, table, {selectedKey: rows[next]?.key});
}

/** Esc in a table: clear the filter first; with none, go back to containers. */
export function tableBack(state: AppState): AppState {
	return state.ui.filter ? setUi(state, {filter: ''}) : setView(state, 'containers');
}

/** Navigation, filter, sort and Esc, the same for the images, volumes and networks tables. */
export function tableHandlers(table: ResourceTable): Handlers {
	const columns = tableSortColumns[table];
	return {
		...moveHandlers(table, (state, move) => moveTableSelection(state, table, move)),
		filter: ({store}) => store.update(s => setUi(s, {prompt: {kind: 'filter', text: s.ui.filter}})),
		'sort-next': ({store}) => store.update(s => {
			const current = columns.indexOf(s.resources.tables[table].sort.column);
			return sortTable(s, table, columns[(current + 1) % columns.length] ?? 'name');
		}),
		'sort-reverse': ({store}) => store.update(s => {
			const {sort} = s.resources.tables[table];
			return setTableUi(s, table, {sort: {...sort, descending: !sort.descending}});
		}),
		back: ({store}) => store.update(tableBack),
	};
}
