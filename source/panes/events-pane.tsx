import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {eventCells, eventColumns} from '../format/event-cells.js';
import {fit} from '../format/text.js';
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
	// Under the title line and the column header.
	const visible = Math.max(1, height - 2);
	useBodyRows('events', visible);
	const bottom = bottomIndex(rows, events?.anchor);
	const start = Math.max(0, bottom - visible + 1);
	const shown = rows.slice(start, bottom + 1);
	const type = events?.type ?? 'all';
	const kept = keptEvents(events);
	const held = kept.total;
	const following = events?.anchor === undefined ? 'following new events' : `scrolled back (${labelFor('bottom', 'events')} follows)`;
	const header = columns.map(column => fit(column.title, column.width, column.align)).join(' ');
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate">
				<Text bold>Engine events</Text>
				<Text dimColor> type: </Text><Text color="cyan">{type}</Text>
				{filter ? <Text dimColor> · text: <Text color="cyan">{filter}</Text></Text> : null}
				<Text dimColor> · {rows.length} of {held} kept (last {eventsCapacity}{kept.exec > 0 ? ` + ${execEventsCapacity} exec` : ''}) · {following}</Text>
			</Text>
			<Text bold wrap="truncate">{header}</Text>
			{shown.length === 0 ? <Text dimColor>{held === 0 ? 'no events yet: they appear here as the engine reports them' : 'no event matches the filter'}</Text> : null}
			{shown.map(record => {
				const cells = eventCells(record, hostWidth);
				return (
					<Text key={record.seq} wrap="truncate">
						{columns.map((column, index) => {
							const cell = cells[index] ?? {text: ''};
							const text = fit(cell.text, column.width, column.align) + (index < columns.length - 1 ? ' ' : '');
							return <Text key={column.key} color={cell.color}>{text}</Text>;
						})}
					</Text>
				);
			})}
		</Box>
	);
}
