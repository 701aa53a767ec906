import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {PullPanel, pullPanelHeight} from '../components/pull-panel.js';
import {Table} from '../components/table.js';
import {markCells} from '../format/mark-cells.js';
import {marksOf} from '../store/marks-slice.js';
import {rowProgress} from '../store/bulk-slice.js';
import type {ImageView} from '../domain/image.js';
import {imageColumnSpecs} from '../format/image-cells.js';
import {fitColumns, rowCells} from '../format/resource-columns.js';
import {useStore} from '../hooks/use-store.js';
import {hostColumnWidth} from '../store/hosts-slice.js';
import {withHostColumn} from '../format/host-column.js';
import {hiddenImageCount, selectedIndex, selectImageRows} from '../store/resources-selectors.js';
import {labelFor} from '../keys/key-labels.js';
import {plural} from '../format/plural.js';

/** The images table: one row per tag, a caption with counts, and the pull's progress below when there is one. */
export function ImagesPane({width, height}: {width: number; height: number}) {
	const rows = useStore(selectImageRows);
	const marks = useStore(state => marksOf(state, 'images'));
	const bulk = useStore(state => state.bulk);
	const hidden = useStore(hiddenImageCount);
	const table = useStore(state => state.resources.tables.images);
	const loaded = useStore(state => state.resources.loaded.images);
	const error = useStore(state => state.resources.errors.images);
	const filter = useStore(state => state.ui.filter);
	const pull = useStore(state => state.resources.pull);
	const hostWidth = useStore(hostColumnWidth);
	const columns = useMemo(() => fitColumns(withHostColumn(imageColumnSpecs, hostWidth, (row: ImageView) => row.image.host), width), [width, hostWidth]);
	const now = Date.now();
	const panel = pull ? pullPanelHeight(pull.layers.length, Math.max(3, Math.floor(height / 2))) : 0;
	const tableHeight = Math.max(2, height - 1 - panel);
	const readOnly = useStore(state => state.readOnly);
	const pullKey = labelFor('pull', 'images', readOnly);
	const empty = error ? `cannot list images: ${error}` : !loaded ? 'loading images…' : filter ? `no image matches "${filter}"` : `no images${pullKey ? ` (${pullKey} pulls one)` : ''}`;
	const caption = `${plural(rows.length, 'image row')}${hidden > 0 ? `, ${hidden} untagged hidden (${labelFor('toggle-untagged', 'images')} shows them)` : ''}`;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text dimColor wrap="truncate">Images · {caption}</Text>
			<Table<ImageView>
				columns={columns}
				rows={rows}
				rowKey={row => row.key}
				cells={row => markCells(columns, rowCells(columns, row, now), marks.has(row.key), rowProgress(bulk, row.key, now))}
				selectedIndex={selectedIndex(rows, table.selectedKey)}
				height={tableHeight}
				sortKey={table.sort.column}
				descending={table.sort.descending}
				sortKeyOf={key => (key === 'users' ? 'containers' : key)}
				empty={empty}
			/>
			{pull && panel > 0 ? <PullPanel progress={pull} width={width} height={panel} cancelKey={labelFor('back', 'images') ?? ''} /> : null}
		</Box>
	);
}
