import type {ContainerRow} from '../domain/container.js';
import type {StatsSample} from '../domain/stats.js';
import {formatBytes, formatDecimalBytes, formatPercent} from './bytes.js';
import {formatPorts} from './ports.js';
import {sanitizeText} from './sanitize.js';
import {sparkline} from './sparkline.js';
import {fitColumns} from './resource-columns.js';
import {withHostColumn} from './host-column.js';
import {formatState, stateColor} from './status.js';

/** One column: its title, width in cells and alignment. */
export type Column = {key: string; title: string; width: number; align?: 'left' | 'right'};

/** One cell: text already sanitised and formatted, and an optional colour. */
export type Cell = {text: string; color?: string};

/** Live figures a row needs; absent for containers that are not running. */
export type RowStats = {latest: StatsSample; cpuHistory: number[]};

type ColumnSpec = Column & {priority: number; grow?: number; cell: (row: ContainerRow, stats: RowStats | undefined, now: number) => Cell};

const none: Cell = {text: '-', color: 'gray'};

/** Every column the containers table can show; lower priority numbers survive narrower terminals. */
const specs: ColumnSpec[] = [
	{key: 'name', title: 'NAME', width: 22, grow: 34, priority: 0, cell: row => ({text: sanitizeText(row.name)})},
	{key: 'project', title: 'PROJECT', width: 10, priority: 3, cell: row => row.composeProject ? {text: sanitizeText(row.composeProject), color: 'blue'} : none},
	{key: 'image', title: 'IMAGE', width: 20, grow: 32, priority: 3, cell: row => ({text: sanitizeText(row.image)})},
	{key: 'state', title: 'STATE', width: 26, priority: 0, cell: (row, _stats, now) => ({text: formatState(row, now), color: stateColor(row)})},
	{key: 'cpu', title: 'CPU', width: 6, align: 'right', priority: 0, cell: (_row, stats) => stats ? {text: formatPercent(stats.latest.cpuPercent)} : none},
	{key: 'spark', title: '', width: 8, priority: 5, cell: (_row, stats) => stats ? {text: sparkline(stats.cpuHistory, 8, 100), color: 'green'} : {text: ''}},
	{key: 'memory', title: 'MEM', width: 17, align: 'right', priority: 1, cell: (_row, stats) => stats ? {text: memoryText(stats.latest)} : none},
	{key: 'net', title: 'NET RX/TX', width: 15, align: 'right', priority: 4, cell: (_row, stats) => stats ? {text: `${formatDecimalBytes(stats.latest.netRx)} / ${formatDecimalBytes(stats.latest.netTx)}`} : none},
	{key: 'block', title: 'BLOCK R/W', width: 15, align: 'right', priority: 7, cell: (_row, stats) => stats ? {text: `${formatDecimalBytes(stats.latest.blockRead)} / ${formatDecimalBytes(stats.latest.blockWrite)}`} : none},
	{key: 'pids', title: 'PIDS', width: 4, align: 'right', priority: 4, cell: (_row, stats) => stats ? {text: String(stats.latest.pids)} : none},
	{key: 'ports', title: 'PORTS', width: 18, grow: 30, priority: 5, cell: row => ({text: sanitizeText(formatPorts(row.ports))})},
	{key: 'restarts', title: 'RST', width: 3, align: 'right', priority: 6, cell: row => ({text: String(row.restartCount), color: row.restartCount > 0 ? 'yellow' : undefined})},
];

function memoryText(sample: StatsSample): string {
	return `${formatBytes(sample.memoryUsage)} / ${formatBytes(sample.memoryLimit)}`;
}

/**
 * The columns that fit `width` (HOST first when `several` hosts are on screen): drops the least important ones first, then
 * hands the room left over to name, image and ports, in that order.
 */
export function containerColumns(width: number, several = false): ColumnSpec[] {
	return fitColumns(withHostColumn(specs, several, (row: ContainerRow) => row.host), width);
}

/** The cells of one row for the chosen columns. */
export function containerCells(columns: ColumnSpec[], row: ContainerRow, stats: RowStats | undefined, now: number): Cell[] {
	return columns.map(column => column.cell(row, stats, now));
}

/** The sort column a table column stands for, so the header can mark it. */
export function columnSortKey(key: string): string {
	return key === 'spark' ? 'cpu' : key;
}
