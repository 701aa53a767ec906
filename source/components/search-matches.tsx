import {Text} from 'ink';
import type {Segment} from '../format/log-line.js';

/**
 * A line's text cut at its search matches, each match shown inverse (yellow
 * in colour): the logs view's and the output view's highlight. `pieces` are
 * the same segments with the line's own colours (format/log-line.ts
 * colouredSegments); a match is always drawn from its plain text.
 */
export function SearchMatches({segments, pieces = segments, colour}: {segments: readonly Segment[]; pieces?: readonly Segment[]; colour: boolean}) {
	return <>{pieces.map((segment, index) => segment.match
		? <Text key={index} inverse color={colour ? 'yellow' : undefined}>{segments[index]!.text}</Text>
		: segment.text)}</>;
}
