import {Box, Text} from 'ink';
import type {PendingConfirm} from '../store/state.js';

/** Props of the dialog: what is asked, and the answer keys as the keymap's `confirm` scope names them. */
export type ConfirmDialogProps = {pending: PendingConfirm; width: number; keys: {yes: string; also: string; no: string}};

/** A bordered yes/no dialog for a dangerous action; the question names the target. */
export function ConfirmDialog({pending, width, keys}: ConfirmDialogProps) {
	return (
		<Box borderStyle="round" borderColor="red" flexDirection="column" paddingX={1} width={Math.min(width, 72)}>
			<Text bold color="red">{pending.title}</Text>
			<Text wrap="wrap">{pending.question}</Text>
			{pending.alternative ? <Text><Text bold>{keys.also}</Text> {pending.alternative.label}</Text> : null}
			<Text><Text bold>{keys.yes}</Text> yes   <Text bold>{keys.no}</Text> no</Text>
		</Box>
	);
}
