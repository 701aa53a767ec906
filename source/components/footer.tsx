import {Text} from 'ink';
import type {Prompt} from '../store/state.js';
import stringWidth from '../format/string-width.js';

/** Props of the footer: either a prompt being typed, or the key hints. */
export type FooterProps = {
	/** Key labels as people read them ("Enter", "Space"), generated from the keymap. */
	hints: Array<{key: string; label: string}>;
	prompt?: Prompt;
	filter: string;
	/** What a prompt without its own help shows: the keys of the `prompt` scope, from the keymap. */
	promptHelp: string;
	/** The terminal's width: hints that do not fit whole are left out, never cut in half. */
	width: number;
};

/** The hints that fit whole in `width` cells, in keymap order. */
export function fittingHints(hints: FooterProps['hints'], width: number): FooterProps['hints'] {
	const shown: FooterProps['hints'] = [];
	let used = 0;
	for (const hint of hints) {
		const cells = stringWidth(`${hint.key} ${hint.label}  `);
		// The last hint may lose its trailing spaces.
		if (used + cells - 2 > width) break;
		shown.push(hint);
		used += cells;
	}
	return shown;
}

/** The bottom line. Hints come from the keymap; a prompt shows what is being typed. */
export function Footer({hints, prompt, filter, promptHelp, width}: FooterProps) {
	if (prompt) {
		const lead = prompt.label ?? (prompt.kind === 'filter' ? '/' : ':');
		const help = `  (${prompt.help ?? promptHelp})`;
		return (
			<Text wrap="truncate">
				<Text color="cyan">{lead}</Text>{prompt.text}<Text inverse> </Text><Text dimColor>{help}</Text>
			</Text>
		);
	}
	const shown = fittingHints(hints, width - (filter ? stringWidth(`filter: ${filter}  `) : 0));
	return (
		<Text wrap="truncate">
			{filter ? <Text color="cyan">filter: {filter}  </Text> : null}
			{shown.map((hint, index) => (
				<Text key={hint.key + hint.label}>
					<Text color="cyan" bold>{hint.key}</Text>
					{/* No spaces after the last: a hint that fits exactly would otherwise be cut to "…". */}
					<Text dimColor> {hint.label}{index < shown.length - 1 ? '  ' : ''}</Text>
				</Text>
			))}
		</Text>
	);
}
