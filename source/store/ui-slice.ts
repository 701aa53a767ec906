import type {AppState, Connection, Notice, SortColumn, UiState, ViewName} from './state.js';

/** Applies a partial UI change. */
export function setUi(state: AppState, change: Partial<UiState>): AppState {
	return {...state, ui: {...state.ui, ...change}};
}

/** Views whose table keeps a filter of its own, so a containers filter does not empty the images table. */
const ownFilter = new Set<ViewName>(['images', 'volumes', 'networks']);

/**
 * Switches view. The images, volumes and networks tables keep their own
 * filters: entering or leaving one saves the filter of the view left and
 * restores the one of the view shown. Help is read over the current view and
 * leaves the filter alone; it remembers that view, to go back to it.
 */
export function setView(state: AppState, view: ViewName): AppState {
	if (state.ui.view === view) return state;
	if (view === 'help') return setUi(state, {view, helpFrom: state.ui.view, helpScroll: 0});
	const owner = state.ui.filterView ?? (state.ui.view === 'help' ? state.ui.helpFrom ?? 'containers' : state.ui.view);
	if (owner === view || (!ownFilter.has(owner) && !ownFilter.has(view))) return setUi(state, {view, filterView: view});
	const viewFilters = {...state.ui.viewFilters, [owner]: state.ui.filter};
	return setUi(state, {view, filter: viewFilters[view] ?? '', viewFilters, filterView: view});
}

/** Sorts by a column; choosing the current column again flips the direction. */
export function sortBy(state: AppState, column: SortColumn): AppState {
	const {sort} = state.ui;
	const descending = sort.column === column ? !sort.descending : defaultDescending(column);
	return setUi(state, {sort: {column, descending}});
}

/** Numbers read best biggest-first; words alphabetically. */
function defaultDescending(column: SortColumn): boolean {
	return !['name', 'image', 'state'].includes(column);
}

/** Shows a message in the status bar. */
export function notify(state: AppState, text: string, level: Notice['level'] = 'info'): AppState {
	return {...state, notice: {text, level, at: Date.now()}};
}

/** Records the connection state. */
export function setConnection(state: AppState, connection: Omit<Connection, 'target'>): AppState {
	const current = state.connection;
	if (current.status === connection.status && current.message === connection.message && current.attempt === connection.attempt) return state;
	return {...state, connection: {target: current.target, ...connection}};
}
