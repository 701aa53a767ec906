import type {AppState, ViewName} from './state.js';
import {setView} from './ui-slice.js';

/** The output view: what a one-shot command (`E`) printed, and how it ended. */
export type OutputState = {
	/** The command line as typed, sanitised. */
	command: string;
	/** The container's name, sanitised. */
	container: string;
	/** The view Esc goes back to. */
	from: ViewName;
	status: 'running' | 'done' | 'error';
	exitCode?: number;
	/** Safe, bounded lines (format/output-text.ts). */
	lines: string[];
	/** Lines or bytes were left out past the bounds. */
	truncated: boolean;
	/** The engine's error, when it never ran. */
	message?: string;
	/** First visible line. */
	scroll: number;
};

/** Opens the output view on a command that is starting. */
export function openOutput(state: AppState, command: string, container: string): AppState {
	const from = state.ui.view === 'output' ? (state.output?.from ?? 'containers') : state.ui.view;
	return setView({...state, output: {command, container, from, status: 'running', lines: [], truncated: false, scroll: 0}}, 'output');
}

/** Records how the command ended; a later command's view is left alone. */
export function finishOutput(state: AppState, command: string, change: Pick<OutputState, 'status'> & Partial<Pick<OutputState, 'exitCode' | 'lines' | 'truncated' | 'message'>>): AppState {
	const output = state.output;
	if (!output || output.command !== command || output.status !== 'running') return state;
	return {...state, output: {...output, ...change}};
}

/** Scrolls to `line`, clamped to [0, max]. */
export function scrollOutput(state: AppState, line: number | ((current: number) => number), max: number): AppState {
	const output = state.output;
	if (!output) return state;
	const wanted = typeof line === 'function' ? line(output.scroll) : line;
	const scroll = Math.max(0, Math.min(max, wanted));
	return scroll === output.scroll ? state : {...state, output: {...output, scroll}};
}
