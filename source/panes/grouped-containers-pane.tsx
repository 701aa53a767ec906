import {Box} from 'ink';
import {useCallback, useEffect, useMemo} from 'react';
import {Table} from '../components/table.js';
import {columnSortKey, containerCells, containerColumns, sortColumnShown, type RowStats} from '../format/container-cells.js';
import {markCells} from '../format/mark-cells.js';
import {indentCells, projectCells, projectTotals} from '../format/project-cells.js';
import {useServices, useStore} from '../hooks/use-store.js';
import {useRedrawAt} from '../hooks/use-redraw-at.js';
import {rowProgress} from '../store/bulk-slice.js';
import {hostColumnWidth} from '../store/hosts-slice.js';
import {marksOf} from '../store/marks-slice.js';
import {selectEntries, type GroupEntry} from '../store/project-groups.js';
import {detailHeight, detailShown} from '../store/ui-slice.js';
import {setVisibleContainers} from '../store/visibility-slice.js';
import {ContainerDetail} from './container-detail.js';
import {ProjectDetail, projectDetailHeight} from './project-detail.js';
import {selectDrifts} from '../store/project-files.js';

/**
 * The containers table grouped by compose project: a header row per project
 * (▾ open, ▸ folded) with running/total, health, CPU and memory summed, and
 * "· drift" when its containers no longer match its compose files, then its
 * containers indented; containers of no project last. A selected header
 * shows the drift in full, or why the files cannot be read.
 */
export function GroupedContainersPane({width, height}: {width: number; height: number}) {
	const entries = useStore(selectEntries);
	const stats = useStore(state => state.stats);
	const ui = useStore(state => state.ui);
	const loaded = useStore(state => state.loaded);
	const hostMemory = useStore(state => state.hostMemory);
	const marks = useStore(state => marksOf(state, 'containers'));
	const bulk = useStore(state => state.bulk);
	const drifts = useStore(selectDrifts);
	const {store} = useServices();
	// Stats stream for the containers on screen, and for every container of a project header shown (its totals).
	const onWindow = useCallback((visible: readonly GroupEntry[]) => store.update(state => setVisibleContainers(state, visible.flatMap(entry => entry.kind === 'project' ? entry.rows.map(row => row.id) : [entry.row.id]))), [store]);
	useEffect(() => () => store.update(state => setVisibleContainers(state, [])), [store]);
	const now = Date.now();
	useRedrawAt(bulk?.shownUntil !== undefined && bulk.shownUntil > now ? bulk.shownUntil : undefined);
	const hostWidth = useStore(hostColumnWidth);
	const columns = useMemo(() => containerColumns(width, hostWidth), [width, hostWidth]);
	const selectedIndex = Math.max(0, entries.findIndex(entry => entry.key === ui.selectedId));
	const selected = entries[selectedIndex];
	const row = selected?.kind === 'container' ? selected.row : undefined;
	const showDetail = row !== undefined && detailShown(ui, height);
	// A selected header says how its project stands against its files: the detail's box with room, else one line.
	const project = selected?.kind === 'project' ? selected : undefined;
	const projectDrift = project ? drifts.get(project.name) ?? {kind: 'unknown' as const} : undefined;
	const projectHeight = projectDrift ? (detailShown(ui, height) ? projectDetailHeight(projectDrift) : 1) : 0;
	const cells = (entry: GroupEntry) => {
		if (entry.kind === 'project') return projectCells(columns, entry.name, projectTotals(entry.rows, stats), entry.folded, drifts.get(entry.name));
		const current = stats.get(entry.row.id);
		const rowStats: RowStats | undefined = current
			? {latest: current.latest, cpuHistory: current.history.slice(Math.max(0, current.history.size - 16), current.history.size).map(sample => sample.cpuPercent), hostMemory}
			: undefined;
		const plain = markCells(columns, containerCells(columns, entry.row, rowStats, now), marks.has(entry.row.id), rowProgress(bulk, entry.row.id, now));
		return entry.row.composeProject === undefined ? plain : indentCells(columns, plain);
	};
	const empty = !loaded ? 'loading containers…' : ui.filter ? `no container matches "${ui.filter}"` : 'no containers';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Table
				columns={columns}
				rows={entries}
				rowKey={entry => entry.key}
				cells={cells}
				selectedIndex={selectedIndex}
				height={showDetail ? height - detailHeight : height - projectHeight}
				sortKey={sortColumnShown(ui.sort.column)}
				descending={ui.sort.descending}
				empty={empty}
				sortKeyOf={columnSortKey}
				onWindow={onWindow}
			/>
			{showDetail && row ? <ContainerDetail row={row} stats={stats.get(row.id)} width={width} height={detailHeight} now={now} /> : null}
			{project ? <ProjectDetail name={project.name} totals={projectTotals(project.rows, stats)} drift={projectDrift ?? {kind: 'unknown'}} width={width} height={projectHeight} /> : null}
		</Box>
	);
}
