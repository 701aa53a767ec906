import {pageRows} from '../store/body-rows.js';
import {bottomIndex, eventTypes, selectEvents, updateEvents} from '../store/events-slice.js';
import type {AppState} from '../store/state.js';
import {setUi, setView} from '../store/ui-slice.js';
import type {Handlers} from './command-context.js';
import {moveHandlers} from './navigation.js';

/** Moves the newest event on screen by `delta` rows (negative is back in time); reaching the newest follows again. */
function scroll(state: AppState, delta: number | 'first' | 'last'): AppState {
	const rows = selectEvents(state);
	if (rows.length === 0) return state;
	const visible = pageRows(state, 'events');
	const current = bottomIndex(rows, state.events?.anchor);
	const lowest = Math.min(rows.length - 1, visible - 1);
	const target = delta === 'first' ? lowest : delta === 'last' ? rows.length - 1 : Math.max(lowest, Math.min(rows.length - 1, current + delta));
	return updateEvents(state, {anchor: target >= rows.length - 1 ? undefined : rows[target]?.seq});
}

/** What the events view does with each command. */
export const eventsHandlers: Handlers = {
	back: ({store}) => store.update(s => s.ui.filter ? setUi(s, {filter: ''}) : setView(s, 'containers')),
	...moveHandlers('events', scroll),
	filter: ({store}) => store.update(s => setUi(s, {prompt: {kind: 'filter', text: s.ui.filter}})),
	'event-type': ({store}) => store.update(s => {
		const current = s.events?.type ?? 'all';
		const type = eventTypes[(eventTypes.indexOf(current) + 1) % eventTypes.length] ?? 'all';
		return updateEvents(s, {type, anchor: undefined});
	}),
};
