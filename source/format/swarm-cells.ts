import {replicasText, troubledUpdateStates, updateText, type NodeRow, type ServiceRow, type StackRow, type TaskRow} from '../domain/swarm.js';
import {formatBytes} from './bytes.js';
import {formatAgo} from './duration.js';
import type {ColumnSpec} from './resource-columns.js';
import {sanitizeText} from './sanitize.js';

const dash = {text: '-', color: 'gray'} as const;

/** Colour of a running/desired count: green when all run, yellow when some, red when none of several. */
export function replicasColor(row: Pick<ServiceRow, 'running' | 'desired'>): string | undefined {
	if (row.desired === 0) return 'gray';
	if (row.running >= row.desired) return 'green';
	return row.running === 0 ? 'red' : 'yellow';
}

/** Colour of an update state: red when paused (it waits for the user), yellow while it runs. */
export function updateColor(state: string | undefined): string | undefined {
	if (!state) return undefined;
	if (troubledUpdateStates.has(state)) return 'red';
	return state === 'updating' || state === 'rollback_started' ? 'yellow' : 'gray';
}

/** Every column the services table can show. */
export const serviceColumnSpecs: ReadonlyArray<ColumnSpec<ServiceRow>> = [
	{key: 'name', title: 'NAME', width: 16, grow: 32, priority: 0, cell: row => ({text: sanitizeText(row.name)})},
	{key: 'stack', title: 'STACK', width: 10, grow: 16, priority: 2, cell: row => (row.stack ? {text: sanitizeText(row.stack)} : dash)},
	{key: 'mode', title: 'MODE', width: 10, priority: 3, cell: row => ({text: row.mode})},
	{key: 'replicas', title: 'REPLICAS', width: 8, align: 'right', priority: 0, cell: row => ({text: replicasText(row), color: replicasColor(row)})},
	{key: 'image', title: 'IMAGE', width: 16, grow: 36, priority: 1, cell: row => ({text: sanitizeText(row.image)})},
	{key: 'ports', title: 'PORTS', width: 12, grow: 24, priority: 4, cell: row => (row.ports.length > 0 ? {text: row.ports.join(', ')} : dash)},
	{key: 'update', title: 'UPDATE', width: 12, grow: 60, priority: 1, cell: row => (row.update ? {text: sanitizeText(updateText(row.update)), color: updateColor(row.update.state)} : dash)},
	{key: 'age', title: 'AGE', width: 8, align: 'right', priority: 3, cell: (row, now) => ({text: formatAgo(row.createdAt, now)})},
];

/** Colour of a task state: green running, red failed or rejected, gray for ended ones. */
export function taskStateColor(state: string): string | undefined {
	if (state === 'running') return 'green';
	if (state === 'failed' || state === 'rejected' || state === 'orphaned') return 'red';
	if (state === 'shutdown' || state === 'complete' || state === 'remove') return 'gray';
	return 'yellow';
}

/** A task row joined with its node's hostname, as the tasks table shows it. */
export type TaskView = TaskRow & {node: string};

/** Every column the tasks table can show. */
export const taskColumnSpecs: ReadonlyArray<ColumnSpec<TaskView>> = [
	{key: 'slot', title: 'SLOT', width: 5, align: 'right', priority: 0, cell: row => ({text: row.slot > 0 ? String(row.slot) : '-'})},
	{key: 'node', title: 'NODE', width: 12, grow: 24, priority: 0, cell: row => ({text: sanitizeText(row.node)})},
	{key: 'desired', title: 'DESIRED', width: 8, priority: 1, cell: row => ({text: sanitizeText(row.desiredState)})},
	{key: 'state', title: 'STATE', width: 10, priority: 0, cell: row => ({text: sanitizeText(row.state), color: taskStateColor(row.state)})},
	{key: 'since', title: 'SINCE', width: 8, align: 'right', priority: 3, cell: (row, now) => ({text: formatAgo(row.updatedAt, now)})},
	{key: 'error', title: 'ERROR', width: 16, grow: 60, priority: 0, cell: row => (row.error ? {text: sanitizeText(row.error), color: 'red'} : dash)},
	{key: 'container', title: 'CONTAINER', width: 12, priority: 2, cell: row => (row.containerId ? {text: row.containerId.slice(0, 12)} : dash)},
];

/** Colour of a node's state and availability: ready/active green, down red, drain or pause yellow. */
export function nodeColor(word: string): string | undefined {
	if (word === 'ready' || word === 'active') return 'green';
	if (word === 'down' || word === 'disconnected') return 'red';
	return word === 'unknown' ? 'gray' : 'yellow';
}

/** Whole CPUs as "2", fractions as "0.5". */
export function cpuText(cpus: number): string {
	return Number.isInteger(cpus) ? String(cpus) : cpus.toFixed(1);
}

/** Every column the nodes table can show. */
export const nodeColumnSpecs: ReadonlyArray<ColumnSpec<NodeRow>> = [
	{key: 'hostname', title: 'HOSTNAME', width: 14, grow: 30, priority: 0, cell: row => ({text: sanitizeText(row.hostname)})},
	{key: 'role', title: 'ROLE', width: 7, priority: 0, cell: row => ({text: row.role})},
	{key: 'manager', title: 'MANAGER', width: 11, priority: 1, cell: row => (row.managerStatus ? {text: sanitizeText(row.managerStatus), color: row.managerStatus === 'unreachable' ? 'red' : undefined} : dash)},
	{key: 'availability', title: 'AVAILABILITY', width: 12, priority: 0, cell: row => ({text: sanitizeText(row.availability), color: nodeColor(row.availability)})},
	{key: 'state', title: 'STATE', width: 7, priority: 0, cell: row => ({text: sanitizeText(row.state), color: nodeColor(row.state)})},
	{key: 'engine', title: 'ENGINE', width: 10, grow: 16, priority: 2, cell: row => ({text: sanitizeText(row.engineVersion)})},
	{key: 'cpu', title: 'CPU', width: 4, align: 'right', priority: 3, cell: row => ({text: cpuText(row.cpus)})},
	{key: 'memory', title: 'MEMORY', width: 9, align: 'right', priority: 3, cell: row => ({text: formatBytes(row.memoryBytes)})},
	{key: 'tasks', title: 'TASKS', width: 5, align: 'right', priority: 1, cell: row => ({text: String(row.tasks)})},
];

/** Every column the stacks table can show: health at a glance is services at full strength, and tasks running of wanted. */
export const stackColumnSpecs: ReadonlyArray<ColumnSpec<StackRow>> = [
	{key: 'name', title: 'STACK', width: 16, grow: 40, priority: 0, cell: row => ({text: sanitizeText(row.name)})},
	{key: 'services', title: 'SERVICES', width: 8, align: 'right', priority: 0, cell: row => ({text: String(row.services)})},
	{key: 'healthy', title: 'AT FULL', width: 8, align: 'right', priority: 0, cell: row => ({text: `${row.healthy}/${row.services}`, color: row.healthy === row.services ? 'green' : row.healthy === 0 ? 'red' : 'yellow'})},
	{key: 'tasks', title: 'TASKS', width: 8, align: 'right', priority: 1, cell: row => ({text: replicasText(row), color: replicasColor(row)})},
];
