import type {ContainerRow} from '../domain/container.js';
import type {SortColumn} from '../store/state.js';
import {setUi, sortBy} from '../store/ui-slice.js';
import type {CommandContext, Handlers} from './command-context.js';
import {askConfirm, isRunning, runContainerAction, startOrStop} from './container-actions.js';
import {sanitizeText} from '../format/sanitize.js';
import {labelFor, promptKeys} from '../keys/key-labels.js';
import {notify, toggleDetail} from '../store/ui-slice.js';
import {clearFilter, moveHandlers, moveSelection} from './navigation.js';
import {onSelectedContainer} from './on-selected.js';

/** The order `o` walks through the columns. */
export const sortCycle: SortColumn[] = ['name', 'project', 'image', 'state', 'uptime', 'cpu', 'memory', 'net', 'block', 'pids', 'restarts', 'created'];

/** Pause and kill need processes: on a stopped container say so in one line instead of asking or sending the engine's error. */
function whenRunning(context: CommandContext, row: ContainerRow, action: 'pause' | 'kill'): void {
	if (isRunning(row)) askConfirm(context, row, action);
	else context.store.update(s => notify(s, `${sanitizeText(row.name)} is not running; nothing to ${action}`, 'error'));
}

/** What the containers view does with each command. */
export const containerHandlers: Handlers = {
	back: ({store}) => store.update(s => s.ui.filter ? clearFilter(s) : s),
	...moveHandlers('containers', moveSelection),
	filter: ({store}) => store.update(s => setUi(s, {prompt: {kind: 'filter', text: s.ui.filter, help: `text or regex; !text inverts; label:key=value; ${promptKeys('keeps', 'clears')}`}})),
	'toggle-stopped': ({store}) => store.update(s => {
		const hideStopped = !s.ui.hideStopped;
		const key = labelFor('toggle-stopped', 'containers');
		return notify(setUi(s, {hideStopped}), hideStopped ? `stopped containers hidden; ${key} shows them` : 'stopped containers shown');
	}),
	'toggle-detail': ({store}) => store.update(toggleDetail),
	'sort-next': ({store}) => store.update(s => {
		const next = sortBy(s, sortCycle[(sortCycle.indexOf(s.ui.sort.column) + 1) % sortCycle.length] ?? 'name');
		// Uptime and created have no column of their own to mark: say what the order is.
		return notify(next, `sorted by ${next.ui.sort.column}${next.ui.sort.descending ? ', highest first' : ''}`);
	}),
	'sort-reverse': ({store}) => store.update(s => setUi(s, {sort: {...s.ui.sort, descending: !s.ui.sort.descending}})),
	'sort-name': ({store}) => store.update(s => sortBy(s, 'name')),
	'sort-cpu': ({store}) => store.update(s => sortBy(s, 'cpu')),
	'sort-memory': ({store}) => store.update(s => sortBy(s, 'memory')),
	// Starting loses nothing, so only the stop half of `s` asks.
	'start-stop': onSelectedContainer((context, row) => startOrStop(row) === 'start' ? void runContainerAction(context.engine, context.store, row, 'start') : askConfirm(context, row, 'stop')),
	restart: onSelectedContainer((context, row) => askConfirm(context, row, 'restart')),
	pause: onSelectedContainer((context, row) => row.state === 'paused' ? askConfirm(context, row, 'unpause') : whenRunning(context, row, 'pause')),
	kill: onSelectedContainer((context, row) => whenRunning(context, row, 'kill')),
	remove: onSelectedContainer((context, row) => askConfirm(context, row, 'remove')),
};
