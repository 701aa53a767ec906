import {Box, Text} from 'ink';
import {helpLines, maxHelpScroll} from '../keys/help-lines.js';
import {useStore} from '../hooks/use-store.js';

/** Help generated from the keymap: every binding in force, by scope. Scrolls with the arrow keys. */
export function HelpPane({width, height}: {width: number; height: number}) {
	const readOnly = useStore(state => state.readOnly);
	const scroll = useStore(state => state.ui.helpScroll);
	const lines = helpLines(readOnly);
	const top = Math.min(scroll, maxHelpScroll(readOnly, height - 1));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold>Keys <Text dimColor>(Esc or ? to go back)</Text></Text>
			{lines.slice(top, top + height - 1).map(line => (
				<Text key={line.key} bold={line.title} color={line.title ? 'cyan' : undefined} wrap="truncate">{line.text}</Text>
			))}
		</Box>
	);
}
