import {Box, Text} from 'ink';
import {useStore} from '../hooks/use-store.js';
import {labelFor} from '../keys/key-labels.js';

/**
 * What a one-shot command (`E`) printed, scrollable, under a title with its
 * exit code. The lines are already safe and bounded (format/output-text.ts).
 */
export function OutputPane({width, height}: {width: number; height: number}) {
	const output = useStore(state => state.output);
	if (!output) return <Text dimColor>No command has run: press {labelFor('exec-command', 'containers')} on a container.</Text>;
	const visible = Math.max(1, height - 1);
	const top = Math.max(0, Math.min(output.scroll, output.lines.length - visible));
	const shown = output.lines.slice(top, top + visible);
	const ended = output.status === 'running'
		? 'running…'
		: output.status === 'error'
			? `failed: ${output.message ?? 'unknown error'}`
			: `exit code ${output.exitCode ?? '?'}`;
	const position = output.lines.length === 0 ? (output.status === 'done' ? 'no output' : '') : `lines ${top + 1}-${top + shown.length} of ${output.lines.length}${output.truncated ? ' (more left out)' : ''}`;
	const bad = output.status === 'error' || (output.exitCode ?? 0) !== 0;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate">
				<Text bold>Output of {output.command} in {output.container}</Text>
				<Text color={output.status === 'running' ? undefined : bad ? 'red' : 'green'}> · {ended}</Text>
				<Text dimColor> {position} · {labelFor('back', 'output')} goes back</Text>
			</Text>
			{shown.map((line, index) => <Text key={top + index} wrap="truncate">{line === '' ? ' ' : line}</Text>)}
		</Box>
	);
}
