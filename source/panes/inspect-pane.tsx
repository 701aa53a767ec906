import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {inspectLines, inspectMatches} from '../format/inspect-view.js';
import type {JsonTokenKind} from '../format/pretty-json.js';
import {sanitizeText} from '../format/sanitize.js';
import {useStore} from '../hooks/use-store.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {labelFor} from '../keys/key-labels.js';
import {pluralWith} from '../format/plural.js';

const colors: Record<JsonTokenKind, string | undefined> = {
	key: 'cyan',
	string: 'green',
	number: 'yellow',
	boolean: 'magenta',
	null: 'gray',
	punctuation: undefined,
	masked: 'red',
};

/**
 * Any engine object's inspect JSON, coloured, scrollable and searchable.
 * Secret-looking values are masked until the user reveals them, and the view says so.
 */
export function InspectPane({width, height}: {width: number; height: number}) {
	const inspect = useStore(state => state.inspect);
	// A container removed while its inspect is open: the document stays, and the view says it is the last one.
	const removed = useStore(state => state.inspect?.kind === 'container' && state.inspect.status === 'ok' && state.loaded && !state.containers.has(state.inspect.id));
	const view = useMemo(() => inspect?.status === 'ok' ? inspectLines(inspect.document, inspect.reveal) : undefined, [inspect?.status, inspect?.document, inspect?.reveal]);
	const found = useMemo(() => new Set(view && inspect ? inspectMatches(view.lines, inspect.search) : []), [view, inspect?.search]);
	// The document's lines under the title and the note (and the removed line when there is one).
	const visible = Math.max(1, height - (removed ? 3 : 2));
	useBodyRows('inspect', visible);
	if (!inspect) return <Text dimColor>Nothing to inspect: press {labelFor('open-inspect', 'containers')} on a container.</Text>;
	const title = `Inspect ${inspect.kind} ${sanitizeText(inspect.name)}`;
	if (!view) {
		const text = inspect.status === 'loading' ? 'loading…' : sanitizeText(inspect.message ?? inspect.status);
		return (
			<Box flexDirection="column" width={width} height={height}>
				<Text bold wrap="truncate">{title}</Text>
				<Text color={inspect.status === 'loading' ? undefined : 'red'} wrap="truncate">{text}</Text>
			</Box>
		);
	}
	const top = Math.max(0, Math.min(inspect.scroll, view.lines.length - visible));
	const shown = view.lines.slice(top, top + visible);
	const position = `lines ${top + 1}-${top + shown.length} of ${view.lines.length}`;
	const matches = inspect.search ? ` · ${pluralWith(found.size, 'line', 'matches', 'match')} "${sanitizeText(inspect.search)}"` : '';
	const note = inspect.reveal
		? <Text color="red" wrap="truncate">Secret-looking values are SHOWN (m masks them again)</Text>
		: view.masked > 0
			? <Text color="yellow" wrap="truncate">{pluralWith(view.masked, 'secret-looking value', 'is', 'are')} masked (PASSWORD, SECRET, TOKEN, KEY…); m reveals</Text>
			: <Text dimColor wrap="truncate">No secret-looking values (PASSWORD, SECRET, TOKEN, KEY…) to mask</Text>;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate"><Text bold>{title}</Text><Text dimColor> {position}{matches}</Text></Text>
			{removed ? <Text color="red" bold wrap="truncate">This container has been removed: below is its inspect from before.</Text> : null}
			{note}
			{shown.map((line, index) => {
				const number = top + index;
				const hit = found.has(number);
				return (
					<Text key={number} wrap="truncate">
						<Text color="yellow">{hit ? '›' : ' '}</Text>
						{'  '.repeat(line.indent)}
						{line.tokens.map((token, tokenIndex) => (
							<Text key={tokenIndex} color={colors[token.kind]} inverse={hit && token.kind !== 'punctuation' && token.text.toLowerCase().includes(inspect.search.toLowerCase())}>{token.text}</Text>
						))}
					</Text>
				);
			})}
		</Box>
	);
}
