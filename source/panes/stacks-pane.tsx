import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {Table} from '../components/table.js';
import {swarmRoleText, type StackRow} from '../domain/swarm.js';
import {fitColumns, rowCells} from '../format/resource-columns.js';
import {stackColumnSpecs} from '../format/swarm-cells.js';
import {sanitizeText} from '../format/sanitize.js';
import {useStore} from '../hooks/use-store.js';
import {selectStackRows, swarmOf} from '../store/swarm-slice.js';

/** The stacks table: services grouped by `com.docker.stack.namespace`, with how many run at full strength. */
export function StacksPane({width, height}: {width: number; height: number}) {
	const rows = useStore(selectStackRows);
	const swarm = useStore(swarmOf);
	const filter = useStore(state => state.ui.filter);
	const columns = useMemo(() => fitColumns(stackColumnSpecs, width), [width]);
	const roleText = swarm.role ? swarmRoleText(swarm.role) : undefined;
	if (roleText) return <Box width={width} height={height}><Text wrap="truncate">{roleText}</Text></Box>;
	const index = Math.max(0, rows.findIndex(row => row.id === swarm.selected.stacks));
	const empty = swarm.error ? `cannot list services: ${sanitizeText(swarm.error)}` : !swarm.loaded.services ? 'loading stacks…' : filter ? `no stack matches "${sanitizeText(filter)}"` : 'no stacks (services deployed with docker stack deploy)';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text dimColor wrap="truncate">Stacks · {rows.length} shown</Text>
			<Table<StackRow>
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
