import {Box, Text} from 'ink';
import type {Connection, Notice} from '../store/state.js';
import {sanitizeText} from '../format/sanitize.js';
import stringWidth from '../format/string-width.js';
import {fit} from '../format/text.js';

/** Props of the status bar; `hosts` (several engines) shows each host with its state. */
export type StatusBarProps = {connection: Connection; hosts?: Readonly<Record<string, Connection>>; notice?: Notice; readOnly: boolean; summary: string; width: number};

const connectionLabel: Record<Connection['status'], {text: string; color: string}> = {
	connecting: {text: 'connecting', color: 'yellow'},
	up: {text: 'connected', color: 'green'},
	retrying: {text: 'reconnecting', color: 'yellow'},
	down: {text: 'down', color: 'red'},
	stalled: {text: 'not responding', color: 'red'},
};

/** Why a host is not up (or how slow it is), in brackets; empty when there is nothing to say. */
function detail(connection: Connection): string {
	if ((connection.status === 'retrying' || connection.status === 'down') && connection.message) {
		return ` (attempt ${connection.attempt ?? 1}: ${sanitizeText(connection.message)})`;
	}
	if (connection.status === 'stalled' && connection.message) return ` (${sanitizeText(connection.message)}; retrying)`;
	if (connection.status === 'up' && connection.rttMs !== undefined) return ` (${connection.rttMs} ms)`;
	return '';
}

/**
 * One host in the status bar of several: a coloured dot, its name, and its
 * state when not connected. Its reason gets at most `room` columns, so one
 * host's long reason (an ssh refusal) never pushes the others off the line.
 */
function HostBadge({name, connection, room}: {name: string; connection: Connection; room: number}) {
	const label = connectionLabel[connection.status];
	const full = detail(connection);
	const shown = stringWidth(full) <= room ? full : `${fit(full, room - 1).trimEnd()})`;
	return (
		<Text>
			<Text color={label.color}> ●</Text>
			<Text> {sanitizeText(name)}</Text>
			{connection.product ? <Text> ({connection.product})</Text> : null}
			{connection.status === 'up' ? null : <Text color={label.color}> {label.text}</Text>}
			<Text dimColor>{shown}</Text>
		</Text>
	);
}

/**
 * The columns each host's reason may take: all it needs when every badge
 * fits on the line, else an even share of what the names and states leave.
 */
function detailRoom(hosts: Readonly<Record<string, Connection>>, room: number): number {
	const entries = Object.entries(hosts);
	const badges = entries.reduce((sum, [name, host]) => sum + stringWidth(` ● ${sanitizeText(name)}${host.status === 'up' ? '' : ` ${connectionLabel[host.status].text}`}`), 0);
	const details = entries.map(([, host]) => stringWidth(detail(host))).filter(width => width > 0);
	const left = room - badges;
	if (details.reduce((sum, width) => sum + width, 0) <= left) return Number.POSITIVE_INFINITY;
	return Math.max(16, Math.floor(left / Math.max(1, details.length)));
}

/** The top line: where we are connected, how that stands, counts, and the latest notice. */
export function StatusBar({connection, hosts, notice, readOnly, summary, width}: StatusBarProps) {
	const label = connectionLabel[connection.status];
	const several = hosts !== undefined && Object.keys(hosts).length > 1;
	// The counts and read-only mark matter more than the end of a long socket path: the target gives way first.
	const fixed = stringWidth(`Porthole ● ${label.text}  ${readOnly ? ' [read-only]' : ''} ${summary}`);
	const room = width - fixed;
	// "Podman" before the address: the product matters more than the end of a socket path.
	const where = `${connection.product ? `${connection.product} ` : ''}${connection.target}${detail(connection)}`;
	const target = stringWidth(where) <= room ? where : room >= 8 ? fit(where, room).trimEnd() : '';
	return (
		<Box width={width} flexDirection="column">
			<Text wrap="truncate">
				<Text bold color="cyan">Porthole</Text>
				{several
					? Object.entries(hosts).map(([name, host]) => <HostBadge key={name} name={name} connection={host} room={detailRoom(hosts, width - stringWidth(`Porthole${readOnly ? ' [read-only]' : ''} ${summary}`))} />)
					: (
						<Text>
							<Text color={label.color}> ● {label.text}</Text>
							{target ? <Text dimColor> {target}</Text> : null}
						</Text>
					)}
				{readOnly ? <Text color="magenta"> [read-only]</Text> : null}
				<Text> {summary}</Text>
			</Text>
			<Text wrap="truncate" color={notice?.level === 'error' ? 'red' : undefined} dimColor={notice?.level !== 'error'}>
				{notice ? sanitizeText(notice.text) : ' '}
			</Text>
		</Box>
	);
}
