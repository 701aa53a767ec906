import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {eventCells, eventColumns} from '../format/event-cells.js';
import {Table, tableBodyRows} from '../components/table.js';
import type {EventRecord} from '../domain/event-record.js';
import {useStore} from '../hooks/use-store.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {bottomIndex, eventsCapacity, execEventsCapacity, keptEvents, selectEvents} from '../store/events-slice.js';
import {labelFor} from '../keys/key-labels.js';
import {hostColumnWidth} from '../store/hosts-slice.js';

/** The engine's events, live: newest at the bottom, filtered by type (t) and text (/), bounded by the ring. */
export function EventsPane({width, height}: {width: number; height: number}) {
	const rows = useStore(selectEvents);
	const events = useStore(state => state.events);
	const filter = useStore(state => state.ui.filter);
	const hostWidth = useStore(hostColumnWidth);
	const columns = useMemo(() => eventColumns(width, hostWidth), [width, hostWidth]);
	// Under the title line.
	const tableHeight = height - 1;
	useBodyRows('events', tableBodyRows(tableHeight));
	const bottom = bottomIndex(rows, events?.anchor);
	const type = events?.type ?? 'all';
	const kept = keptEvents(events);
	const held = kept.total;
	const following = events?.anchor === undefined ? 'following new events' : `scrolled back (${labelFor('bottom', 'events')} follows)`;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate">
				<Text bold>Engine events</Text>
				<Text dimColor> type: </Text><Text color="cyan">{type}</Text>
				{filter ? <Text dimColor> · text: <Text color="cyan">{filter}</Text></Text> : null}
				<Text dimColor> · {rows.length} of {held} kept (last {eventsCapacity}{kept.exec > 0 ? ` + ${execEventsCapacity} exec` : ''}) · {following}</Text>
			</Text>
			<Table<EventRecord>
				columns={columns}
				rows={rows}
				rowKey={record => String(record.seq)}
				cells={record => eventCells(record, hostWidth)}
				selectedIndex={bottom}
				height={tableHeight}
				empty={held === 0 ? 'no events yet: they appear here as the engine reports them' : 'no event matches the filter'}
				bottomAnchored
			/>
		</Box>
	);
}
