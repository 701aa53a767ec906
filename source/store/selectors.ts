import type {ContainerRow} from '../domain/container.js';
import {containerFilter, searchText} from '../domain/container-filter.js';
import type {AppState, SortColumn, StatsEntry} from './state.js';

type Key = (row: ContainerRow, stats: StatsEntry | undefined) => number | string;

const sortKeys: Record<SortColumn, Key> = {
	name: row => row.name.toLowerCase(),
	project: row => (row.composeProject ?? '').toLowerCase(),
	image: row => row.image.toLowerCase(),
	state: row => row.state,
	cpu: (_, stats) => stats?.latest.cpuPercent ?? -1,
	memory: (_, stats) => stats?.latest.memoryUsage ?? -1,
	net: (_, stats) => stats ? stats.latest.netRx + stats.latest.netTx : -1,
	block: (_, stats) => stats ? stats.latest.blockRead + stats.latest.blockWrite : -1,
	pids: (_, stats) => stats?.latest.pids ?? -1,
	restarts: row => row.restartCount,
	created: row => row.createdAt,
	// Longest-running first when descending; containers not running sort as never started.
	uptime: row => row.state === 'running' && row.startedAt > 0 ? -row.startedAt : Number.NEGATIVE_INFINITY,
};

/** Columns whose order depends on live stats, so the row order must follow stats updates. */
export const statsColumns = new Set<SortColumn>(['cpu', 'memory', 'net', 'block', 'pids']);

function compare(a: number | string, b: number | string): number {
	if (a < b) return -1;
	if (a > b) return 1;
	return 0;
}

export {searchText};

let memo: {containers: unknown; stats: unknown; ui: unknown; rows: ContainerRow[]} | undefined;

/**
 * The rows the containers pane shows, filtered and sorted. Ties break on name
 * and then id, so the sort is stable and rows do not jump between frames.
 * Memoized on the slices it reads; stats only count when sorting by a stats column.
 */
export function selectRows(state: AppState): ContainerRow[] {
	const {containers, ui} = state;
	const stats = statsColumns.has(ui.sort.column) ? state.stats : undefined;
	if (memo && memo.containers === containers && memo.stats === stats && memo.ui === ui) return memo.rows;
	const matches = containerFilter(ui.filter);
	const key = sortKeys[ui.sort.column];
	const direction = ui.sort.descending ? -1 : 1;
	const rows = [...containers.values()]
		.filter(row => !(ui.hideStopped && (row.state === 'exited' || row.state === 'created' || row.state === 'dead')))
		.filter(row => ui.hostFilter === undefined || row.host === ui.hostFilter)
		.filter(row => ui.project === undefined || row.composeProject === ui.project)
		.filter(matches)
		.map(row => ({row, key: key(row, state.stats.get(row.id))}))
		.sort((a, b) => direction * compare(a.key, b.key) || compare(a.row.name, b.row.name) || compare(a.row.id, b.row.id))
		.map(({row}) => row);
	memo = {containers, stats, ui, rows};
	return rows;
}

/** The selected row, falling back to the first visible one when the selection is gone. */
export function selectSelected(state: AppState): ContainerRow | undefined {
	// A project's header row (grouped table) is no container: what acts on one container has nothing to act on.
	if (state.ui.selectedId?.startsWith('project:')) return undefined;
	const rows = selectRows(state);
	return rows.find(row => row.id === state.ui.selectedId) ?? rows[0];
}
