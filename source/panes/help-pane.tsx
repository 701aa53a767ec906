import {Box, Text} from 'ink';
import {activeBindings} from '../keys/dispatch.js';
import type {Scope} from '../keys/keymap.js';
import {useStore} from '../hooks/use-store.js';

const scopeTitles: Record<Scope, string> = {global: 'Everywhere', containers: 'Containers', help: 'Help'};

/** Help generated from the keymap: every binding in force, by scope. Scrolls with the arrow keys. */
export function HelpPane({width, height}: {width: number; height: number}) {
	const readOnly = useStore(state => state.readOnly);
	const scroll = useStore(state => state.ui.helpScroll);
	const lines: Array<{key: string; text: string; title?: boolean}> = [];
	for (const scope of Object.keys(scopeTitles) as Scope[]) {
		const bindings = activeBindings(readOnly).filter(binding => binding.scope === scope);
		if (bindings.length === 0) continue;
		lines.push({key: `t-${scope}`, text: scopeTitles[scope], title: true});
		for (const binding of bindings) {
			const keys = binding.keys.join(', ');
			lines.push({key: `${scope}-${binding.command}`, text: `  ${keys.padEnd(16)} ${binding.description}`});
		}
	}
	if (readOnly) lines.push({key: 'ro', text: 'Read-only: commands that change the engine are disabled.'});
	const top = Math.min(scroll, Math.max(0, lines.length - (height - 1)));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold>Keys <Text dimColor>(Esc or ? to go back)</Text></Text>
			{lines.slice(top, top + height - 1).map(line => (
				<Text key={line.key} bold={line.title} color={line.title ? 'cyan' : undefined} wrap="truncate">{line.text}</Text>
			))}
		</Box>
	);
}
