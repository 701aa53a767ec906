import {builtinNetworks, type NetworkRow} from '../domain/network.js';
import {nameList} from './resource-text.js';
import {sanitizeText} from './sanitize.js';
import type {ColumnSpec} from './resource-columns.js';

/** Every column the networks table can show. */
export const networkColumnSpecs: ReadonlyArray<ColumnSpec<NetworkRow>> = [
	{key: 'name', title: 'NAME', width: 20, grow: 36, priority: 0, cell: row => ({text: sanitizeText(row.name) + (builtinNetworks.has(row.name) ? ' (built-in)' : ''), color: builtinNetworks.has(row.name) ? 'gray' : undefined})},
	{key: 'id', title: 'NETWORK ID', width: 12, priority: 3, cell: row => ({text: row.id.slice(0, 12)})},
	{key: 'driver', title: 'DRIVER', width: 8, priority: 0, cell: row => ({text: sanitizeText(row.driver)})},
	{key: 'scope', title: 'SCOPE', width: 6, priority: 2, cell: row => ({text: sanitizeText(row.scope)})},
	{key: 'subnet', title: 'SUBNET', width: 18, grow: 34, priority: 1, cell: row => row.subnets.length > 0 ? {text: sanitizeText(row.subnets.join(', '))} : {text: '-', color: 'gray'}},
	{key: 'containers', title: 'CONTAINERS', width: 20, grow: 60, priority: 0, cell: row => row.containers.length > 0 ? {text: `${row.containers.length}: ${nameList(row.containers.map(member => member.name), 4)}`} : {text: '-', color: 'gray'}},
];
