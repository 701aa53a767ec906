import {Box, Text} from 'ink';
import {hasDrift, type ProjectDrift} from '../domain/compose-file.js';
import {driftLines, projectState, type ProjectTotals} from '../format/project-cells.js';
import {sanitizeText} from '../format/sanitize.js';

/** Props of a selected project header's detail: one line when `height` is 1, else a box. */
export type ProjectDetailProps = {name: string; totals: ProjectTotals; drift: ProjectDrift; width: number; height: number};

/** The rows the boxed detail needs: its border, the title, what it says, and the files. */
export function projectDetailHeight(drift: ProjectDrift): number {
	return 2 + 1 + driftLines(drift).length + (drift.kind === 'unknown' ? 0 : 1);
}

/** Yellow for drift, red for files that cannot be read, dim otherwise. */
function colour(drift: ProjectDrift): {color?: string; dimColor?: boolean} {
	if (drift.kind === 'read' && hasDrift(drift.drift)) return {color: 'yellow'};
	if (drift.kind === 'unreadable') return {color: 'red'};
	return {dimColor: true};
}

/**
 * The selected project against its compose files: the drift in full (which
 * services), that it matches, or why its files cannot be read. On a short
 * screen, one line under the table; with room, a box (projectDetailHeight
 * rows) with the files named.
 */
export function ProjectDetail({name, totals, drift, width, height}: ProjectDetailProps) {
	const lines = driftLines(drift);
	const style = colour(drift);
	if (height <= 1) {
		// One line: "drift:" said once.
		return <Text wrap="truncate" {...style}>{`${sanitizeText(name)}: ${lines.map((line, index) => (index > 0 ? line.replace(/^drift: /, '') : line)).join('; ')}`}</Text>;
	}
	const files = drift.kind === 'unknown' ? [] : drift.files.map(sanitizeText);
	return (
		<Box borderStyle="single" borderColor="gray" height={height} width={width} paddingX={1} flexDirection="column">
			<Text bold wrap="truncate">{`${sanitizeText(name)} · compose project · ${projectState(totals).text}`}</Text>
			{lines.map(line => <Text key={line} wrap="truncate" {...style}>{line}</Text>)}
			{files.length > 0 ? <Text wrap="truncate"><Text dimColor>{'files   '}</Text>{files.join(', ')}</Text> : null}
		</Box>
	);
}
