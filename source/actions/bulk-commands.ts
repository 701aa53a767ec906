import type {ContainerRow} from '../domain/container.js';
import {marksOf, markedIn, updateMarks, type MarkOp} from '../store/marks-slice.js';
import {selectRows, selectSelected} from '../store/selectors.js';
import type {AppState} from '../store/state.js';
import {askBulk} from './bulk-actions.js';
import {planBulk, type BulkCommand} from './bulk-plan.js';
import type {Handler, Handlers} from './command-context.js';
import {containerHandlers} from './container-commands.js';
import {containerLogsHandlers} from './logs-commands.js';
import {openLogs} from '../store/logs-slice.js';
import {hideSplitLogs} from '../store/split-logs.js';
import {clearFilter, moveSelection} from './navigation.js';

/** The marked containers that still exist, by name (hidden by the filter or not: the dialog names them all). */
export function markedContainers(state: AppState): ContainerRow[] {
	const ids = markedIn(marksOf(state, 'containers'), state.containers.keys());
	return ids.flatMap(id => state.containers.get(id) ?? []).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** A mark operation on the rows the containers table shows now. */
// The count shows in the status bar; a notice as well would go stale at the next Space.
const markOp = (op: (visible: string[]) => MarkOp): Handler => ({store}) => store.update(state => updateMarks(state, 'containers', op(selectRows(state).map(row => row.id))));

/** With rows marked, the command acts on all of them; with none, on the selected row as before. */
const bulkOr = (command: BulkCommand): Handler => context => {
	const marked = markedContainers(context.store.getSnapshot());
	if (marked.length === 0) return containerHandlers[command]?.(context);
	askBulk(context, planBulk(command, marked));
};

/** `v`: the split layout on or off; off lets its log stream go. */
export const toggleSplit: Handler = ({store}) => store.update(state => {
	const split = !state.ui.split;
	const next = {...state, ui: {...state.ui, split}};
	return split ? next : hideSplitLogs(next);
});

/** The containers view's marks, and its actions made to act on the marked rows. */
export const containerMarkHandlers: Handlers = {
	mark: ({store}) => store.update(state => {
		const row = selectSelected(state);
		return row ? moveSelection(updateMarks(state, 'containers', {kind: 'toggle', id: row.id}), 1) : state;
	}),
	'mark-all': markOp(visible => ({kind: 'all', visible})),
	'mark-invert': markOp(visible => ({kind: 'invert', visible})),
	'mark-clear': markOp(() => ({kind: 'clear'})),
	// Esc undoes the filter first, then the marks.
	back: ({store}) => store.update(state => state.ui.filter ? clearFilter(state) : updateMarks(state, 'containers', {kind: 'clear'})),
	'start-stop': bulkOr('start-stop'),
	restart: bulkOr('restart'),
	pause: bulkOr('pause'),
	kill: bulkOr('kill'),
	remove: bulkOr('remove'),
	'split-logs': toggleSplit,
	// The logs of every marked container, merged by time as a compose project's are.
	logs: context => {
		const marked = markedContainers(context.store.getSnapshot());
		if (marked.length === 0) return containerLogsHandlers.logs?.(context);
		context.store.update(state => openLogs(state, marked));
	},
};

