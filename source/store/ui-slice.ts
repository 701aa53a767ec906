import type {AppState, Connection, Notice, SortColumn, UiState, ViewName} from './state.js';

/** Applies a partial UI change. */
export function setUi(state: AppState, change: Partial<UiState>): AppState {
	return {...state, ui: {...state.ui, ...change}};
}

/** Views whose table keeps a filter of its own, so a containers filter does not empty the images table. */
const ownFilter = new Set<ViewName>(['images', 'volumes', 'networks', 'services', 'nodes', 'stacks', 'files']);

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

/** Numbers read best biggest-first; words alphabetically (also the start direction when the config names none). */
export function defaultDescending(column: SortColumn): boolean {
	return !['name', 'project', 'image', 'state'].includes(column);
}

/** How long a message stays in the status bar: long enough to read, and errors twice as long. */
export const noticeLifetimeMs: Record<Notice['level'], number> = {info: 5000, error: 10_000};

/** Rows the containers detail area takes when shown. */
export const detailHeight = 12;

/**
 * Whether the containers detail shows in a pane `height` rows tall. Unchosen,
 * it opens only when the table keeps 12 rows (not at 80×24); chosen with
 * Enter, it shows whenever the table keeps 8.
 */
export function detailShown(ui: Pick<UiState, 'showDetail'>, height: number): boolean {
	if (ui.showDetail === undefined) return height >= detailHeight + 12;
	return ui.showDetail && height >= detailHeight + 8;
}

/** Enter in the containers view: flips what is on screen now, whatever the default was. */
export function toggleDetail(state: AppState): AppState {
	return setUi(state, {showDetail: !detailShown(state.ui, state.ui.pageSize + 1)});
}

/** Shows a message in the status bar, in the current view, until it expires (noticeExpiry). */
export function notify(state: AppState, text: string, level: Notice['level'] = 'info'): AppState {
	return {...state, notice: {text, level, at: Date.now(), view: state.ui.view}};
}

/** When a notice leaves the status bar (epoch ms). */
export function noticeExpiry(notice: Notice): number {
	return notice.at + noticeLifetimeMs[notice.level];
}

/** Drops `notice` if it is still the one shown: a newer message keeps its own time. */
export function clearNotice(state: AppState, notice: Notice): AppState {
	return state.notice === notice ? {...state, notice: undefined} : state;
}

/** The notice to show in a view: the current one, if raised there and not expired. */
export function visibleNotice(notice: Notice | undefined, view: ViewName, now: number): Notice | undefined {
	if (!notice || now >= noticeExpiry(notice)) return undefined;
	// Help is read over a view: what that view said stays in sight.
	return notice.view === undefined || notice.view === view || view === 'help' ? notice : undefined;
}

/** Records the connection state. */
export function setConnection(state: AppState, connection: Omit<Connection, 'target'>): AppState {
	const current = state.connection;
	if (current.status === connection.status && current.message === connection.message && current.attempt === connection.attempt && current.product === connection.product) return state;
	return {...state, connection: {target: current.target, ...connection}};
}
