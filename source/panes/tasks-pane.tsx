import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {Table} from '../components/table.js';
import {swarmRoleText} from '../domain/swarm.js';
import {fitColumns, rowCells} from '../format/resource-columns.js';
import {taskColumnSpecs, type TaskView} from '../format/swarm-cells.js';
import {sanitizeText} from '../format/sanitize.js';
import {useStore} from '../hooks/use-store.js';
import {selectTaskRows, swarmOf} from '../store/swarm-slice.js';

/** The tasks of one service: slot, node, desired and current state, error, container. Failed and rejected tasks keep their error. */
export function TasksPane({width, height}: {width: number; height: number}) {
	const tasks = useStore(selectTaskRows);
	const swarm = useStore(swarmOf);
	const rows = useMemo((): TaskView[] => {
		const names = new Map(swarm.nodes.map(node => [node.id, node.hostname]));
		return tasks.map(task => ({...task, node: names.get(task.nodeId) ?? (task.nodeId.slice(0, 12) || '-')}));
	}, [tasks, swarm.nodes]);
	const columns = useMemo(() => fitColumns(taskColumnSpecs, width), [width]);
	const roleText = swarm.role ? swarmRoleText(swarm.role) : undefined;
	if (roleText) return <Box width={width} height={height}><Text wrap="truncate">{roleText}</Text></Box>;
	const index = Math.max(0, rows.findIndex(row => row.id === swarm.selected.tasks));
	const name = sanitizeText(swarm.tasksFor?.name ?? '');
	const empty = swarm.error ? `cannot list tasks: ${sanitizeText(swarm.error)}` : !swarm.loaded.tasks ? 'loading tasks…' : 'no tasks';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text dimColor wrap="truncate">Tasks of {name} · {rows.filter(row => row.state === 'running').length} running of {rows.length}</Text>
			<Table<TaskView>
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
