import {swarmTaskOf, type ContainerRow} from './container.js';
import {dockerFilter} from './docker-filter.js';
import {makeMatcher} from './matcher.js';

/**
 * The words a containers filter matches: name, image, compose project, and
 * a Swarm task's service and stack, the state as the STATE cell shows it ("running (unhealthy)", "exited (1)"),
 * so what is on screen can be found by typing it; and the host, with several.
 */
export function searchText(row: ContainerRow): string {
	const health = row.state === 'running' && row.health ? ` (${row.health})` : '';
	const exit = row.state === 'exited' ? ` (${row.exitCode})` : '';
	const task = swarmTaskOf(row.labels);
	const swarm = task ? ` ${task.service} ${task.stack}` : '';
	return `${row.name} ${row.image} ${row.composeProject ?? ''}${swarm} ${row.state}${health}${exit}${row.host === undefined ? '' : ` ${row.host}`}`;
}

/**
 * Builds the containers filter from what the user typed:
 * - `text` or a regex matches the search text (case-insensitive);
 * - `!text` keeps the rows that do not match;
 * - `label:key` keeps rows with that label, `label:key=value` those whose
 *   value matches (substring or regex), as `docker ps --filter label=` reads.
 *   A bare `key=value` stays a text search (`=` is also a regex character),
 *   unless every word is a `docker ps --filter` one (domain/docker-filter.ts).
 */
export function containerFilter(text: string): (row: ContainerRow) => boolean {
	if (text.startsWith('!')) {
		const inner = containerFilter(text.slice(1));
		return text.length === 1 ? () => true : row => !inner(row);
	}
	// docker's own syntax (status=exited label=tier=db), as --filter gives it.
	const docker = dockerFilter(text);
	if (docker) return docker;
	const label = /^label:([^=]+)(?:=(.*))?$/i.exec(text);
	if (label) {
		const key = label[1]!.trim();
		const value = label[2];
		const matches = makeMatcher(value ?? '');
		return row => Object.hasOwn(row.labels, key) && (value === undefined || matches(row.labels[key] ?? ''));
	}
	const matches = makeMatcher(text);
	return row => matches(searchText(row));
}
