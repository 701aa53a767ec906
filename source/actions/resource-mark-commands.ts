import {tableRows} from '../store/resources-selectors.js';
import type {ResourceTable} from '../store/resources-state.js';
import {marksOf, updateMarks, type MarkOp} from '../store/marks-slice.js';
import type {Handler, Handlers} from './command-context.js';
import {askRemoveResources, markedResources} from './resource-bulk.js';
import {moveTableSelection} from './table-commands.js';
import {selectedIndex} from '../store/resources-selectors.js';

/**
 * Marks in the images, volumes and networks tables, as in the containers
 * table: Space, Ctrl-A, `*`, `u`, and Esc (after the filter) clear; `D`
 * removes every marked row after one question. `base` holds the view's own
 * handlers, used when nothing is marked.
 */
export function resourceMarkHandlers(table: ResourceTable, base: Handlers): Handlers {
	const op = (make: (visible: string[]) => MarkOp): Handler => ({store}) => store.update(state => updateMarks(state, table, make(tableRows[table](state).map(row => row.key))));
	return {
		mark: ({store}) => store.update(state => {
			const rows = tableRows[table](state);
			const row = rows[selectedIndex(rows, state.resources.tables[table].selectedKey)];
			return row ? moveTableSelection(updateMarks(state, table, {kind: 'toggle', id: row.key}), table, 1) : state;
		}),
		'mark-all': op(visible => ({kind: 'all', visible})),
		'mark-invert': op(visible => ({kind: 'invert', visible})),
		'mark-clear': op(() => ({kind: 'clear'})),
		back: context => {
			const state = context.store.getSnapshot();
			if (!state.ui.filter && marksOf(state, table).size > 0 && !state.resources.pull) context.store.update(s => updateMarks(s, table, {kind: 'clear'}));
			else base.back?.(context);
		},
		remove: context => {
			const marked = markedResources(context.store.getSnapshot(), table);
			if (marked.length === 0) return base.remove?.(context);
			askRemoveResources(context, table, marked);
		},
	};
}
