import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {SearchMatches} from '../components/search-matches.js';
import {highlightSegments} from '../format/log-line.js';
import {buildLineKind} from '../format/output-text.js';
import {plural} from '../format/plural.js';
import {useStore} from '../hooks/use-store.js';
import {labelFor, labelsFor} from '../keys/key-labels.js';
import {outputHeaderRows, outputMatches, type OutputState} from '../store/output-slice.js';

/** How a build's step and cache-hit lines are drawn; other lines are plain. */
const buildStyles = {step: {bold: true, color: 'cyan'}, cache: {color: 'green'}, text: {}} as const;

/** The header's words on where the view is: following, or paused with lines below, and the search's matches. */
function positionFacts(output: OutputState, top: number, shown: number, matches: number): string[] {
	const facts: string[] = [];
	if (output.lines.length === 0) {
		if (output.status === 'done') facts.push('no output');
	} else {
		facts.push(`lines ${top + 1}-${top + shown} of ${output.lines.length}${output.truncated ? ' (more left out)' : ''}`);
	}
	if (output.search !== '') facts.push(plural(matches, 'match', 'matches'));
	return facts;
}

/**
 * What a one-shot command (`E`) printed, or a build's live log, under a
 * title with how it ended: it follows new lines like the logs view (scroll
 * up pauses, `G` or Space resumes), `/` searches with the matches
 * highlighted, `s` saves. A build's steps and cache hits stand out. The
 * lines are already safe and bounded (format/output-text.ts).
 */
export function OutputPane({width, height}: {width: number; height: number}) {
	const output = useStore(state => state.output);
	const colour = useStore(state => state.logs.colour);
	const matches = useMemo(() => outputMatches(output?.lines ?? [], output?.search ?? ''), [output?.lines, output?.search]);
	if (!output) return <Text dimColor>No command has run: press {labelFor('exec-command', 'containers')} on a container.</Text>;
	const visible = Math.max(1, height - outputHeaderRows(output));
	const top = Math.max(0, Math.min(output.scroll, output.lines.length - visible));
	const shown = output.lines.slice(top, top + visible);
	const running = output.status === 'running';
	const ended = running
		? 'running…'
		: output.status === 'error'
			? `failed: ${output.message ?? 'unknown error'}`
			: output.exitCode === undefined && output.message ? output.message : `exit code ${output.exitCode ?? '?'}`;
	const bad = output.status === 'error' || (output.exitCode ?? 0) !== 0;
	const below = Math.max(0, output.lines.length - top - shown.length);
	const facts = positionFacts(output, top, shown.length, matches);
	// A build's title is long (folder, tag, context): where the view is gets a line of its own, so a narrow terminal still shows it,
	// and the step, whose text can be as long as a RUN line, comes last, where a cut costs least.
	const parts = [
		...facts.map(fact => <Text dimColor>{fact}</Text>),
		...(running ? [output.follow
			? <Text color="green">following</Text>
			: <Text color="yellow" bold>PAUSED{below > 0 ? `, ${plural(below, 'newer line')} below` : ''} ({labelsFor('bottom', 'output')} follows)</Text>] : []),
		<Text dimColor>{labelFor('back', 'output')} {output.search !== '' ? 'clears the search' : running && output.cancel ? 'cancels' : 'goes back'}</Text>,
		...(output.build && output.build.cached > 0 ? [<Text color={colour ? 'green' : undefined}>{plural(output.build.cached, 'step')} from cache</Text>] : []),
		...(output.build ? [<Text bold color={colour ? 'cyan' : undefined}>{output.build.step ?? 'no step yet'}</Text>] : []),
	];
	const position = parts.map((part, index) => <Text key={index}>{index > 0 || !output.build ? <Text dimColor> · </Text> : null}{part}</Text>);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate">
				<Text bold>{output.title ?? `Output of ${output.command} in ${output.container}`}</Text>
				<Text color={running ? undefined : bad ? 'red' : 'green'}> · {ended}</Text>
				{output.build ? null : position}
			</Text>
			{output.build ? <Text wrap="truncate">{position}</Text> : null}
			{shown.map((line, index) => {
				const style = output.build ? buildStyles[buildLineKind(line)] : buildStyles.text;
				const current = output.match === top + index;
				const segments = output.search === '' ? undefined : highlightSegments(line, output.search);
				return (
					<Text key={top + index} wrap="truncate" {...(colour ? style : {bold: 'bold' in style})} underline={current}>
						{line === '' ? ' ' : segments?.some(segment => segment.match) ? <SearchMatches segments={segments} colour={colour}/> : line}
					</Text>
				);
			})}
		</Box>
	);
}
