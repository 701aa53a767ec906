import {Box, Text} from 'ink';
import type {ContainerRow} from '../domain/container.js';
import {maskedLabels, maskPairs} from '../domain/secrets.js';
import {formatBytes, formatPercent, formatRate} from '../format/bytes.js';
import {formatAgo} from '../format/duration.js';
import {formatLastExit} from '../format/status.js';
import {sanitizeText} from '../format/sanitize.js';
import {brailleChart} from '../format/sparkline.js';
import type {StatsEntry} from '../store/state.js';
import {memoryText} from '../format/container-cells.js';
import {useStore} from '../hooks/use-store.js';
import {useTheme} from '../components/theme-context.js';

/** Props of the detail area. */
export type ContainerDetailProps = {row: ContainerRow; stats?: StatsEntry; width: number; height: number; now: number};

/** The selected container in more depth: CPU and memory history charts, and its facts. */
export function ContainerDetail({row, stats, width, height, now}: ContainerDetailProps) {
	const chartWidth = Math.max(10, Math.min(60, Math.floor(width / 2) - 14));
	const chartHeight = Math.max(1, Math.floor((height - 3) / 2));
	const history = stats?.history.toArray() ?? [];
	const cpu = history.map(sample => sample.cpuPercent);
	const memory = history.map(sample => sample.memoryUsage);
	const latest = stats?.latest;
	const hostMemory = useStore(state => state.hostMemory);
	const theme = useTheme();
	const cpuMax = Math.max(100, ...cpu);
	const memoryMax = latest?.memoryLimit && latest.memoryLimit < Number.MAX_SAFE_INTEGER ? Math.max(...memory, 1) * 1.25 : undefined;
	// Secret-looking labels and command arguments are masked by the rule inspect uses (domain/secrets.ts).
	const labels = maskedLabels(row.labels).join(', ');
	const mounts = row.mounts.map(mount => `${mount.name ?? mount.source}:${mount.destination}${mount.readOnly ? ':ro' : ''}`).join(', ');
	const facts: Array<[string, string]> = [
		['id', row.id.slice(0, 12)],
		['command', maskPairs(row.command)],
		['created', formatAgo(row.createdAt, now)],
		['started', row.startedAt ? formatAgo(row.startedAt, now) : '-'],
		['mounts', mounts || '-'],
		['labels', labels || '-'],
	];
	const lastExit = formatLastExit(row, now);
	// Right after `started`: an OOM kill or a crash loop is why someone opens the detail.
	if (lastExit) facts.splice(4, 0, ['exit', lastExit]);
	if (stats) {
		facts.push(['net', `rx ${formatRate(stats.netRxRate)}  tx ${formatRate(stats.netTxRate)}`]);
		facts.push(['block', `read ${formatRate(stats.blockReadRate)}  write ${formatRate(stats.blockWriteRate)}`]);
	}
	return (
		<Box borderStyle="single" borderColor="gray" height={height} width={width} paddingX={1}>
			<Box flexDirection="column" width={chartWidth + 12} flexShrink={0}>
				<Text wrap="truncate"><Text bold>CPU</Text> {latest ? formatPercent(latest.cpuPercent) : '-'}</Text>
				{brailleChart(cpu, chartWidth, chartHeight, cpuMax).map((line, index) => <Text key={`c${index}`} color={theme.sparkline}>{line}</Text>)}
				<Text wrap="truncate"><Text bold>MEM</Text> {latest ? memoryText(latest, hostMemory) : '-'}</Text>
				{brailleChart(memory, chartWidth, chartHeight, memoryMax).map((line, index) => <Text key={`m${index}`} color="magenta">{line}</Text>)}
			</Box>
			<Box flexDirection="column" flexGrow={1}>
				<Text bold wrap="truncate">{sanitizeText(row.name)}</Text>
				{facts.slice(0, Math.max(0, height - 3)).map(([key, value]) => (
					<Text key={key} wrap="truncate"><Text dimColor>{key.padEnd(8)}</Text>{sanitizeText(value)}</Text>
				))}
			</Box>
		</Box>
	);
}
