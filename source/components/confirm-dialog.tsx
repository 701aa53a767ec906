import {Box, Text} from 'ink';
import type {PendingConfirm} from '../store/state.js';

/** A bordered yes/no dialog for a dangerous action; the question names the target. */
export function ConfirmDialog({pending, width}: {pending: PendingConfirm; width: number}) {
	return (
		<Box borderStyle="round" borderColor="red" flexDirection="column" paddingX={1} width={Math.min(width, 72)}>
			<Text bold color="red">{pending.title}</Text>
			<Text wrap="wrap">{pending.question}</Text>
			{pending.alternative ? <Text><Text bold>{pending.alternative.key}</Text> {pending.alternative.label}</Text> : null}
			<Text><Text bold>y</Text>/<Text bold>Enter</Text> yes   <Text bold>any other key</Text> no</Text>
		</Box>
	);
}
