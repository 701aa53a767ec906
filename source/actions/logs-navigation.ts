import {findMatch, logView} from '../store/log-view.js';
import {setLogOptions, setLogScroll} from '../store/logs-slice.js';
import type {AppState} from '../store/state.js';
import {notify} from '../store/ui-slice.js';
import {labelFor} from '../keys/key-labels.js';

/** Lines of the logs view on screen: the body less its header line. */
export function logRows(state: AppState): number {
	return Math.max(1, state.ui.pageSize);
}

/** The index of the top line on screen: the last page while following, else the line the pause keeps at the top. */
export function logTop(state: AppState): number {
	const view = logView(state.logs);
	const rows = logRows(state);
	const bottom = Math.max(0, view.size - rows);
	if (state.logs.follow || state.logs.topSeq === undefined) return bottom;
	return Math.min(view.indexOfSeq(state.logs.topSeq), bottom);
}

/**
 * Scrolls by `delta` lines (negative is up, to older lines). Leaving the end
 * pauses the follow; reaching the end again resumes it.
 */
export function scrollLogs(state: AppState, delta: number | 'top' | 'bottom'): AppState {
	const view = logView(state.logs);
	const rows = logRows(state);
	const bottom = Math.max(0, view.size - rows);
	if (delta === 'bottom') return setLogScroll(state, undefined);
	const next = delta === 'top' ? 0 : Math.min(bottom, Math.max(0, logTop(state) + delta));
	if (next >= bottom) return setLogScroll(state, undefined);
	return setLogScroll(state, view.at(next)?.seq);
}

/** Space: pause where the screen is, or resume the follow. */
export function togglePause(state: AppState): AppState {
	if (!state.logs.follow) return setLogScroll(state, undefined);
	const view = logView(state.logs);
	const seq = view.at(logTop(state))?.seq;
	return seq === undefined ? state : setLogScroll(state, seq);
}

/**
 * Jumps to a search match: from the current match (or the end, when there is
 * none) towards older lines (`-1`) or newer ones (`1`), wrapping round. The
 * match is brought on screen (pausing the follow) unless it already shows.
 */
export function jumpToMatch(state: AppState, direction: 1 | -1): AppState {
	const {search, matchSeq} = state.logs;
	if (search === '') return notify(state, `no search: press ${labelFor('search', 'logs')} to search`);
	const view = logView(state.logs);
	const from = matchSeq === undefined ? view.size : view.indexOfSeq(matchSeq);
	const index = findMatch(view, search, from, direction);
	if (index === undefined) return notify(state, `no line matches "${search}"`, 'error');
	const match = view.at(index)!;
	let next = setLogOptions(state, {matchSeq: match.seq});
	const rows = logRows(state);
	const top = logTop(next);
	if (index < top || index >= top + rows) {
		const bottom = Math.max(0, view.size - rows);
		const wanted = Math.max(0, index - Math.floor(rows / 2));
		next = wanted >= bottom ? setLogScroll(next, undefined) : setLogScroll(next, view.at(wanted)?.seq);
	}
	return next;
}
