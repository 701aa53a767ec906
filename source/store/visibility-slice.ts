import type {AppState} from './state.js';

/**
 * Records which container rows are on screen. Returns the same state when the
 * set is unchanged, so a pane can report on every render without a loop.
 */
export function setVisibleContainers(state: AppState, ids: readonly string[]): AppState {
	const current = state.visibleContainers;
	if (current && current.size === ids.length && ids.every(id => current.has(id))) return state;
	return {...state, visibleContainers: new Set(ids)};
}
