import type {ContainerRow} from '../domain/container.js';
import {closeLogs, openLogs} from './logs-slice.js';
import type {AppState} from './state.js';

/**
 * Points the logs below the containers table (split layout) at one
 * container, keeping the view where it is; the same container again changes
 * nothing, so its stream is not restarted.
 */
export function showSplitLogs(state: AppState, row: ContainerRow): AppState {
	const {targets} = state.logs;
	if (targets.length === 1 && targets[0]?.id === row.id) return state;
	return {...openLogs(state, [row]), ui: state.ui};
}

/** Lets the split layout's stream go (the layout closed, or nothing is selected), keeping the view. */
export function hideSplitLogs(state: AppState): AppState {
	return state.logs.targets.length === 0 ? state : {...closeLogs(state), ui: state.ui};
}

/** Whether the log streams should run: the logs view is in front, or the split layout shows logs below the containers. */
export function logsShown(state: AppState): boolean {
	return state.ui.view === 'logs' || (state.ui.view === 'containers' && state.ui.split === true);
}
