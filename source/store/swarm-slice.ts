import type {NodeRow, ServiceRow, StackRow, SwarmRole, TaskRow} from '../domain/swarm.js';
import {stacksOf, tasksPerNode} from '../domain/swarm.js';
import type {AppState} from './state.js';

/** What the Swarm views show: the engine's role, the lists, and each view's selection. */
export type SwarmState = {
	/** Unset until /info has answered. */
	role?: SwarmRole;
	services: ServiceRow[];
	nodes: NodeRow[];
	/** Tasks of `tasksFor` (the tasks view), or of every service (for the nodes' task counts). */
	tasks: TaskRow[];
	/** The service whose tasks the tasks view shows. */
	tasksFor?: {id: string; name: string};
	loaded: {services: boolean; nodes: boolean; tasks: boolean};
	/** The last list error, one line. */
	error?: string;
	selected: {services?: string; nodes?: string; tasks?: string; stacks?: string};
	/** Bumped by R and after each change: the swarm sync lists again at once. */
	refreshRequests: number;
};

/** Before anything was listed. */
export function initialSwarm(): SwarmState {
	return {services: [], nodes: [], tasks: [], loaded: {services: false, nodes: false, tasks: false}, selected: {}, refreshRequests: 0};
}

/** One empty slice, so a selector returns the same object while nothing was listed. */
const emptySwarm = initialSwarm();

/** The swarm slice, created on first use so the initial state needs no entry. */
export function swarmOf(state: AppState): SwarmState {
	return state.swarm ?? emptySwarm;
}

/** Remembers the last result, so selectors hand React the same array while their inputs are the same objects. */
function memo<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
	let last: {args: A; result: R} | undefined;
	return (...args: A) => {
		if (last && last.args.every((arg, i) => arg === args[i])) return last.result;
		const result = compute(...args);
		last = {args, result};
		return result;
	};
}

/** Applies a change to the swarm slice. */
export function setSwarm(state: AppState, change: Partial<SwarmState>): AppState {
	return {...state, swarm: {...swarmOf(state), ...change}};
}

/** Sorted by stack then name, so a stack's services stay together and rows never jump. */
export function replaceServices(state: AppState, services: ServiceRow[]): AppState {
	const sorted = [...services].sort((a, b) => a.stack.localeCompare(b.stack) || a.name.localeCompare(b.name));
	const current = swarmOf(state);
	if (current.loaded.services && current.error === undefined && JSON.stringify(current.services) === JSON.stringify(sorted)) return state;
	return setSwarm(state, {services: sorted, loaded: {...current.loaded, services: true}, error: undefined});
}

/** Nodes by hostname, each with the running tasks of `tasks` (every service's); without `tasks`, the counts already held. */
export function replaceNodes(state: AppState, nodes: NodeRow[], tasks: readonly TaskRow[] | undefined): AppState {
	const counts = tasks ? tasksPerNode(tasks) : new Map(swarmOf(state).nodes.map(node => [node.id, node.tasks]));
	const sorted = nodes.map(node => ({...node, tasks: counts.get(node.id) ?? 0})).sort((a, b) => a.hostname.localeCompare(b.hostname) || a.id.localeCompare(b.id));
	const current = swarmOf(state);
	if (current.loaded.nodes && current.error === undefined && JSON.stringify(current.nodes) === JSON.stringify(sorted)) return state;
	return setSwarm(state, {nodes: sorted, loaded: {...current.loaded, nodes: true}, error: undefined});
}

/**
 * Tasks by slot, newest first within one (the running one above the ones it
 * replaced, whichever node those ran on). A global service's tasks, all slot 0,
 * are grouped by node first, since each node is in effect its slot.
 */
export function replaceTasks(state: AppState, tasks: TaskRow[]): AppState {
	const sorted = [...tasks].sort((a, b) => a.slot - b.slot || (a.slot === 0 ? a.nodeId.localeCompare(b.nodeId) : 0) || b.updatedAt - a.updatedAt);
	const current = swarmOf(state);
	if (current.loaded.tasks && current.error === undefined && JSON.stringify(current.tasks) === JSON.stringify(sorted)) return state;
	return setSwarm(state, {tasks: sorted, loaded: {...current.loaded, tasks: true}, error: undefined});
}

/** A node's hostname by id, for the tasks view. */
export function nodeName(state: AppState, id: string): string {
	return swarmOf(state).nodes.find(node => node.id === id)?.hostname ?? id.slice(0, 12);
}

const matches = (filter: string, ...fields: string[]) => {
	const needle = filter.trim().toLowerCase();
	return needle === '' || fields.some(field => field.toLowerCase().includes(needle));
};

/** Services the filter keeps (name, stack or image). */
export function selectServiceRows(state: AppState): ServiceRow[] {
	return serviceRows(swarmOf(state).services, state.ui.filter);
}
const serviceRows = memo((services: ServiceRow[], filter: string) => services.filter(row => matches(filter, row.name, row.stack, row.image)));

/** Nodes the filter keeps (hostname, role, state). */
export function selectNodeRows(state: AppState): NodeRow[] {
	return nodeRows(swarmOf(state).nodes, state.ui.filter);
}
const nodeRows = memo((nodes: NodeRow[], filter: string) => nodes.filter(row => matches(filter, row.hostname, row.role, row.availability, row.state)));

/** The tasks view's rows: tasks of the chosen service. */
export function selectTaskRows(state: AppState): TaskRow[] {
	const swarm = swarmOf(state);
	return taskRows(swarm.tasks, swarm.tasksFor?.id);
}
const taskRows = memo((tasks: TaskRow[], id: string | undefined) => (id ? tasks.filter(task => task.serviceId === id) : []));

/** The highlighted row of a swarm table, or the first. */
export function selectedSwarmRow<T extends {id: string}>(rows: readonly T[], id: string | undefined): T | undefined {
	return rows.find(row => row.id === id) ?? rows[0];
}

/** Asks the swarm sync to list again now (R, and after an action). */
export function askSwarmRefresh(state: AppState): AppState {
	return setSwarm(state, {refreshRequests: swarmOf(state).refreshRequests + 1});
}

/** The stacks view's rows: services grouped by stack, filtered by name. */
export function selectStackRows(state: AppState): StackRow[] {
	return stackRows(swarmOf(state).services, state.ui.filter);
}
const stackRows = memo((services: ServiceRow[], filter: string) => stacksOf(services).filter(row => matches(filter, row.name)));
