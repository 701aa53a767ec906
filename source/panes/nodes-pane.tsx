import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {Table} from '../components/table.js';
import {swarmRoleText, type NodeRow} from '../domain/swarm.js';
import {fitColumns, rowCells} from '../format/resource-columns.js';
import {nodeColumnSpecs} from '../format/swarm-cells.js';
import {sanitizeText} from '../format/sanitize.js';
import {useStore} from '../hooks/use-store.js';
import {selectNodeRows, swarmOf} from '../store/swarm-slice.js';

/** The nodes table: hostname, role, manager status, availability, state, engine, CPU, memory, running tasks. */
export function NodesPane({width, height}: {width: number; height: number}) {
	const rows = useStore(selectNodeRows);
	const swarm = useStore(swarmOf);
	const filter = useStore(state => state.ui.filter);
	const columns = useMemo(() => fitColumns(nodeColumnSpecs, width), [width]);
	const roleText = swarm.role ? swarmRoleText(swarm.role) : undefined;
	if (roleText) return <Box width={width} height={height}><Text wrap="truncate">{roleText}</Text></Box>;
	const index = Math.max(0, rows.findIndex(row => row.id === swarm.selected.nodes));
	const empty = swarm.error ? `cannot list nodes: ${sanitizeText(swarm.error)}` : !swarm.loaded.nodes ? 'loading nodes…' : filter ? `no node matches "${sanitizeText(filter)}"` : 'no nodes';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text dimColor wrap="truncate">Nodes · {rows.length} shown</Text>
			<Table<NodeRow>
				columns={columns}
				rows={rows}
				rowKey={row => row.id}
				cells={row => rowCells(columns, row, Date.now())}
				selectedIndex={index}
				height={Math.max(2, height - 1)}
				empty={empty}
			/>
		</Box>
	);
}
