import type {ContainerRow} from '../domain/container.js';
import type {AppState} from './state.js';
import {pruneMarks} from './marks-slice.js';

/**
 * Replaces the container list (first load and every resync). Keeps fuller
 * inspected fields for rows that still exist. With `host`, only that host's
 * rows are replaced: each host's sync owns its own rows and leaves the others be.
 */
export function replaceContainers(state: AppState, rows: ContainerRow[], host?: string): AppState {
	const containers = new Map<string, ContainerRow>();
	if (host !== undefined) for (const [id, row] of state.containers) if (row.host !== host) containers.set(id, row);
	for (const row of rows) {
		const known = state.containers.get(row.id);
		containers.set(row.id, known ? mergeSummary(known, row) : row);
	}
	const stats = new Map([...state.stats].filter(([id]) => containers.has(id)));
	return pruneMarks({...state, containers, stats, loaded: true}, 'containers', containers);
}

/** The list endpoint lacks start time, restart count and TTY: keep what an inspect told us. */
function mergeSummary(known: ContainerRow, summary: ContainerRow): ContainerRow {
	const sameRun = known.state === summary.state;
	return {
		...summary,
		startedAt: sameRun ? known.startedAt : summary.startedAt,
		finishedAt: sameRun ? known.finishedAt : summary.finishedAt,
		restartCount: known.restartCount,
		tty: known.tty,
		command: known.command || summary.command,
		health: summary.health ?? known.health,
	};
}

/** Inserts or replaces one container after an inspect. */
export function upsertContainer(state: AppState, row: ContainerRow): AppState {
	const containers = new Map(state.containers);
	containers.set(row.id, row);
	return {...state, containers};
}

/** Drops a container that was destroyed, with its stats. */
export function removeContainer(state: AppState, id: string): AppState {
	if (!state.containers.has(id) && !state.stats.has(id)) return state;
	const containers = new Map(state.containers);
	containers.delete(id);
	const stats = new Map(state.stats);
	stats.delete(id);
	return pruneMarks({...state, containers, stats}, 'containers', containers);
}
