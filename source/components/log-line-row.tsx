import {Text} from 'ink';
import type {LogLine} from '../domain/log-line.js';
import {colouredSegments, cutNote, formatLogTime, highlightSegments, streamMarks} from '../format/log-line.js';
import {SearchMatches} from './search-matches.js';
import {useTheme} from './theme-context.js';

/** How a log line is drawn: the options of the view, and what the line is to it. */
export type LogLineRowProps = {
	line: LogLine;
	/** Name prefix in the merged view, already padded; undefined for one container. */
	name?: string;
	nameColour?: string;
	timestamps: boolean;
	wrap: boolean;
	search: string;
	/** The match `n`/`N` last jumped to. */
	current: boolean;
	colour: boolean;
};

/**
 * One log line: a gutter that tells the stream by a character (so it survives
 * NO_COLOR) and by colour, then the optional time and name, then the text.
 * The text is already sanitised; a search shows its matches highlighted
 * (on the plain text, so no escape sequence is ever cut in half).
 */
export function LogLineRow({line, name, nameColour, timestamps, wrap, search, current, colour}: LogLineRowProps) {
	const theme = useTheme();
	const mark = line.stream === 'stderr' ? {...streamMarks.stderr, color: theme.stderr} : streamMarks[line.stream];
	const segments = search === '' || line.stream === 'marker' ? undefined : highlightSegments(line.plain, search);
	const highlighted = segments !== undefined && segments.some(segment => segment.match);
	// The parts between matches keep the line's colours; a match is shown plain, highlighted.
	const pieces = highlighted && colour ? colouredSegments(line.text, segments) : segments;
	return (
		<Text wrap={wrap ? 'wrap' : 'truncate-end'}>
			<Text bold={current} inverse={current}>{current ? '>' : ' '}</Text>
			<Text color={colour ? mark.color : undefined} dimColor={colour && mark.color === undefined}>{mark.mark}</Text>
			{' '}
			{timestamps ? <Text dimColor>{formatLogTime(line.time)} </Text> : null}
			{name === undefined ? null : <Text color={colour ? nameColour : undefined}>{name} │ </Text>}
			{line.stream === 'marker' ? <Text color={colour ? 'yellow' : undefined}>{line.text}</Text>
				: highlighted && pieces ? <SearchMatches segments={segments} pieces={pieces} colour={colour}/>
				: line.text}
			{line.cut > 0 ? <Text dimColor>{cutNote(line.cut)}</Text> : null}
		</Text>
	);
}
