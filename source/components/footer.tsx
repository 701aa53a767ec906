import {Text} from 'ink';
import type {Prompt} from '../store/state.js';

/** Props of the footer: either a prompt being typed, or the key hints. */
export type FooterProps = {
	/** Key labels as people read them ("Enter", "Space"), generated from the keymap. */
	hints: Array<{key: string; label: string}>;
	prompt?: Prompt;
	filter: string;
	/** What a prompt without its own help shows: the keys of the `prompt` scope, from the keymap. */
	promptHelp: string;
};

/** The bottom line. Hints come from the keymap; a prompt shows what is being typed. */
export function Footer({hints, prompt, filter, promptHelp}: FooterProps) {
	if (prompt) {
		const lead = prompt.label ?? (prompt.kind === 'filter' ? '/' : ':');
		const help = `  (${prompt.help ?? promptHelp})`;
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
					<Text color="cyan" bold>{hint.key}</Text>
					<Text dimColor> {hint.label}  </Text>
				</Text>
			))}
		</Text>
	);
}
