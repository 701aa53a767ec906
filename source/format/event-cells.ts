import type {EventRecord} from '../domain/event-record.js';
import type {Cell, Column} from './table-cells.js';
import {sanitizeText} from './sanitize.js';

/** The columns of the events view (HOST first, `hostWidth` wide, with several hosts); attributes take the rest of the width. */
export function eventColumns(width: number, hostWidth = 0): Column[] {
	const fixed: Column[] = [
		...(hostWidth > 0 ? [{key: 'host', title: 'HOST', width: hostWidth}] : []),
		{key: 'time', title: 'TIME', width: 8},
		{key: 'type', title: 'TYPE', width: 9},
		{key: 'action', title: 'ACTION', width: 22},
		{key: 'name', title: 'NAME', width: Math.max(12, Math.min(30, Math.floor(width / 5)))},
	];
	const used = fixed.reduce((sum, column) => sum + column.width + 1, 0);
	return [...fixed, {key: 'attributes', title: 'ATTRIBUTES', width: Math.max(10, width - used)}];
}

/** Local wall-clock time of an event, HH:MM:SS. */
export function clockTime(epochMs: number): string {
	const date = new Date(epochMs);
	return [date.getHours(), date.getMinutes(), date.getSeconds()].map(part => String(part).padStart(2, '0')).join(':');
}

const actionColor = (action: string): string | undefined => {
	if (/^(die|kill|oom|destroy|delete|remove|untag)/.test(action)) return 'red';
	if (/^(start|create|pull|connect|mount|tag|unpause)/.test(action)) return 'green';
	if (/^(stop|pause|disconnect|unmount)/.test(action)) return 'yellow';
	return undefined;
};

/** The cells of one event row (its host first when `hostWidth` > 0); every engine string is sanitised. */
export function eventCells(record: EventRecord, hostWidth = 0): Cell[] {
	return [
		...(hostWidth > 0 ? [{text: sanitizeText(record.host ?? '-'), color: 'cyan'}] : []),
		{text: clockTime(record.time), color: 'gray'},
		{text: sanitizeText(record.type)},
		{text: sanitizeText(record.action), color: actionColor(record.action)},
		{text: sanitizeText(record.name)},
		{text: sanitizeText(record.attributes.map(([key, value]) => `${key}=${value}`).join(' '))},
	];
}
