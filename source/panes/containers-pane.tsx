import {Box} from 'ink';
import type {ContainerRow} from '../domain/container.js';
import {useCallback, useEffect, useMemo} from 'react';
import {Table, tableBodyRows} from '../components/table.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {columnSortKey, containerCells, containerColumns, sortColumnShown, type RowStats} from '../format/container-cells.js';
import {useServices, useStore} from '../hooks/use-store.js';
import {setVisibleContainers} from '../store/visibility-slice.js';
import {selectRows} from '../store/selectors.js';
import {hostColumnWidth} from '../store/hosts-slice.js';
import {ContainerDetail} from './container-detail.js';
import {nextStateChange} from '../format/status.js';
import {useRedrawAt} from '../hooks/use-redraw-at.js';
import {detailHeight, detailShown} from '../store/ui-slice.js';
import {markCells} from '../format/mark-cells.js';
import {marksOf} from '../store/marks-slice.js';
import {rowProgress} from '../store/bulk-slice.js';

/** Rows the detail area takes when shown. */
export {detailHeight};

/** The containers table and, when there is room, the selected container's detail. */
export function ContainersPane({width, height}: {width: number; height: number}) {
	const rows = useStore(selectRows);
	const stats = useStore(state => state.stats);
	const ui = useStore(state => state.ui);
	const loaded = useStore(state => state.loaded);
	const hostMemory = useStore(state => state.hostMemory);
	const marks = useStore(state => marksOf(state, 'containers'));
	const bulk = useStore(state => state.bulk);
	const {store} = useServices();
	// Sync streams stats only for the rows on screen; nothing is on screen once the pane closes.
	const onWindow = useCallback((visible: readonly ContainerRow[]) => store.update(state => setVisibleContainers(state, visible.map(row => row.id))), [store]);
	useEffect(() => () => store.update(state => setVisibleContainers(state, [])), [store]);
	const now = Date.now();
	let nextChange: number | undefined;
	for (const row of rows) {
		const at = nextStateChange(row, now);
		if (at !== undefined && (nextChange === undefined || at < nextChange)) nextChange = at;
	}
	// Rounded up to 10 s: rows whose times move on within the same 10 s redraw together.
	useRedrawAt(nextChange === undefined ? undefined : Math.ceil(nextChange / 10_000) * 10_000);
	// A bulk action's results give way to the live state when their time is up.
	useRedrawAt(bulk?.shownUntil !== undefined && bulk.shownUntil > now ? bulk.shownUntil : undefined);
	const hostWidth = useStore(hostColumnWidth);
	const columns = useMemo(() => containerColumns(width, hostWidth, ui.columns?.containers), [width, hostWidth, ui.columns?.containers]);
	const selectedIndex = Math.max(0, rows.findIndex(row => row.id === ui.selectedId));
	const selected = rows[selectedIndex];
	const showDetail = selected !== undefined && detailShown(ui, height);
	const tableHeight = showDetail ? height - detailHeight : height;
	useBodyRows('containers', tableBodyRows(tableHeight));
	const cells = (row: ContainerRow) => {
		const entry = stats.get(row.id);
		const rowStats: RowStats | undefined = entry
			? {latest: entry.latest, cpuHistory: entry.history.slice(Math.max(0, entry.history.size - 16), entry.history.size).map(sample => sample.cpuPercent), hostMemory}
			: undefined;
		return markCells(columns, containerCells(columns, row, rowStats, now), marks.has(row.id), rowProgress(bulk, row.id, now));
	};
	const empty = !loaded ? 'loading containers…' : ui.filter ? `no container matches "${ui.filter}"` : 'no containers';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Table
				columns={columns}
				rows={rows}
				rowKey={row => row.id}
				cells={cells}
				selectedIndex={selectedIndex}
				height={tableHeight}
				sortKey={sortColumnShown(ui.sort.column)}
				descending={ui.sort.descending}
				empty={empty}
				sortKeyOf={columnSortKey}
				onWindow={onWindow}
			/>
			{showDetail && selected ? <ContainerDetail row={selected} stats={stats.get(selected.id)} width={width} height={detailHeight} now={now} /> : null}
		</Box>
	);
}
