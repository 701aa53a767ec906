import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {Table} from '../components/table.js';
import {markCells} from '../format/mark-cells.js';
import {marksOf} from '../store/marks-slice.js';
import {rowProgress} from '../store/bulk-slice.js';
import type {VolumeView} from '../domain/volume.js';
import {fitColumns, rowCells} from '../format/resource-columns.js';
import {volumeColumnSpecs} from '../format/volume-cells.js';
import {useStore} from '../hooks/use-store.js';
import {hostColumnWidth} from '../store/hosts-slice.js';
import {withHostColumn} from '../format/host-column.js';
import {selectVolumeRows} from '../store/resources-selectors.js';

/** The volumes table: name (anonymous ones marked), driver, size from disk usage, age, the containers using it, mountpoint. */
export function VolumesPane({width, height}: {width: number; height: number}) {
	const rows = useStore(selectVolumeRows);
	const marks = useStore(state => marksOf(state, 'volumes'));
	const bulk = useStore(state => state.bulk);
	const table = useStore(state => state.resources.tables.volumes);
	const loaded = useStore(state => state.resources.loaded.volumes);
	const error = useStore(state => state.resources.errors.volumes);
	const filter = useStore(state => state.ui.filter);
	const hostWidth = useStore(hostColumnWidth);
	const columns = useMemo(() => fitColumns(withHostColumn(volumeColumnSpecs, hostWidth, (row: VolumeView) => row.host), width), [width, hostWidth]);
	const now = Date.now();
	const index = Math.max(0, rows.findIndex(row => row.name === table.selectedKey));
	const anonymous = rows.filter(row => row.anonymous).length;
	const inUse = rows.filter(row => row.users.length > 0).length;
	const empty = error ? `cannot list volumes: ${error}` : !loaded ? 'loading volumes…' : filter ? `no volume matches "${filter}"` : 'no volumes (c creates one)';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text dimColor wrap="truncate">Volumes · {rows.length} shown, {inUse} in use, {anonymous} anonymous</Text>
			<Table<VolumeView>
				columns={columns}
				rows={rows}
				rowKey={row => `${row.host ?? ''}|${row.name}`}
				cells={row => markCells(columns, rowCells(columns, row, now), marks.has(row.name), rowProgress(bulk, row.name, now))}
				selectedIndex={index}
				height={Math.max(2, height - 1)}
				sortKey={table.sort.column}
				descending={table.sort.descending}
				sortKeyOf={key => (key === 'users' ? 'containers' : key)}
				empty={empty}
			/>
		</Box>
	);
}
