import {Box, Text} from 'ink';
import {sanitizeText} from '../format/sanitize.js';
import {helpLeaveKeys, helpLines, maxHelpScroll} from '../keys/help-lines.js';
import {useStore} from '../hooks/use-store.js';
import {statsSourceLine} from '../store/stats-source-slice.js';

/** Help generated from the keymap: the keys of the view it was opened over first, then the global ones, then the rest. Scrolls with the arrow keys. */
export function HelpPane({width, height}: {width: number; height: number}) {
	const readOnly = useStore(state => state.readOnly);
	const noConfirm = useStore(state => state.noConfirm);
	const scroll = useStore(state => state.ui.helpScroll);
	const from = useStore(state => state.ui.helpFrom);
	const configSource = useStore(state => state.configSource);
	const sources = useStore(state => statsSourceLine(state));
	const lines = helpLines(readOnly, from, noConfirm);
	const top = Math.min(scroll, maxHelpScroll(readOnly, height - 1, from));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate">Keys <Text dimColor>({helpLeaveKeys()}){configSource ? ` · settings: ${sanitizeText(configSource)}` : ''}  {sanitizeText(sources)}</Text></Text>
			{lines.slice(top, top + height - 1).map(line => (
				<Text key={line.key} bold={line.title} color={line.title ? 'cyan' : undefined} wrap="truncate">{line.text}</Text>
			))}
		</Box>
	);
}
