import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {Table} from '../components/table.js';
import {markCells} from '../format/mark-cells.js';
import {marksOf} from '../store/marks-slice.js';
import {rowProgress} from '../store/bulk-slice.js';
import type {NetworkRow} from '../domain/network.js';
import {networkColumnSpecs} from '../format/network-cells.js';
import {fitColumns, rowCells} from '../format/resource-columns.js';
import {useStore} from '../hooks/use-store.js';
import {hostColumnWidth} from '../store/hosts-slice.js';
import {withHostColumn} from '../format/host-column.js';
import {selectNetworkRows} from '../store/resources-selectors.js';

/** The networks table: name, driver, scope, subnets and the containers attached. */
export function NetworksPane({width, height}: {width: number; height: number}) {
	const rows = useStore(selectNetworkRows);
	const marks = useStore(state => marksOf(state, 'networks'));
	const bulk = useStore(state => state.bulk);
	const table = useStore(state => state.resources.tables.networks);
	const loaded = useStore(state => state.resources.loaded.networks);
	const error = useStore(state => state.resources.errors.networks);
	const filter = useStore(state => state.ui.filter);
	const hostWidth = useStore(hostColumnWidth);
	const columns = useMemo(() => fitColumns(withHostColumn(networkColumnSpecs, hostWidth, (row: NetworkRow) => row.host), width), [width, hostWidth]);
	const now = Date.now();
	const index = Math.max(0, rows.findIndex(row => row.id === table.selectedKey));
	const empty = error ? `cannot list networks: ${error}` : !loaded ? 'loading networks…' : filter ? `no network matches "${filter}"` : 'no networks';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text dimColor wrap="truncate">Networks · {rows.length} shown</Text>
			<Table<NetworkRow>
				columns={columns}
				rows={rows}
				rowKey={row => `${row.host ?? ''}|${row.id}`}
				cells={row => markCells(columns, rowCells(columns, row, now), marks.has(row.id), rowProgress(bulk, row.id, now))}
				selectedIndex={index}
				height={Math.max(2, height - 1)}
				sortKey={table.sort.column}
				descending={table.sort.descending}
				empty={empty}
			/>
		</Box>
	);
}
