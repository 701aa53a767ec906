import {Box, Text} from 'ink';
import {diskSummary} from '../domain/disk-usage.js';
import {formatReclaimable, formatSize} from '../format/resource-text.js';
import {fit} from '../format/text.js';
import {useStore} from '../hooks/use-store.js';

const widths = [16, 8, 8, 10, 18] as const;

/** `docker system df`: images, containers, local volumes and build cache, each with total and reclaimable size. */
export function DiskPane({width, height}: {width: number; height: number}) {
	const disk = useStore(state => state.resources.disk);
	const error = useStore(state => state.resources.errors.disk);
	const row = (cells: string[]) => cells.map((cell, index) => fit(cell, widths[index] ?? 10, index === 0 ? 'left' : 'right')).join(' ');
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text dimColor wrap="truncate">Disk usage (docker system df) · read on opening, on image and volume events, and every 30 s · R reads now</Text>
			<Text bold wrap="truncate">{row(['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE'])}</Text>
			{error ? <Text color="red" wrap="truncate">cannot read disk usage: {error}</Text> : null}
			{!disk && !error ? <Text dimColor>reading disk usage…</Text> : null}
			{disk ? diskSummary(disk).map(line => (
				<Text key={line.kind} wrap="truncate">{row([line.kind, String(line.count), String(line.active), formatSize(line.total), formatReclaimable(line.reclaimable, line.total)])}</Text>
			)) : null}
			{disk ? <Text dimColor wrap="truncate">{'\n'}Reclaim space: :images then x (dangling) or X (unused); :volumes then x.</Text> : null}
		</Box>
	);
}
