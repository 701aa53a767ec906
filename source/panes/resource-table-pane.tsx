import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {Table, tableBodyRows} from '../components/table.js';
import {withHostColumn} from '../format/host-column.js';
import {fitColumns, pickColumns, rowCells, type ColumnSpec} from '../format/resource-columns.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {useStore} from '../hooks/use-store.js';
import {hostColumnWidth} from '../store/hosts-slice.js';
import {selectedIndex} from '../store/resources-selectors.js';
import type {ResourceTable} from '../store/resources-state.js';
import type {AppState} from '../store/state.js';
import {markCells} from '../format/mark-cells.js';
import {marksOf} from '../store/marks-slice.js';
import {rowProgress} from '../store/bulk-slice.js';

/**
 * What one resource table shows, declared per resource (images, volumes,
 * networks) the way lazydocker declares its panels; ResourceTablePane draws any of them.
 */
export type ResourceTableSpec<T> = {
	table: ResourceTable;
	/** The caption's first word, e.g. "Volumes". */
	title: string;
	/** One row's noun, for "no volume matches"; the table's own name is the plural. */
	noun: string;
	/** The rows in order, filtered and sorted: a stable list while nothing changed (a store selector). */
	rows: (state: AppState) => T[];
	/** The row's key in the table's selection (store/resources-selectors.ts tableRows). */
	keyOf: (row: T) => string;
	/** The row's host when several are shown. */
	hostOf: (row: T) => string | undefined;
	columns: ReadonlyArray<ColumnSpec<T>>;
	/** The rest of the caption after the title, from the rows shown. */
	caption: (rows: T[], state: AppState) => string;
	/** What the empty table says once it is loaded and no filter is set, e.g. "no volumes (c creates one)". */
	none: (state: AppState) => string;
	/** Maps a column key to the sort key it stands for. */
	sortKeyOf?: (columnKey: string) => string;
};

/** A resource table under its caption, `height` lines tall. */
export function ResourceTablePane<T>({spec, width, height}: {spec: ResourceTableSpec<T>; width: number; height: number}) {
	const rows = useStore(spec.rows);
	const table = useStore(state => state.resources.tables[spec.table]);
	const loaded = useStore(state => state.resources.loaded[spec.table]);
	const error = useStore(state => state.resources.errors[spec.table]);
	const filter = useStore(state => state.ui.filter);
	const caption = useStore(state => spec.caption(rows, state));
	const none = useStore(spec.none);
	const marks = useStore(state => marksOf(state, spec.table));
	const bulk = useStore(state => state.bulk);
	const hostWidth = useStore(hostColumnWidth);
	// The config's (or :columns') choice and order of columns for this table.
	const chosen = useStore(state => state.ui.columns?.[spec.table]);
	const columns = useMemo(() => fitColumns(withHostColumn(pickColumns(spec.columns, chosen), hostWidth, spec.hostOf), width), [spec, width, hostWidth, chosen]);
	const keys = useMemo(() => rows.map(row => ({key: spec.keyOf(row)})), [spec, rows]);
	const tableHeight = Math.max(2, height - 1);
	useBodyRows(spec.table, tableBodyRows(tableHeight));
	const now = Date.now();
	const empty = error ? `cannot list ${spec.table}: ${error}` : !loaded ? `loading ${spec.table}…` : filter ? `no ${spec.noun} matches "${filter}"` : none;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text dimColor wrap="truncate">{spec.title} · {caption}</Text>
			<Table<T>
				columns={columns}
				rows={rows}
				rowKey={row => `${spec.hostOf(row) ?? ''}|${spec.keyOf(row)}`}
				cells={row => markCells(columns, rowCells(columns, row, now), marks.has(spec.keyOf(row)), rowProgress(bulk, spec.keyOf(row), now))}
				selectedIndex={selectedIndex(keys, table.selectedKey)}
				height={tableHeight}
				sortKey={table.sort.column}
				descending={table.sort.descending}
				sortKeyOf={spec.sortKeyOf}
				empty={empty}
			/>
		</Box>
	);
}
