import type {ContainerRow} from '../domain/container.js';
import {closeLogs, openLogs, setLogOptions, setLogRange, type LogRange} from '../store/logs-slice.js';
import type {Prompt} from '../store/state.js';
import {notify, setUi} from '../store/ui-slice.js';
import type {CommandContext, Handler, Handlers} from './command-context.js';
import {defaultSavePath, requestSave, type SaveMode} from './log-save.js';
import {jumpToMatch, logRows, scrollLogs, togglePause} from './logs-navigation.js';
import {onSelectedContainer} from './on-selected.js';
import {labelFor, prefilledKeys, promptKeys} from '../keys/key-labels.js';

/** Opens the logs view on the selected container. */
const openSelectedLogs: Handler = onSelectedContainer(({store}, row) => store.update(state => openLogs(state, [row])));

/**
 * Opens the merged logs of the selected container's compose project (every
 * container with the same project label), or of the container alone.
 */
const openProjectLogs: Handler = onSelectedContainer(({store}, row) => {
	const project = row.composeProject;
	const rows: ContainerRow[] = project ? [...store.getSnapshot().containers.values()].filter(each => each.composeProject === project).sort((a, b) => a.name.localeCompare(b.name)) : [row];
	store.update(s => openLogs(s, rows));
});

/** The containers view's ways into the logs. */
export const containerLogsHandlers: Handlers = {logs: openSelectedLogs, 'logs-project': openProjectLogs};

const range = (value: LogRange): Handler => ({store}) => store.update(state => setLogRange(state, value));

const savePrompt = (mode: SaveMode): Handler => context => {
	const {store} = context;
	const targets = store.getSnapshot().logs.targets;
	if (targets.length === 0) return;
	store.update(state => setUi(state, {prompt: {
		kind: 'search',
		text: defaultSavePath(targets, mode),
		label: mode === 'complete' ? 'save complete log to: ' : 'save lines in view to: ',
		help: prefilledKeys('saves'),
		submit: text => requestSave(context, text, mode),
	}}));
};

/** The `/` line of a view that follows a log (logs, output): the search as typed so far, matched live by `change`. */
export function searchPrompt(scope: 'logs' | 'output', text: string, {change, submit}: Pick<Prompt, 'change' | 'submit'>): Prompt {
	return {
		kind: 'search',
		text,
		label: '/',
		help: `regex or text; ${labelFor('submit', 'prompt')} jumps to the newest match, then ${labelFor('search-next', scope)} older, ${labelFor('search-previous', scope)} newer; ${labelFor('cancel', 'prompt')} clears`,
		...(change ? {change} : {}),
		...(submit ? {submit} : {}),
	};
}

const page = (context: CommandContext) => Math.max(1, logRows(context.store.getSnapshot()) - 1);

/** What the logs view does with each command. */
export const logsHandlers: Handlers = {
	// As in less and k9s: Esc (or q) undoes the search, then the filter, and leaves only when nothing is left to clear.
	back: ({store}) => store.update(state => state.logs.search !== '' ? setLogOptions(state, {search: '', matchSeq: undefined})
		: state.logs.filter !== '' ? setLogOptions(state, {filter: ''})
		: closeLogs(state)),
	up: ({store}) => store.update(state => scrollLogs(state, -1)),
	down: ({store}) => store.update(state => scrollLogs(state, 1)),
	'page-up': context => context.store.update(state => scrollLogs(state, -page(context))),
	'page-down': context => context.store.update(state => scrollLogs(state, page(context))),
	top: ({store}) => store.update(state => scrollLogs(state, 'top')),
	bottom: ({store}) => store.update(state => scrollLogs(state, 'bottom')),
	'log-pause': ({store}) => store.update(togglePause),
	search: ({store}) => store.update(state => setUi(state, {prompt: searchPrompt('logs', state.logs.search, {
		change: text => store.update(s => setLogOptions(s, {search: text, matchSeq: undefined})),
		submit: () => store.update(s => jumpToMatch(setLogOptions(s, {matchSeq: undefined}), -1)),
	})})),
	'search-next': ({store}) => store.update(state => jumpToMatch(state, -1)),
	'search-previous': ({store}) => store.update(state => jumpToMatch(state, 1)),
	filter: ({store}) => store.update(state => setUi(state, {prompt: {
		kind: 'search',
		text: state.logs.filter,
		label: 'filter: ',
		help: `keep lines matching a regex or text${state.logs.inverse ? ' (inverted: keep the others)' : ''}; ${promptKeys('keeps', 'clears')}`,
		change: text => store.update(s => setLogOptions(s, {filter: text})),
	}})),
	'log-invert': ({store}) => store.update(state => {
		const next = setLogOptions(state, {inverse: !state.logs.inverse});
		return state.logs.filter === '' ? notify(next, `filter will keep lines that ${next.logs.inverse ? 'do not match' : 'match'}; press ${labelFor('filter', 'logs')} to type it`) : next;
	}),
	'log-timestamps': ({store}) => store.update(state => setLogOptions(state, {timestamps: !state.logs.timestamps})),
	'log-wrap': ({store}) => store.update(state => setLogOptions(state, {wrap: !state.logs.wrap})),
	'log-tail-100': range({tail: 100}),
	'log-tail-1k': range({tail: 1000}),
	'log-tail-10k': range({tail: 10_000}),
	'log-since-1m': range({sinceSeconds: 60}),
	'log-since-15m': range({sinceSeconds: 15 * 60}),
	'log-since-1h': range({sinceSeconds: 3600}),
	'log-since-24h': range({sinceSeconds: 86_400}),
	'log-all': range({}),
	'log-save': savePrompt('complete'),
	'log-save-view': savePrompt('view'),
};
