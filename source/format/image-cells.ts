import {shortImageId} from '../domain/image.js';
import type {ImageView} from '../domain/image.js';
import {formatAgo} from './duration.js';
import {nameList, formatSize} from './resource-text.js';
import {sanitizeText} from './sanitize.js';
import type {ColumnSpec} from './resource-columns.js';

const gray = 'gray';

/** Every column the images table can show. */
export const imageColumnSpecs: ReadonlyArray<ColumnSpec<ImageView>> = [
	{key: 'name', title: 'REPOSITORY:TAG', width: 28, grow: 60, priority: 0, cell: row => row.tag
		? {text: sanitizeText(row.tag)}
		: {text: `<none> (${row.kind})`, color: gray}},
	{key: 'id', title: 'IMAGE ID', width: 12, priority: 1, cell: row => ({text: shortImageId(row.image.id)})},
	{key: 'created', title: 'CREATED', width: 8, align: 'right', priority: 2, cell: (row, now) => ({text: formatAgo(row.image.createdAt, now)})},
	{key: 'size', title: 'SIZE', width: 8, align: 'right', priority: 0, cell: row => ({text: formatSize(row.image.size)})},
	{key: 'shared', title: 'SHARED', width: 8, align: 'right', priority: 3, cell: row => row.sharedSize < 0 ? {text: '-', color: gray} : {text: formatSize(row.sharedSize)}},
	{key: 'containers', title: 'USED', width: 4, align: 'right', priority: 0, cell: row => row.users.length > 0 ? {text: String(row.users.length), color: 'green'} : {text: '0', color: gray}},
	{key: 'users', title: 'CONTAINERS', width: 20, grow: 40, priority: 4, cell: row => row.users.length > 0 ? {text: nameList(row.users, 3)} : {text: '', color: gray}},
];
