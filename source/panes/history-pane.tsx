import {Box, Text} from 'ink';
import {Table, tableBodyRows} from '../components/table.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import type {HistoryLayer} from '../domain/image.js';
import {formatAgo} from '../format/duration.js';
import {formatLayerOrigin, formatSize} from '../format/resource-text.js';
import {sanitizeText} from '../format/sanitize.js';
import {useStore} from '../hooks/use-store.js';
import {labelFor} from '../keys/key-labels.js';
import {plural} from '../format/plural.js';

/** Lines under the table for the selected layer's full command. */
const detailLines = 6;

/** An image's layers: age, size and created-by; the selected layer's command in full below. */
export function HistoryPane({width, height}: {width: number; height: number}) {
	const history = useStore(state => state.resources.history);
	const tableHeight = Math.max(2, height - 1 - detailLines);
	useBodyRows('history', tableBodyRows(tableHeight));
	if (!history) return <Text dimColor>no image chosen ({labelFor('back', 'history')} goes back)</Text>;
	const layers = (history.layers ?? []).map((layer, index) => ({...layer, index}));
	const now = Date.now();
	const commandWidth = Math.max(10, width - 8 - 8 - 14 - 3);
	const columns = [
		{key: 'created', title: 'CREATED', width: 8, align: 'right' as const},
		{key: 'size', title: 'SIZE', width: 8, align: 'right' as const},
		{key: 'id', title: 'LAYER', width: 14},
		{key: 'by', title: 'CREATED BY', width: commandWidth},
	];
	const selected = layers[history.selected];
	const total = layers.reduce((sum, layer) => sum + layer.size, 0);
	const empty = history.error ?? (history.layers ? 'no layers' : 'reading history…');
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate"><Text bold>History of {history.title}</Text><Text dimColor> · {plural(layers.length, 'layer')}, {formatSize(total)}</Text></Text>
			<Table<HistoryLayer & {index: number}>
				columns={columns}
				rows={layers}
				rowKey={layer => String(layer.index)}
				cells={layer => [
					{text: formatAgo(layer.createdAt, now)},
					{text: formatSize(layer.size), color: layer.size === 0 ? 'gray' : undefined},
					{text: layer.id === '<missing>' ? '<missing>' : layer.id.replace(/^sha256:/, '').slice(0, 12), color: 'gray'},
					{text: formatLayerOrigin(layer.createdBy, layer.comment)},
				]}
				selectedIndex={history.selected}
				height={tableHeight}
				empty={empty}
			/>
			<Box borderStyle="single" borderColor="gray" height={detailLines} width={width} paddingX={1} overflowY="hidden">
				<Text wrap="wrap">{selected ? (selected.createdBy ? sanitizeText(selected.createdBy).replace(/\s+/g, ' ') : formatLayerOrigin('', selected.comment)) : ' '}</Text>
			</Box>
		</Box>
	);
}
