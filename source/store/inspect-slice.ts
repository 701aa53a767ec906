import type {InspectKind} from '../domain/engine-object.js';
import type {InspectState} from './detail-views.js';
import type {AppState} from './state.js';
import {setView} from './ui-slice.js';

/** Opens the inspect view on one engine object, masked and scrolled to the top; the document loads next. */
export function openInspect(state: AppState, target: {kind: InspectKind; id: string; name: string}): AppState {
	const inspect: InspectState = {...target, from: state.ui.view === 'inspect' ? (state.inspect?.from ?? 'containers') : state.ui.view, status: 'loading', reveal: false, scroll: 0, search: ''};
	return setView({...state, inspect}, 'inspect');
}

/** Changes the inspect view if it still shows `id`; late answers about another object are dropped. */
export function updateInspect(state: AppState, id: string, change: Partial<Omit<InspectState, 'id' | 'kind'>>): AppState {
	const inspect = state.inspect;
	if (!inspect || inspect.id !== id) return state;
	return {...state, inspect: {...inspect, ...change}};
}

/** Scrolls to `line`, clamped to [0, max]. */
export function scrollInspect(state: AppState, line: number, max: number): AppState {
	const inspect = state.inspect;
	if (!inspect) return state;
	const scroll = Math.max(0, Math.min(max, line));
	return scroll === inspect.scroll ? state : {...state, inspect: {...inspect, scroll}};
}
