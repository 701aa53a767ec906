import {movedIndex, type Move} from '../domain/selection-move.js';
import type {ProcessRow, ProcessSort} from '../domain/process.js';
import type {TopState} from './detail-views.js';
import type {AppState} from './state.js';
import {setView} from './ui-slice.js';

/** Points the top view at a container (keeping the sort chosen before); rows load on the first poll. */
export function openTop(state: AppState, containerId: string, name: string): AppState {
	const sort = state.top?.sort ?? 'cpu';
	const top: TopState = {containerId, name, rows: [], sort, selected: 0, status: 'loading'};
	return setView({...state, top}, 'top');
}

/** Changes the top view if it still shows `containerId`; answers for a container no longer shown are dropped. */
export function updateTop(state: AppState, containerId: string, change: Partial<Omit<TopState, 'containerId'>>): AppState {
	const top = state.top;
	if (!top || top.containerId !== containerId) return state;
	const next = {...top, ...change};
	next.selected = Math.max(0, Math.min(next.selected, next.rows.length - 1));
	return {...state, top: next};
}

/** Records a fresh process list. */
export function setProcesses(state: AppState, containerId: string, rows: ProcessRow[], now: number): AppState {
	return updateTop(state, containerId, {rows, status: 'ok', message: undefined, updatedAt: now});
}

/** Moves the highlight by `delta` rows, or to either end. */
export function moveTopSelection(state: AppState, move: Move): AppState {
	const top = state.top;
	if (!top) return state;
	const selected = movedIndex(top.selected, top.rows.length, move);
	return selected === undefined || selected === top.selected ? state : {...state, top: {...top, selected}};
}

/** Sorts the process list by CPU, memory or PID. */
export function sortTop(state: AppState, sort: ProcessSort): AppState {
	const top = state.top;
	if (!top || top.sort === sort) return state;
	return {...state, top: {...top, sort}};
}
