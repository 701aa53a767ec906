import type {AppState, UiState} from './state.js';

/** The state before the engine has said anything. */
export function initialState(options: {target: string; readOnly?: boolean; ui?: Partial<UiState>}): AppState {
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
			showDetail: true,
			pageSize: 10,
			helpScroll: 0,
			...options.ui,
		},
		readOnly: options.readOnly ?? false,
	};
}
