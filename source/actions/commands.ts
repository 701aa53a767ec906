import type {Engine} from '../engine/engine.js';
import type {CommandId} from '../keys/keymap.js';
import {selectSelected} from '../store/selectors.js';
import type {SortColumn} from '../store/state.js';
import type {Store} from '../store/store.js';
import {setUi, setView, sortBy} from '../store/ui-slice.js';
import {askConfirm, runContainerAction, startOrStop} from './container-actions.js';
import {moveSelection} from './navigation.js';

/** What commands may reach: the engine, the store, and the way out. */
export type CommandContext = {engine: Engine; store: Store; quit: () => void};

/** The order `o` walks through the columns. */
export const sortCycle: SortColumn[] = ['name', 'image', 'state', 'cpu', 'memory', 'net', 'block', 'pids', 'restarts', 'created'];

/** Runs a keymap command. Commands that need a container do nothing when none is selected. */
export function runCommand(command: CommandId, {engine, store, quit}: CommandContext): void {
	const state = store.getSnapshot();
	const row = selectSelected(state);
	const page = Math.max(1, state.ui.pageSize - 1);
	const helpView = state.ui.view === 'help';
	switch (command) {
		case 'quit': quit(); return;
		case 'help': store.update(s => setView(s, helpView ? 'containers' : 'help')); return;
		case 'back':
			if (helpView) store.update(s => setView(s, 'containers'));
			else if (state.ui.filter) store.update(s => setUi(s, {filter: ''}));
			return;
		case 'command-line': store.update(s => setUi(s, {prompt: {kind: 'command', text: ''}})); return;
		case 'filter': store.update(s => setUi(s, {prompt: {kind: 'filter', text: s.ui.filter}})); return;
		case 'up':
			if (helpView) store.update(s => setUi(s, {helpScroll: Math.max(0, s.ui.helpScroll - 1)}));
			else store.update(s => moveSelection(s, -1));
			return;
		case 'down':
			if (helpView) store.update(s => setUi(s, {helpScroll: s.ui.helpScroll + 1}));
			else store.update(s => moveSelection(s, 1));
			return;
		case 'page-up': store.update(s => moveSelection(s, -page)); return;
		case 'page-down': store.update(s => moveSelection(s, page)); return;
		case 'top': store.update(s => moveSelection(s, 'first')); return;
		case 'bottom': store.update(s => moveSelection(s, 'last')); return;
		case 'toggle-stopped': store.update(s => setUi(s, {hideStopped: !s.ui.hideStopped})); return;
		case 'toggle-detail': store.update(s => setUi(s, {showDetail: !s.ui.showDetail})); return;
		case 'sort-next': {
			const next = sortCycle[(sortCycle.indexOf(state.ui.sort.column) + 1) % sortCycle.length] ?? 'name';
			store.update(s => sortBy(s, next));
			return;
		}
		case 'sort-reverse': store.update(s => setUi(s, {sort: {...s.ui.sort, descending: !s.ui.sort.descending}})); return;
		case 'sort-name': store.update(s => sortBy(s, 'name')); return;
		case 'sort-cpu': store.update(s => sortBy(s, 'cpu')); return;
		case 'sort-memory': store.update(s => sortBy(s, 'memory')); return;
		case 'start-stop': if (row) void runContainerAction(engine, store, row, startOrStop(row)); return;
		case 'restart': if (row) void runContainerAction(engine, store, row, 'restart'); return;
		case 'pause': if (row) void runContainerAction(engine, store, row, row.state === 'paused' ? 'unpause' : 'pause'); return;
		case 'kill': if (row) askConfirm(store, row, 'kill'); return;
		case 'remove': if (row) askConfirm(store, row, 'remove'); return;
	}
}
