import {Box, Text} from 'ink';
import stringWidth from '../format/string-width.js';
import {LogLineRow} from '../components/log-line-row.js';
import type {LogLine} from '../domain/log-line.js';
import {cutNote, formatRange, nameColours} from '../format/log-line.js';
import {sanitizeText} from '../format/sanitize.js';
import {useStore} from '../hooks/use-store.js';
import {countMatches, logView, type LogView} from '../store/log-view.js';
import type {LogsState} from '../store/logs-slice.js';
import {labelFor, labelsFor} from '../keys/key-labels.js';
import {plural} from '../format/plural.js';

/** Longest name prefix in the merged view. */
const maxNameWidth = 20;

/** Screen rows a line takes when wrapped at `width`, with `prefix` columns before its text. */
export function lineRows(line: LogLine, prefix: number, width: number): number {
	const textWidth = line.plain.length < 4096 && /^[\x20-\x7e]*$/.test(line.plain) ? line.plain.length : stringWidth(line.plain);
	const total = prefix + textWidth + (line.cut > 0 ? cutNote(line.cut).length : 0);
	return Math.max(1, Math.ceil(total / Math.max(1, width)));
}

/**
 * The lines on screen: while following, the newest that fit; while paused,
 * from the kept top line down. Only these are copied out of the ring.
 */
export function visibleLines(view: LogView, logs: LogsState, top: number, rows: number, rowsOf: (line: LogLine) => number): LogLine[] {
	if (logs.follow) {
		const candidates = view.slice(Math.max(0, view.size - rows), view.size);
		let used = 0;
		let first = candidates.length;
		while (first > 0 && used + rowsOf(candidates[first - 1]!) <= rows) used += rowsOf(candidates[--first]!);
		// A line taller than the screen still shows (cut), rather than nothing.
		return candidates.slice(first === candidates.length && first > 0 ? first - 1 : first);
	}
	const candidates = view.slice(top, top + rows);
	let used = 0;
	let count = 0;
	while (count < candidates.length && used + rowsOf(candidates[count]!) <= rows) used += rowsOf(candidates[count++]!);
	return candidates.slice(0, Math.max(1, count));
}

function topIndex(view: LogView, logs: LogsState, rows: number): number {
	const bottom = Math.max(0, view.size - rows);
	return logs.follow || logs.topSeq === undefined ? bottom : Math.min(view.indexOfSeq(logs.topSeq), bottom);
}

/** The logs of one container, or of several merged by time: follow, pause, search, filter. */
export function LogsPane({width, height}: {width: number; height: number}) {
	const logs = useStore(state => state.logs);
	const rows = Math.max(1, height - 1);
	if (logs.targets.length === 0) {
		return (
			<Box flexDirection="column" width={width} height={height}>
				<Text bold>Logs</Text>
				<Text dimColor>No container chosen: select one in the containers view and press {labelFor('logs', 'containers')} ({labelFor('logs-project', 'containers')} for its compose project).</Text>
			</Box>
		);
	}
	const view = logView(logs);
	// A service's lines come from several tasks: each gets its slot as a prefix, as merged containers get their names.
	const merged = logs.targets.length > 1 || logs.targets.some(target => target.service);
	const names = new Map(logs.targets.map(target => [target.id, target]));
	const nameWidth = merged ? Math.min(maxNameWidth, Math.max(...logs.targets.map(target => stringWidth(sanitizeText(target.name)) + (target.service ? slotWidth : 0)))) : 0;
	const prefix = 2 + (logs.timestamps ? 24 : 0) + (merged ? nameWidth + 3 : 0);
	const rowsOf = logs.wrap ? (line: LogLine) => lineRows(line, prefix, width) : () => 1;
	const top = topIndex(view, logs, rows);
	const shown = visibleLines(view, logs, top, rows, rowsOf);
	const firstShown = shown[0] ? view.indexOfSeq(shown[0].seq) : 0;
	const below = logs.follow ? 0 : Math.max(0, view.size - firstShown - shown.length);
	const matches = countMatches(view, logs.search);

	const title = logs.targets.map(target => sanitizeText(target.name)).join(', ');
	const facts: string[] = [formatRange(logs.range)];
	facts.push(logs.filter === '' ? plural(view.total, 'line') : `${view.size} / ${view.total} ${logs.inverse ? 'not matching' : 'matching'}`);
	if (logs.search !== '') facts.push(plural(matches, 'match', 'matches'));
	if (logs.dropped > 0) facts.push(`${logs.dropped} older dropped`);
	const ended = logs.targets.filter(target => target.status === 'ended').length;
	const removed = logs.targets.filter(target => target.status === 'removed');
	const unavailable = logs.targets.filter(target => target.status === 'unavailable');
	const unavailableText = unavailable.map(target => `${merged ? `${sanitizeText(target.name)}: ` : ''}logs unavailable, ${target.reason ?? 'its log driver keeps none'}`).join('; ');
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate-end">
				<Text bold>Logs </Text>
				<Text color="cyan">{title}</Text>
				<Text dimColor> · {facts.join(' · ')}</Text>
				{removed.length > 0 ? <Text color="red"> · {merged ? `${removed.map(target => sanitizeText(target.name)).join(', ')} removed` : 'container removed'}, lines kept</Text> : null}
				{unavailable.length > 0 ? <Text color="yellow"> · {unavailableText}</Text> : null}
				{ended > 0 && removed.length === 0 ? <Text color="yellow"> · {merged ? `${ended} stopped` : 'stopped'}</Text> : null}
				{logs.follow
					? <Text color="green"> · following</Text>
					: <Text color="yellow" bold> · PAUSED{below > 0 ? `, ${plural(below, 'newer line')} below` : ''} ({labelsFor('bottom', 'logs')} follows)</Text>}
			</Text>
			<Box flexDirection="column" height={rows} overflow="hidden">
				{view.size === 0 ? <Text dimColor>{logs.filter !== '' && view.total > 0 ? `no line ${logs.inverse ? 'fails to match' : 'matches'} the filter "${logs.filter}"` : unavailable.length === logs.targets.length ? `no lines: ${unavailableText}` : 'no lines yet; waiting for the container to write…'}</Text> : null}
				{shown.map(line => {
					const target = names.get(line.source);
					const name = merged && target ? fitName(line.label ?? sanitizeText(target.name), nameWidth) : undefined;
					return (
						<LogLineRow
							key={line.seq}
							line={line}
							name={name}
							nameColour={target ? nameColours[(target.colour + labelSlot(line.label)) % nameColours.length] : undefined}
							timestamps={logs.timestamps}
							wrap={logs.wrap}
							search={logs.search}
							current={line.seq === logs.matchSeq}
							colour={logs.colour}
						/>
					);
				})}
			</Box>
		</Box>
	);
}

/** Room for a task's slot after a service's name (".12"). */
const slotWidth = 3;

/** The number at the end of a task's label ("web.2" is 2), to colour each slot its own way; 0 for none. */
function labelSlot(label: string | undefined): number {
	const match = label ? /\.(\d+)$/.exec(label) : null;
	return match ? Number(match[1]) : 0;
}

function fitName(name: string, width: number): string {
	const used = stringWidth(name);
	if (used <= width) return name + ' '.repeat(width - used);
	let out = '';
	for (const char of name) {
		if (stringWidth(out + char) > width - 1) break;
		out += char;
	}
	return out + '…' + ' '.repeat(Math.max(0, width - 1 - stringWidth(out)));
}
