import {initialResources} from './resources-state.js';
import {initialLogs, type LogsState} from './logs-slice.js';
import type {AppState, UiState} from './state.js';

/** The state before the engine has said anything. */
export function initialState(options: {target: string; readOnly?: boolean; noConfirm?: boolean; ui?: Partial<UiState>; logs?: Partial<LogsState>}): AppState {
	return {
		connection: {status: 'connecting', target: options.target},
		containers: new Map(),
		loaded: false,
		stats: new Map(),
		ui: {
			view: 'containers',
			sort: {column: 'name', descending: false},
			filter: '',
			hideStopped: false,
			pageSize: 10,
			helpScroll: 0,
			...options.ui,
		},
		readOnly: options.readOnly ?? false,
		noConfirm: options.noConfirm ?? false,
		resources: initialResources(),
		logs: {...initialLogs(), ...options.logs},
	};
}
