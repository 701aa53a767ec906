import type {AppState, ViewName} from './state.js';
import {makeMatcher} from '../domain/matcher.js';
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
	/** A title in place of "Output of COMMAND in CONTAINER" (a build's log). */
	title?: string;
	/** Stops what is still writing to the view (a build); Esc calls it while running. */
	cancel?: () => void;
	/** New lines of a live view scroll into sight (the logs view's follow); scrolling up pauses it, the end resumes it. */
	follow: boolean;
	/** The search typed after `/` (regex or text, as in the logs view); '' for none. */
	search: string;
	/** The line `n`/`N` last jumped to. */
	match?: number;
	/** Lines a live view has dropped from its front so far (to shift a paused view). */
	dropped?: number;
	/** A build's log: its steps and cache hits are drawn apart, and the header says the step and how many came from cache. */
	build?: {step?: string; cached: number};
};

/** Rows above the lines: the title, and for a build a second line with its step, position and follow. */
export function outputHeaderRows(output: OutputState | undefined): number {
	return output?.build ? 2 : 1;
}

/**
 * Rows the output view gives to lines: its pane's height (the body, which is
 * `pageSize` plus the one row a table gives its header) less its own header.
 */
export function outputLineRows(state: AppState): number {
	return Math.max(1, state.ui.pageSize + 1 - outputHeaderRows(state.output));
}

/** Opens the output view on a command that is starting. */
export function openOutput(state: AppState, command: string, container: string): AppState {
	const from = state.ui.view === 'output' ? (state.output?.from ?? 'containers') : state.ui.view;
	return setView({...state, output: {command, container, from, status: 'running', lines: [], truncated: false, scroll: 0, follow: true, search: ''}}, 'output');
}

/** Records how the command ended; a later command's view is left alone. */
export function finishOutput(state: AppState, command: string, change: Pick<OutputState, 'status'> & Partial<Pick<OutputState, 'exitCode' | 'lines' | 'truncated' | 'message'>>): AppState {
	const output = state.output;
	if (!output || output.command !== command || output.status !== 'running') return state;
	return {...state, output: {...output, ...change}};
}

/** Scrolls to `line`, clamped to [0, max]. Leaving the end pauses the follow; reaching it again resumes it. */
export function scrollOutput(state: AppState, line: number | ((current: number) => number), max: number): AppState {
	const output = state.output;
	if (!output) return state;
	const wanted = typeof line === 'function' ? line(output.scroll) : line;
	const scroll = Math.max(0, Math.min(max, wanted));
	const follow = scroll >= max;
	return scroll === output.scroll && follow === output.follow ? state : {...state, output: {...output, scroll, follow}};
}

/** Space: pause where the screen is, or follow again from the end. */
export function toggleOutputFollow(state: AppState, max: number): AppState {
	const output = state.output;
	if (!output) return state;
	return output.follow ? {...state, output: {...output, follow: false}} : {...state, output: {...output, follow: true, scroll: max}};
}

/** Sets the search (as typed) and forgets the match jumped to. */
export function setOutputSearch(state: AppState, search: string): AppState {
	const output = state.output;
	if (!output || (output.search === search && output.match === undefined)) return state;
	return {...state, output: {...output, search, match: undefined}};
}

/** Lines held that match the search. */
export function outputMatches(lines: readonly string[], search: string): number {
	if (search === '') return 0;
	const matches = makeMatcher(search);
	let count = 0;
	for (const line of lines) if (matches(line)) count++;
	return count;
}

/**
 * Opens the output view on a live log (a build) with its own title and a
 * cancel for Esc. `command` is the key later updates must match.
 */
export function openLiveOutput(state: AppState, command: string, title: string, cancel: () => void, build = false): AppState {
	const opened = openOutput(state, command, '');
	return opened.output ? {...opened, output: {...opened.output, title, cancel, ...(build ? {build: {cached: 0}} : {})}} : opened;
}

/** What a live view's update may say besides its lines. */
export type LiveLines = {
	/** Lines were left out (the oldest, past the bound). */
	truncated?: boolean;
	/** Lines dropped from the front since the view opened: a paused view and its match keep their lines. */
	dropped?: number;
	/** A build's step and cache hits so far. */
	build?: {step?: string; cached: number};
};

/**
 * Replaces a live view's lines. While it follows, the last lines show;
 * paused, the same lines stay on screen (moved up by any the bound dropped).
 */
export function setOutputLines(state: AppState, command: string, lines: string[], visible: number, {truncated = false, dropped = 0, build}: LiveLines = {}): AppState {
	const output = state.output;
	if (!output || output.command !== command) return state;
	const shift = Math.max(0, dropped - (output.dropped ?? 0));
	const scroll = output.follow ? Math.max(0, lines.length - visible) : Math.max(0, output.scroll - shift);
	const match = output.match === undefined || output.match - shift < 0 ? undefined : output.match - shift;
	return {...state, output: {...output, lines, truncated, scroll, match, dropped, ...(build ? {build} : {})}};
}
