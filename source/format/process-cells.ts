import type {ProcessRow} from '../domain/process.js';
import {formatBytes} from './bytes.js';
import type {Cell, Column} from './table-cells.js';
import {sanitizeText} from './sanitize.js';

/** The columns of the top view; the command takes the rest of the width. */
export function processColumns(width: number): Column[] {
	const fixed: Column[] = [
		{key: 'pid', title: 'PID', width: 8, align: 'right'},
		{key: 'user', title: 'USER', width: 10},
		{key: 'cpu', title: '%CPU', width: 6, align: 'right'},
		{key: 'memory', title: '%MEM', width: 6, align: 'right'},
		{key: 'rss', title: 'RSS', width: 9, align: 'right'},
		{key: 'elapsed', title: 'ELAPSED', width: 11, align: 'right'},
		{key: 'time', title: 'TIME', width: 9, align: 'right'},
	];
	const used = fixed.reduce((sum, column) => sum + column.width + 1, 0);
	return [...fixed, {key: 'command', title: 'COMMAND', width: Math.max(10, width - used)}];
}

const decimal = (value: number | undefined) => value === undefined ? '-' : value.toFixed(1);

/** The cells of one process row; everything from ps is sanitised. */
export function processCells(row: ProcessRow): Cell[] {
	return [
		{text: sanitizeText(row.pid)},
		{text: sanitizeText(row.user)},
		{text: decimal(row.cpu), color: (row.cpu ?? 0) >= 50 ? 'red' : undefined},
		{text: decimal(row.memory)},
		{text: row.rss === undefined ? '-' : formatBytes(row.rss)},
		{text: sanitizeText(row.elapsed ?? '-')},
		{text: sanitizeText(row.time ?? '-')},
		{text: sanitizeText(row.command)},
	];
}
