import {pageRows} from '../store/body-rows.js';
import {inspectLines, inspectMatches} from '../format/inspect-view.js';
import {scrollInspect, updateInspect} from '../store/inspect-slice.js';
import type {AppState} from '../store/state.js';
import {notify, setUi, setView} from '../store/ui-slice.js';
import type {CommandContext, Handlers} from './command-context.js';
import {labelFor} from '../keys/key-labels.js';

function layout(state: AppState): {lines: number; visible: number; max: number} {
	const inspect = state.inspect;
	const lines = inspect?.status === 'ok' ? inspectLines(inspect.document, inspect.reveal).lines.length : 0;
	const visible = pageRows(state, 'inspect');
	return {lines, visible, max: Math.max(0, lines - visible)};
}

type Scroll = 'line-up' | 'line-down' | 'page-up' | 'page-down' | 'first' | 'last';

const scrollBy = (move: Scroll) => ({store}: CommandContext) => store.update(state => {
	const {visible, max} = layout(state);
	const current = state.inspect?.scroll ?? 0;
	const step: Record<Scroll, number> = {'line-up': -1, 'line-down': 1, 'page-up': -visible, 'page-down': visible, first: -Infinity, last: Infinity};
	return scrollInspect(state, current + step[move], max);
});

/** Scrolls to the next (or previous) line matching the search, wrapping around, and says so when nothing matches. */
function jump(state: AppState, direction: 1 | -1): AppState {
	const inspect = state.inspect;
	if (!inspect || inspect.status !== 'ok' || inspect.search === '') return state;
	const {lines} = inspectLines(inspect.document, inspect.reveal);
	const found = inspectMatches(lines, inspect.search);
	if (found.length === 0) return notify(state, `no match for "${inspect.search}"`, 'error');
	const from = inspect.scroll;
	const next = direction === 1
		? (found.find(line => line > from) ?? found[0] ?? 0)
		: ([...found].reverse().find(line => line < from) ?? found.at(-1) ?? 0);
	const index = found.indexOf(next) + 1;
	const moved = scrollInspect(state, next, Math.max(0, lines.length - 1));
	return notify(moved, `match ${index} of ${found.length}`);
}

/** What the inspect view does with each command. */
export const inspectHandlers: Handlers = {
	back: ({store}) => store.update(s => s.inspect && s.inspect.search !== '' ? updateInspect(s, s.inspect.id, {search: ''}) : setView(s, s.inspect?.from ?? 'containers')),
	up: scrollBy('line-up'),
	down: scrollBy('line-down'),
	'page-up': scrollBy('page-up'),
	'page-down': scrollBy('page-down'),
	top: scrollBy('first'),
	bottom: scrollBy('last'),
	'reveal-secrets': ({store}) => store.update(s => {
		if (!s.inspect) return s;
		const reveal = !s.inspect.reveal;
		return notify(updateInspect(s, s.inspect.id, {reveal}), reveal ? 'secret-looking values revealed (m masks them again)' : 'secret-looking values masked');
	}),
	search: ({store}) => store.update(s => setUi(s, {
		prompt: {
			kind: 'search',
			text: s.inspect?.search ?? '',
			label: '/',
			help: `text in the document; ${labelFor('submit', 'prompt')} jumps, ${labelFor('search-next', 'inspect')}/${labelFor('search-previous', 'inspect')} next/previous, ${labelFor('cancel', 'prompt')} clears`,
			change: text => store.update(state => state.inspect ? updateInspect(state, state.inspect.id, {search: text}) : state),
			submit: () => store.update(state => jump(state, 1)),
		},
	})),
	'search-next': ({store}) => store.update(s => jump(s, 1)),
	'search-previous': ({store}) => store.update(s => jump(s, -1)),
};
