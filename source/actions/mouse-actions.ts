import type {MouseEvent} from '../domain/mouse.js';
import {columnSortKey, containerColumns} from '../format/container-cells.js';
import stringWidth from '../format/string-width.js';
// The footer's own layout rule (a pure function), so a click lands on the hint drawn there.
import {fittingHints} from '../components/footer.js';
import {activeBindings, hints, keyFor} from '../keys/dispatch.js';
import {hostColumnWidth} from '../store/hosts-slice.js';
import {selectRows} from '../store/selectors.js';
import type {SortColumn} from '../store/state.js';
import type {Store} from '../store/store.js';
import {setUi, sortBy} from '../store/ui-slice.js';
import {sortCycle} from './container-commands.js';

/** What the mouse acts through: the store, the one key dispatcher (so a click runs what its key runs), and the screen size. */
export type MouseContext = {
	store: Store;
	dispatch: (key: string, input: string) => void;
	size: () => {columns: number; rows: number};
	now?: () => number;
};

/** Screen rows (from 1): the status bar takes two, so a view's table title is on row 3 and its first row on 4. */
const titleRow = 3;
/** Two clicks on one row within this many milliseconds open its logs. */
const doubleClickMs = 400;
/** Rows one wheel notch moves. */
const wheelRows = 3;

/**
 * Turns mouse reports into what keys do (while `mouse` is on: the config, or its key): the
 * wheel moves as ↑/↓ do in every view; in the containers table a click
 * selects a row, a double click opens its logs, and a click on a column title
 * sorts by it; a click on a footer hint runs it. Nothing acts while a dialog
 * or a prompt is open, so a stray click never answers one.
 */
export function createMouseHandler(context: MouseContext): (event: MouseEvent) => void {
	const now = context.now ?? Date.now;
	let lastClick: {id: string; at: number} | undefined;
	return event => {
		const state = context.store.getSnapshot();
		if (!state.mouse || state.ui.confirm || state.ui.prompt || state.handover) return;
		if (event.kind === 'wheel-up' || event.kind === 'wheel-down') {
			for (let step = 0; step < wheelRows; step++) context.dispatch(event.kind === 'wheel-up' ? 'up' : 'down', '');
			return;
		}
		if (event.kind !== 'press' || event.button !== 0) return;
		const {columns, rows} = context.size();
		if (event.y === rows) {
			clickHint(context, event.x, columns);
			return;
		}
		if (state.ui.view !== 'containers') return;
		if (event.y === titleRow) {
			let left = 1;
			for (const column of containerColumns(columns, hostColumnWidth(state), state.ui.columns?.containers)) {
				const key = columnSortKey(column.key);
				if (event.x >= left && event.x < left + column.width && sortCycle.includes(key as SortColumn)) {
					context.store.update(current => sortBy(current, key as SortColumn));
					return;
				}
				left += column.width + 1;
			}
			return;
		}
		const row = rowAt(context.store, event.y - titleRow - 1);
		if (!row) return;
		const at = now();
		const double = lastClick?.id === row && at - lastClick.at <= doubleClickMs;
		lastClick = double ? undefined : {id: row, at};
		context.store.update(current => setUi(current, {selectedId: row}));
		const logs = keyFor('logs', 'containers', state.readOnly);
		if (double && logs) context.dispatch(logs, logs.length === 1 ? logs : '');
	};
}

/** The id of the container on the table's `offset`th visible row (0 is the first under the titles). */
function rowAt(store: Store, offset: number): string | undefined {
	const state = store.getSnapshot();
	const rows = selectRows(state);
	const visible = state.visibleContainers;
	if (offset < 0 || !visible || offset >= visible.size) return undefined;
	// The rows on screen are a window of the sorted rows: it starts at the first of them.
	const start = rows.findIndex(row => visible.has(row.id));
	return start === -1 ? undefined : rows[start + offset]?.id;
}

/** A click on the footer runs the hint under it, as its key would (the hints laid out as the footer lays them out). */
function clickHint(context: MouseContext, x: number, width: number): void {
	const state = context.store.getSnapshot();
	const filtered = ['containers', 'images', 'volumes', 'networks', 'events'].includes(state.ui.view) && state.ui.filter;
	const lead = filtered ? stringWidth(`filter: ${state.ui.filter}  `) : 0;
	const shown = fittingHints(hints(state.ui.view, state.readOnly), width - lead);
	// The same rows hints() reads, in the same order, for the key each hint stands for.
	const bindings = activeBindings(state.readOnly).filter(binding => binding.hint && (binding.scope === state.ui.view || binding.scope === 'global'));
	let left = 1 + lead;
	for (const [index, hint] of shown.entries()) {
		const cells = stringWidth(`${hint.key} ${hint.label}`);
		if (x >= left && x < left + cells) {
			const key = bindings[index]?.keys[0];
			if (key) context.dispatch(key, key.length === 1 ? key : '');
			return;
		}
		left += cells + 2;
	}
}
