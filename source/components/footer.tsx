import {Text} from 'ink';
import type {Prompt} from '../store/state.js';

/** Props of the footer: either a prompt being typed, or the key hints. */
export type FooterProps = {hints: Array<{key: string; label: string}>; prompt?: Prompt; filter: string};

/** The bottom line. Hints come from the keymap; a prompt shows what is being typed. */
export function Footer({hints, prompt, filter}: FooterProps) {
	if (prompt) {
		const lead = prompt.label ?? (prompt.kind === 'filter' ? '/' : ':');
		const help = prompt.help !== undefined ? `  (${prompt.help})` : prompt.kind === 'filter' ? '  (regex or text; Enter keeps, Esc clears)' : '  (containers, help; Enter runs, Esc cancels)';
		return (
			<Text wrap="truncate">
				<Text color="cyan">{lead}</Text>{prompt.text}<Text inverse> </Text><Text dimColor>{help}</Text>
			</Text>
		);
	}
	return (
		<Text wrap="truncate">
			{filter ? <Text color="cyan">filter: {filter}  </Text> : null}
			{hints.map(hint => (
				<Text key={hint.key + hint.label}>
					<Text color="cyan" bold>{hint.key === ' ' ? 'space' : hint.key}</Text>
					<Text dimColor> {hint.label}  </Text>
				</Text>
			))}
		</Text>
	);
}
