import {Box, Text} from 'ink';
import type {Connection, Notice} from '../store/state.js';
import {sanitizeText} from '../format/sanitize.js';
import stringWidth from '../format/string-width.js';
import {fit} from '../format/text.js';

/** Props of the status bar. */
export type StatusBarProps = {connection: Connection; notice?: Notice; readOnly: boolean; summary: string; width: number};

const connectionLabel: Record<Connection['status'], {text: string; color: string}> = {
	connecting: {text: 'connecting', color: 'yellow'},
	up: {text: 'connected', color: 'green'},
	retrying: {text: 'reconnecting', color: 'yellow'},
	down: {text: 'disconnected', color: 'red'},
};

/** The top line: where we are connected, how that stands, counts, and the latest notice. */
export function StatusBar({connection, notice, readOnly, summary, width}: StatusBarProps) {
	const label = connectionLabel[connection.status];
	const why = connection.status === 'retrying' && connection.message
		? ` (attempt ${connection.attempt ?? 1}: ${sanitizeText(connection.message)})`
		: '';
	// The counts and read-only mark matter more than the end of a long socket path: the target gives way first.
	const fixed = stringWidth(`Porthole ● ${label.text}  ${readOnly ? ' [read-only]' : ''} ${summary}`);
	const room = width - fixed;
	const where = `${connection.target}${why}`;
	const target = stringWidth(where) <= room ? where : room >= 8 ? fit(where, room).trimEnd() : '';
	return (
		<Box width={width} flexDirection="column">
			<Text wrap="truncate">
				<Text bold color="cyan">Porthole </Text>
				<Text color={label.color}>● {label.text}</Text>
				{target ? <Text dimColor> {target}</Text> : null}
				{readOnly ? <Text color="magenta"> [read-only]</Text> : null}
				<Text> {summary}</Text>
			</Text>
			<Text wrap="truncate" color={notice?.level === 'error' ? 'red' : undefined} dimColor={notice?.level !== 'error'}>
				{notice ? sanitizeText(notice.text) : ' '}
			</Text>
		</Box>
	);
}
