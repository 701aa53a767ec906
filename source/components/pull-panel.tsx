import {Box, Text} from 'ink';
import type {PullProgress} from '../domain/pull-progress.js';
import {layerLine, pullHeadline} from '../format/pull-lines.js';
import {plural} from '../format/plural.js';
import {sanitizeText} from '../format/sanitize.js';

/** Lines the pull panel takes for a pull with `layers` layers, at most `max`. */
export function pullPanelHeight(layers: number, max: number): number {
	return Math.max(0, Math.min(max, layers + 3));
}

const colors: Record<PullProgress['state'], string> = {running: 'cyan', done: 'green', failed: 'red', cancelled: 'yellow'};

/**
 * A pull's progress: the total bar, then one bar per layer (the unfinished
 * ones first when they do not all fit), and the engine's last status line or
 * the error.
 */
export function PullPanel({progress, width, height, cancelKey}: {progress: PullProgress; width: number; height: number; cancelKey: string}) {
	const room = Math.max(0, height - 3);
	const pending = progress.layers.filter(layer => layer.phase !== 'done' && layer.phase !== 'exists');
	const finished = progress.layers.filter(layer => layer.phase === 'done' || layer.phase === 'exists');
	const shown = [...pending, ...finished].slice(0, room);
	const footnote = progress.state === 'failed' ? progress.error ?? `${progress.kind ?? 'pull'} failed`
		: progress.state === 'running' ? `${progress.status}   (${cancelKey} cancels)`
		: `${progress.status}   (${cancelKey} closes)`;
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text color={colors[progress.state]} bold wrap="truncate">{pullHeadline(progress, width)}</Text>
			{shown.map(layer => <Text key={layer.id} wrap="truncate">{layerLine(layer, width, progress.kind)}</Text>)}
			{progress.layers.length > shown.length ? <Text dimColor wrap="truncate">… {plural(progress.layers.length - shown.length, 'more layer')}</Text> : null}
			<Text dimColor={progress.state !== 'failed'} color={progress.state === 'failed' ? 'red' : undefined} wrap="truncate">{sanitizeText(footnote)}</Text>
		</Box>
	);
}
