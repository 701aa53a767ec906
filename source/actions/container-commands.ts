import {selectSelected} from '../store/selectors.js';
import type {SortColumn} from '../store/state.js';
import {setUi, sortBy} from '../store/ui-slice.js';
import type {CommandContext, Handlers} from './command-context.js';
import {askConfirm, runContainerAction, startOrStop} from './container-actions.js';
import {moveSelection} from './navigation.js';

/** The order `o` walks through the columns. */
export const sortCycle: SortColumn[] = ['name', 'image', 'state', 'cpu', 'memory', 'net', 'block', 'pids', 'restarts', 'created'];

const page = ({store}: CommandContext) => Math.max(1, store.getSnapshot().ui.pageSize - 1);

/** Runs `work` on the selected container, if there is one. */
const onSelected = (work: (context: CommandContext, row: NonNullable<ReturnType<typeof selectSelected>>) => void) =>
	(context: CommandContext) => {
		const row = selectSelected(context.store.getSnapshot());
		if (row) work(context, row);
	};

/** What the containers view does with each command. */
export const containerHandlers: Handlers = {
	back: ({store}) => store.update(s => s.ui.filter ? setUi(s, {filter: ''}) : s),
	up: ({store}) => store.update(s => moveSelection(s, -1)),
	down: ({store}) => store.update(s => moveSelection(s, 1)),
	'page-up': context => context.store.update(s => moveSelection(s, -page(context))),
	'page-down': context => context.store.update(s => moveSelection(s, page(context))),
	top: ({store}) => store.update(s => moveSelection(s, 'first')),
	bottom: ({store}) => store.update(s => moveSelection(s, 'last')),
	filter: ({store}) => store.update(s => setUi(s, {prompt: {kind: 'filter', text: s.ui.filter}})),
	'toggle-stopped': ({store}) => store.update(s => setUi(s, {hideStopped: !s.ui.hideStopped})),
	'toggle-detail': ({store}) => store.update(s => setUi(s, {showDetail: !s.ui.showDetail})),
	'sort-next': ({store}) => store.update(s => sortBy(s, sortCycle[(sortCycle.indexOf(s.ui.sort.column) + 1) % sortCycle.length] ?? 'name')),
	'sort-reverse': ({store}) => store.update(s => setUi(s, {sort: {...s.ui.sort, descending: !s.ui.sort.descending}})),
	'sort-name': ({store}) => store.update(s => sortBy(s, 'name')),
	'sort-cpu': ({store}) => store.update(s => sortBy(s, 'cpu')),
	'sort-memory': ({store}) => store.update(s => sortBy(s, 'memory')),
	'start-stop': onSelected(({engine, store}, row) => void runContainerAction(engine, store, row, startOrStop(row))),
	restart: onSelected(({engine, store}, row) => void runContainerAction(engine, store, row, 'restart')),
	pause: onSelected(({engine, store}, row) => void runContainerAction(engine, store, row, row.state === 'paused' ? 'unpause' : 'pause')),
	kill: onSelected(({engine, store}, row) => askConfirm(engine, store, row, 'kill')),
	remove: onSelected(({engine, store}, row) => askConfirm(engine, store, row, 'remove')),
};
