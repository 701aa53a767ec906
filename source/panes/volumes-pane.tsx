import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {Table} from '../components/table.js';
import type {VolumeView} from '../domain/volume.js';
import {fitColumns, pickColumns, rowCells} from '../format/resource-columns.js';
import {volumeColumnSpecs} from '../format/volume-cells.js';
import {useStore} from '../hooks/use-store.js';
import {hostColumnWidth} from '../store/hosts-slice.js';
import {withHostColumn} from '../format/host-column.js';
import {selectVolumeRows} from '../store/resources-selectors.js';

/** The volumes table: name (anonymous ones marked), driver, size from disk usage, age, the containers using it, mountpoint. */
export function VolumesPane({width, height}: {width: number; height: number}) {
	const rows = useStore(selectVolumeRows);
	const table = useStore(state => state.resources.tables.volumes);
	const loaded = useStore(state => state.resources.loaded.volumes);
	const error = useStore(state => state.resources.errors.volumes);
	const filter = useStore(state => state.ui.filter);
	const hostWidth = useStore(hostColumnWidth);
	const chosen = useStore(state => state.ui.columns?.volumes);
	const columns = useMemo(() => fitColumns(withHostColumn(pickColumns(volumeColumnSpecs, chosen), hostWidth, (row: VolumeView) => row.host), width), [width, hostWidth, chosen]);
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
				cells={row => rowCells(columns, row, now)}
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
