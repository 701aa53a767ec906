import {swarmTaskName, swarmTaskOf, type ContainerRow} from '../domain/container.js';
import type {StatsSample} from '../domain/stats.js';
import {formatBytes, formatDecimalBytes, formatPercent} from './bytes.js';
import {formatPorts} from './ports.js';
import {sanitizeText} from './sanitize.js';
import {sparkline} from './sparkline.js';
import {fitColumns, pickColumns} from './resource-columns.js';
import {withHostColumn} from './host-column.js';
import {formatState, stateColor} from './status.js';
import type {Cell, Column} from './table-cells.js';

/** Live figures a row needs; absent for containers that are not running. */
export type RowStats = {
	latest: StatsSample;
	cpuHistory: number[];
	/** The engine host's memory, when known: a limit equal to it is no limit. */
	hostMemory?: number;
};

type ColumnSpec = Column & {priority: number; grow?: number; cell: (row: ContainerRow, stats: RowStats | undefined, now: number) => Cell};

const none: Cell = {text: '-', color: 'gray'};

/** The theme roles (format/theme.ts) the state colours stand for; the table draws them in the theme's colours. */
const stateRoles: Record<string, string> = {green: 'running', gray: 'exited', red: 'unhealthy'};

/** A state cell's colour: a theme role for running, exited and failing, else stateColor's own (yellow). */
function stateCellColour(row: ContainerRow): string | undefined {
	const colour = stateColor(row);
	return colour === undefined ? undefined : stateRoles[colour] ?? colour;
}

/**
 * Every column the containers table can show; lower priority numbers survive
 * narrower terminals. At 160 columns everything but PROJECT fits, block IO
 * included, with PORTS at its full minimum; at 80 the name, state, CPU and
 * memory stay.
 */
const specs: ColumnSpec[] = [
	{key: 'name', title: 'NAME', width: 18, grow: 34, priority: 0, cell: row => nameCell(row)},
	{key: 'project', title: 'PROJECT', width: 10, priority: 7, cell: row => projectCell(row)},
	{key: 'image', title: 'IMAGE', width: 16, grow: 32, priority: 3, cell: row => ({text: sanitizeText(row.image)})},
	{key: 'state', title: 'STATE', width: 24, priority: 0, cell: (row, _stats, now) => ({text: formatState(row, now), color: stateCellColour(row)})},
	{key: 'cpu', title: 'CPU', width: 6, align: 'right', priority: 0, cell: (_row, stats) => stats ? {text: formatPercent(stats.latest.cpuPercent)} : none},
	{key: 'spark', title: '', width: 8, priority: 5, cell: (_row, stats) => stats ? {text: sparkline(stats.cpuHistory, 8, 100), color: 'sparkline'} : {text: ''}},
	{key: 'memory', title: 'MEM', width: 17, align: 'right', priority: 1, cell: (_row, stats) => stats ? {text: memoryText(stats.latest, stats.hostMemory)} : none},
	{key: 'net', title: 'NET RX/TX', width: 13, align: 'right', priority: 4, cell: (_row, stats) => stats ? {text: `${formatDecimalBytes(stats.latest.netRx)} / ${formatDecimalBytes(stats.latest.netTx)}`} : none},
	{key: 'block', title: 'BLOCK R/W', width: 13, align: 'right', priority: 4, cell: (_row, stats) => stats ? {text: `${formatDecimalBytes(stats.latest.blockRead)} / ${formatDecimalBytes(stats.latest.blockWrite)}`} : none},
	{key: 'pids', title: 'PIDS', width: 5, align: 'right', priority: 4, cell: (_row, stats) => stats ? {text: String(stats.latest.pids)} : none},
	{key: 'ports', title: 'PORTS', width: 20, grow: 30, priority: 5, cell: row => ({text: sanitizeText(formatPorts(row.ports))})},
	{key: 'restarts', title: 'RST', width: 4, align: 'right', priority: 6, cell: row => ({text: String(row.restartCount), color: row.restartCount > 0 ? 'yellow' : undefined})},
];

/**
 * A Swarm task's container shows its service and slot ("web.2", marked as a
 * service's), not the engine's "web.2.<25-character task id>"; any other
 * container its name.
 */
function nameCell(row: ContainerRow): Cell {
	const task = swarmTaskOf(row.labels);
	return task ? {text: `${sanitizeText(swarmTaskName(task))} (service)`} : {text: sanitizeText(row.name)};
}

/** The compose project, or for a Swarm task's container its stack. */
function projectCell(row: ContainerRow): Cell {
	const project = row.composeProject ?? swarmTaskOf(row.labels)?.stack;
	return project ? {text: sanitizeText(project), color: 'blue'} : none;
}

/** The names of the containers table's columns, as a config's `containers.columns` gives them. */
export const containerColumnKeys = specs.map(spec => spec.key) as [string, ...string[]];

/**
 * Whether a memory limit says anything: a container with no limit reports
 * the host's memory (or, on cgroup v1, a number near 2^63), which is no limit.
 * Within 1% of the host's memory counts as the host's: the kernel's figure
 * and the engine's can differ by a little.
 */
export function memoryLimitShown(limit: number, hostMemory: number | undefined): boolean {
	if (!(limit > 0) || limit >= 2 ** 60) return false;
	return hostMemory === undefined || limit < hostMemory * 0.99;
}

/** "12.3MiB / 256MiB" with a real limit, "12.3MiB" when the limit is only the host's memory. */
export function memoryText(sample: StatsSample, hostMemory?: number): string {
	const used = formatBytes(sample.memoryUsage);
	return memoryLimitShown(sample.memoryLimit, hostMemory) ? `${used} / ${formatBytes(sample.memoryLimit)}` : used;
}

/**
 * The columns that fit `width` (HOST first, `hostWidth` wide, when several hosts are on screen), of those `chosen` in its order: drops the least important ones first, then
 * hands the room left over to name, image and ports, in that order.
 */
export function containerColumns(width: number, hostWidth = 0, chosen?: readonly string[]): ColumnSpec[] {
	// A config's `containers.columns` picks and orders them; the narrowest terminals still drop by priority.
	return fitColumns(withHostColumn(pickColumns(specs, chosen), hostWidth, (row: ContainerRow) => row.host), width);
}

/** The cells of one row for the chosen columns. */
export function containerCells(columns: ColumnSpec[], row: ContainerRow, stats: RowStats | undefined, now: number): Cell[] {
	return columns.map(column => column.cell(row, stats, now));
}

/** The sort column a table column stands for, so the header can mark it. */
export function columnSortKey(key: string): string {
	return key === 'spark' ? 'cpu' : key;
}

/** The column that shows a sort key: uptime is read in the STATE cell. */
export function sortColumnShown(sort: string): string {
	return sort === 'uptime' ? 'state' : sort;
}
