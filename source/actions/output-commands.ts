import {findWrapping, makeMatcher} from '../domain/matcher.js';
import {labelFor, prefilledKeys} from '../keys/key-labels.js';
import {plural} from '../format/plural.js';
import {sanitizeText} from '../format/sanitize.js';
import {outputLineRows, scrollOutput, setOutputSearch, toggleOutputFollow} from '../store/output-slice.js';
import type {AppState} from '../store/state.js';
import {notify, setUi, setView} from '../store/ui-slice.js';
import type {CommandContext, Handlers} from './command-context.js';
import {searchPrompt} from './logs-commands.js';
import {saveFailure, stamp, typedSavePath, unlessOverwriting, writeLines} from './log-save.js';

const rowsOf = outputLineRows;
const visible = ({store}: CommandContext) => rowsOf(store.getSnapshot());
const last = (context: CommandContext) => Math.max(0, (context.store.getSnapshot().output?.lines.length ?? 0) - visible(context));
const by = (context: CommandContext, delta: number) => context.store.update(s => scrollOutput(s, current => current + delta, last(context)));

/**
 * Jumps to a search match, as the logs view's `n`/`N` do: from the current
 * match (or the end) towards older lines (`-1`) or newer ones (`1`),
 * wrapping round. A match off screen is brought to its middle, which pauses
 * the follow unless the match is on the last page.
 */
function jumpOutputMatch(state: AppState, direction: 1 | -1, visible: number): AppState {
	const output = state.output;
	if (!output) return state;
	if (output.search === '') return notify(state, `no search: press ${labelFor('search', 'output')} to search`);
	const matches = makeMatcher(output.search);
	const {lines} = output;
	const index = findWrapping(lines.length, at => matches(lines[at]!), output.match ?? lines.length, direction);
	if (index === undefined) return notify(state, `no line matches "${output.search}"`, 'error');
	const max = Math.max(0, lines.length - visible);
	const shown = index >= output.scroll && index < output.scroll + visible;
	const scroll = shown ? output.scroll : Math.min(max, Math.max(0, index - Math.floor(visible / 2)));
	return {...state, output: {...output, match: index, scroll, follow: scroll >= max && output.follow}};
}

/** The file a save of the output view suggests: `build-<stamp>.log` for a build, `output-<stamp>.log` for a command. */
export function defaultOutputPath(state: AppState, now = new Date()): string {
	return `${state.output?.build ? 'build' : 'output'}-${stamp(now)}.log`;
}

/**
 * Writes the lines the view holds (as shown: safe text, a build's whole log
 * up to its bound) to `path`, whole or not at all; a running build's later
 * lines do not join it. Says how it went in the status bar. Never throws.
 */
export async function saveOutput({store}: Pick<CommandContext, 'store'>, path: string, overwrite: boolean): Promise<void> {
	const lines = store.getSnapshot().output?.lines ?? [];
	try {
		await writeLines(path, overwrite, lines);
		store.update(s => notify(s, `saved ${plural(lines.length, 'line')} to ${sanitizeText(path)}`));
	} catch (error) {
		store.update(s => notify(s, `save to ${sanitizeText(path)} failed: ${sanitizeText(saveFailure(error, path, cause => (cause as Error).message))}`, 'error'));
	}
}

/** What the output view (a command's output, a build's log) does with each command: the logs view's follow, search and save. */
export const outputHandlers: Handlers = {
	back: ({store}) => {
		const output = store.getSnapshot().output;
		// As in the logs view, Esc undoes the search first; then a live log (a build) is stopped; the next Esc leaves.
		if (output && output.search !== '') store.update(s => setOutputSearch(s, ''));
		else if (output?.status === 'running' && output.cancel) output.cancel();
		else store.update(s => setView(s, s.output?.from ?? 'containers'));
	},
	up: context => by(context, -1),
	down: context => by(context, 1),
	'page-up': context => by(context, -visible(context)),
	'page-down': context => by(context, visible(context)),
	top: context => context.store.update(s => scrollOutput(s, 0, last(context))),
	bottom: context => context.store.update(s => scrollOutput(s, last(context), last(context))),
	'log-pause': context => context.store.update(s => toggleOutputFollow(s, last(context))),
	search: ({store}) => store.update(state => setUi(state, {prompt: searchPrompt('output', state.output?.search ?? '', {
		change: text => store.update(s => setOutputSearch(s, text)),
		submit: () => store.update(s => jumpOutputMatch(s, -1, rowsOf(s))),
	})})),
	'search-next': ({store}) => store.update(s => jumpOutputMatch(s, -1, rowsOf(s))),
	'search-previous': ({store}) => store.update(s => jumpOutputMatch(s, 1, rowsOf(s))),
	'log-save': context => {
		const {store} = context;
		if (!store.getSnapshot().output) return;
		store.update(state => setUi(state, {prompt: {
			kind: 'search',
			text: defaultOutputPath(state),
			label: 'save lines to: ',
			help: prefilledKeys('saves'),
			submit: text => {
				const path = typedSavePath(store, text);
				if (path !== undefined) unlessOverwriting(store, [path], overwrite => void saveOutput(context, path, overwrite));
			},
		}}));
	},
};
