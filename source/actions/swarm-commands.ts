import type {NodeRow, ServiceRow, StackRow, TaskRow} from '../domain/swarm.js';
import {sanitizeText} from '../format/sanitize.js';
import {openLogs, openServiceLogs} from '../store/logs-slice.js';
import type {AppState} from '../store/state.js';
import {askSwarmRefresh, selectNodeRows, selectServiceRows, selectStackRows, selectTaskRows, selectedSwarmRow, setSwarm, swarmOf, type SwarmState} from '../store/swarm-slice.js';
import {notify, setUi, setView} from '../store/ui-slice.js';
import type {CommandContext, Handlers} from './command-context.js';
import {execInContainer} from './exec-actions.js';
import {showInspect} from './inspect-actions.js';
import type {Move} from './navigation.js';
import {askAvailability, askForceUpdate, askRemoveService, askRemoveStack, askRollback, askScale} from './swarm-actions.js';

type Table = keyof SwarmState['selected'];

const rowsOf: Record<Table, (state: AppState) => ReadonlyArray<{id: string}>> = {
	services: selectServiceRows,
	nodes: selectNodeRows,
	tasks: selectTaskRows,
	stacks: selectStackRows,
};

/** Moves the highlight of one swarm table, clamped to its rows. */
export function moveSwarmSelection(state: AppState, table: Table, move: Move): AppState {
	const rows = rowsOf[table](state);
	if (rows.length === 0) return state;
	const current = Math.max(0, rows.findIndex(row => row.id === swarmOf(state).selected[table]));
	const next = move === 'first' ? 0 : move === 'last' ? rows.length - 1 : Math.min(rows.length - 1, Math.max(0, current + move));
	return setSwarm(state, {selected: {...swarmOf(state).selected, [table]: rows[next]!.id}});
}

const page = ({store}: CommandContext) => Math.max(1, store.getSnapshot().ui.pageSize - 2);

/** Moving through one swarm table. */
function moveHandlers(table: Table): Handlers {
	const move = (by: (context: CommandContext) => Move) => (context: CommandContext) => context.store.update(s => moveSwarmSelection(s, table, by(context)));
	return {
		up: move(() => -1),
		down: move(() => 1),
		'page-up': move(context => -page(context)),
		'page-down': move(context => page(context)),
		top: move(() => 'first'),
		bottom: move(() => 'last'),
		refresh: ({store}) => store.update(askSwarmRefresh),
	};
}

/** Esc in services or nodes: clear the filter first; with none, back to containers. */
const filterBack: Handlers = {
	filter: ({store}) => store.update(s => setUi(s, {prompt: {kind: 'filter', text: s.ui.filter}})),
	back: ({store}) => store.update(s => (s.ui.filter ? setUi(s, {filter: ''}) : setView(s, 'containers'))),
};

/** Runs `work` on the highlighted row of a swarm table, if any. */
function onRow<T extends {id: string}>(table: Table, work: (context: CommandContext, row: T) => void) {
	return (context: CommandContext) => {
		const state = context.store.getSnapshot();
		const row = selectedSwarmRow(rowsOf[table](state) as readonly T[], swarmOf(state).selected[table]);
		if (row) work(context, row);
	};
}

/** Opens the tasks view on a service. */
export function openTasks(state: AppState, row: ServiceRow): AppState {
	const swarm = swarmOf(state);
	const same = swarm.tasksFor?.id === row.id;
	return setView(setSwarm(state, {tasksFor: {id: row.id, name: row.name}, loaded: {...swarm.loaded, tasks: same && swarm.loaded.tasks}, selected: {...swarm.selected, tasks: same ? swarm.selected.tasks : undefined}}), 'tasks');
}

/** A task's container when it runs on the engine Porthole is connected to, else a notice saying why not. */
function localContainer(context: CommandContext, task: TaskRow) {
	const state = context.store.getSnapshot();
	const container = task.containerId ? state.containers.get(task.containerId) : undefined;
	if (!container) context.store.update(s => notify(s, task.containerId ? `task ${task.slot || task.id.slice(0, 12)} runs on another node: its container is not on this engine` : 'this task has no container yet', 'error'));
	return container;
}

/** What the services view does with each command. */
export const servicesHandlers: Handlers = {
	...moveHandlers('services'),
	...filterBack,
	'open-tasks': onRow<ServiceRow>('services', ({store}, row) => store.update(s => openTasks(s, row))),
	scale: onRow<ServiceRow>('services', askScale),
	'force-update': onRow<ServiceRow>('services', askForceUpdate),
	rollback: onRow<ServiceRow>('services', askRollback),
	remove: onRow<ServiceRow>('services', askRemoveService),
	// Through the service's own log: every task's lines, on every node, prefixed by slot.
	logs: onRow<ServiceRow>('services', ({store}, row) => store.update(s => openServiceLogs(s, [row]))),
};

/** What the tasks view does with each command. */
export const tasksHandlers: Handlers = {
	...moveHandlers('tasks'),
	back: ({store}) => store.update(s => setView(s, 'services')),
	'open-inspect': onRow<TaskRow>('tasks', (context, task) => {
		const container = localContainer(context, task);
		if (container) void showInspect(context, {kind: 'container', id: container.id, name: sanitizeText(container.name)});
	}),
	logs: onRow<TaskRow>('tasks', (context, task) => {
		const container = localContainer(context, task);
		if (container) context.store.update(s => openLogs(s, [container]));
	}),
	exec: onRow<TaskRow>('tasks', (context, task) => {
		const container = localContainer(context, task);
		if (container) void execInContainer(context, container);
	}),
};

/** What the nodes view does with each command. */
export const nodesHandlers: Handlers = {
	...moveHandlers('nodes'),
	...filterBack,
	'node-active': onRow<NodeRow>('nodes', (context, row) => askAvailability(context, row, 'active')),
	'node-pause': onRow<NodeRow>('nodes', (context, row) => askAvailability(context, row, 'pause')),
	'node-drain': onRow<NodeRow>('nodes', (context, row) => askAvailability(context, row, 'drain')),
};

/** The services of one stack, from the full list (not the filtered one). */
function stackServices(state: AppState, stack: string): ServiceRow[] {
	return swarmOf(state).services.filter(service => service.stack === stack);
}

/** What the stacks view does with each command. */
export const stacksHandlers: Handlers = {
	...moveHandlers('stacks'),
	...filterBack,
	'open-services': onRow<StackRow>('stacks', ({store}, row) => store.update(s => setUi(setView(s, 'services'), {filter: row.name}))),
	logs: onRow<StackRow>('stacks', ({store}, row) => {
		const services = stackServices(store.getSnapshot(), row.name);
		if (services.length === 0) store.update(s => notify(s, `stack ${sanitizeText(row.name)} has no service`, 'error'));
		else store.update(s => openServiceLogs(s, services));
	}),
	remove: onRow<StackRow>('stacks', (context, row) => askRemoveStack(context, row, stackServices(context.store.getSnapshot(), row.name))),
};
