import type {AppState, Connection, Notice, SortColumn, UiState, ViewName} from './state.js';

/** Applies a partial UI change. */
export function setUi(state: AppState, change: Partial<UiState>): AppState {
	return {...state, ui: {...state.ui, ...change}};
}

/** Switches view. */
export function setView(state: AppState, view: ViewName): AppState {
	return state.ui.view === view ? state : setUi(state, {view});
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
