import type {VolumeView} from '../domain/volume.js';
import {formatAgo} from './duration.js';
import {formatSize, nameList} from './resource-text.js';
import {sanitizeText} from './sanitize.js';
import type {ColumnSpec} from './resource-columns.js';

/** A volume's name for the table: anonymous ones show a short ID and say so. */
export function volumeNameText(row: Pick<VolumeView, 'name' | 'anonymous'>): string {
	return row.anonymous ? `${sanitizeText(row.name).slice(0, 12)}… (anonymous)` : sanitizeText(row.name);
}

/** Every column the volumes table can show. */
export const volumeColumnSpecs: ReadonlyArray<ColumnSpec<VolumeView>> = [
	{key: 'name', title: 'NAME', width: 26, grow: 48, priority: 0, cell: row => ({text: volumeNameText(row), color: row.anonymous ? 'gray' : undefined})},
	{key: 'driver', title: 'DRIVER', width: 7, priority: 3, cell: row => ({text: sanitizeText(row.driver)})},
	{key: 'size', title: 'SIZE', width: 8, align: 'right', priority: 1, cell: row => row.size < 0 ? {text: '-', color: 'gray'} : {text: formatSize(row.size)}},
	{key: 'created', title: 'CREATED', width: 8, align: 'right', priority: 4, cell: (row, now) => ({text: formatAgo(row.createdAt, now)})},
	{key: 'users', title: 'USED BY', width: 20, grow: 44, priority: 0, cell: row => row.users.length > 0 ? {text: nameList(row.users, 4), color: 'green'} : {text: '-', color: 'gray'}},
	{key: 'mountpoint', title: 'MOUNTPOINT', width: 24, grow: 70, priority: 5, cell: row => ({text: sanitizeText(row.mountpoint)})},
];
