import type {AppState, ViewName} from './state.js';

/** Records how many lines of items `view`'s pane shows at once (its pane publishes it as it draws). */
export function setBodyRows(state: AppState, view: ViewName, rows: number): AppState {
	if (state.bodyRows?.[view] === rows) return state;
	return {...state, bodyRows: {...state.bodyRows, [view]: rows}};
}

/**
 * How far page up/down move in `view`: exactly the lines its pane shows, as
 * the pane published them. Before the pane has drawn once (no key can reach
 * it then, except in tests that never draw) it is the body area's height.
 */
export function pageRows(state: AppState, view: ViewName): number {
	return Math.max(1, state.bodyRows?.[view] ?? state.ui.pageSize);
}
