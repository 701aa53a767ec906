import {Box, Text} from 'ink';
import type {PendingConfirm} from '../store/state.js';
import {sanitizeText} from '../format/sanitize.js';

/** The question a confirmation asks, naming the container. */
export function confirmQuestion(pending: PendingConfirm): string {
	const name = sanitizeText(pending.name);
	if (pending.action === 'kill') return `Kill container ${name}? It gets SIGKILL and no time to clean up.`;
	return pending.running
		? `Remove container ${name}? It is running and will be killed first.`
		: `Remove container ${name}?`;
}

/** A bordered yes/no dialog for a dangerous action. */
export function ConfirmDialog({pending, width}: {pending: PendingConfirm; width: number}) {
	return (
		<Box borderStyle="round" borderColor="red" flexDirection="column" paddingX={1} width={Math.min(width, 72)}>
			<Text bold color="red">{pending.action === 'kill' ? 'Kill' : 'Remove'}</Text>
			<Text wrap="wrap">{confirmQuestion(pending)}</Text>
			<Text><Text bold>y</Text>/<Text bold>Enter</Text> yes   <Text bold>any other key</Text> no</Text>
		</Box>
	);
}
