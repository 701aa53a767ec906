import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {Table, tableBodyRows} from '../components/table.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {sortProcesses, type ProcessRow} from '../domain/process.js';
import {clockTime} from '../format/event-cells.js';
import {processCells, processColumns} from '../format/process-cells.js';
import {sanitizeText} from '../format/sanitize.js';
import {useStore} from '../hooks/use-store.js';
import {labelFor} from '../keys/key-labels.js';
import {plural} from '../format/plural.js';

const sortLabel = {cpu: 'CPU', memory: 'memory', pid: 'PID'} as const;

/** The processes of one running container, from the engine's top; refreshed while visible. */
export function TopPane({width, height}: {width: number; height: number}) {
	const top = useStore(state => state.top);
	const columns = useMemo(() => processColumns(width), [width]);
	const rows = useMemo(() => top ? sortProcesses(top.rows, top.sort) : [], [top?.rows, top?.sort]);
	const tableHeight = height - 1;
	useBodyRows('top', tableBodyRows(tableHeight));
	if (!top) return <Text dimColor>No container chosen: press {labelFor('open-top', 'containers')} on a running container.</Text>;
	const name = sanitizeText(top.name);
	const status = top.status === 'loading' ? 'loading…'
		: top.status === 'ok' ? `${plural(rows.length, 'process', 'processes')} · every 2 s · ${top.updatedAt ? clockTime(top.updatedAt) : ''}`
		: sanitizeText(top.message ?? top.status);
	const sortKey = top.sort === 'pid' ? 'pid' : top.sort;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate">
				<Text bold>Processes of {name}</Text>
				<Text dimColor> sorted by {sortLabel[top.sort]} · </Text>
				<Text color={top.status === 'ok' || top.status === 'loading' ? undefined : top.status === 'stopped' ? 'yellow' : 'red'} dimColor={top.status === 'ok'}>{status}</Text>
			</Text>
			<Table<ProcessRow>
				columns={columns}
				rows={top.status === 'gone' ? [] : rows}
				rowKey={row => row.pid}
				cells={processCells}
				selectedIndex={top.selected}
				height={tableHeight}
				sortKey={sortKey}
				descending={top.sort !== 'pid'}
				empty={top.status === 'loading' ? 'reading processes…' : 'no processes'}
			/>
		</Box>
	);
}
