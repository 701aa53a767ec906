import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {Table} from '../components/table.js';
import {swarmRoleText, type ServiceRow} from '../domain/swarm.js';
import {fitColumns, rowCells} from '../format/resource-columns.js';
import {serviceColumnSpecs} from '../format/swarm-cells.js';
import {sanitizeText} from '../format/sanitize.js';
import {useStore} from '../hooks/use-store.js';
import {selectServiceRows, swarmOf} from '../store/swarm-slice.js';

/** The services table: name, stack, mode, running/desired, image, ports, update state, age. On a worker or outside a swarm, one line saying so. */
export function ServicesPane({width, height}: {width: number; height: number}) {
	const rows = useStore(selectServiceRows);
	const swarm = useStore(swarmOf);
	const filter = useStore(state => state.ui.filter);
	const columns = useMemo(() => fitColumns(serviceColumnSpecs, width), [width]);
	const roleText = swarm.role ? swarmRoleText(swarm.role) : undefined;
	if (roleText) return <Box width={width} height={height}><Text wrap="truncate">{roleText}</Text></Box>;
	const index = Math.max(0, rows.findIndex(row => row.id === swarm.selected.services));
	const running = rows.reduce((sum, row) => sum + row.running, 0);
	const empty = swarm.error ? `cannot list services: ${sanitizeText(swarm.error)}` : !swarm.loaded.services ? 'loading services…' : filter ? `no service matches "${sanitizeText(filter)}"` : 'no services';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text dimColor wrap="truncate">Services · {rows.length} shown · {running} tasks running</Text>
			<Table<ServiceRow>
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
