import type {FileKind, Truncation} from '../domain/file-listing.js';
import {makeMatcher} from '../domain/matcher.js';
import type {AppState, ViewName} from './state.js';
import {setUi, setView} from './ui-slice.js';

/** One row of the file browser: display text already sanitised; `raw` is the engine's own name, used only to ask the engine again. */
export type FileRow = {
	/** Safe for the terminal. */
	name: string;
	/** The name as the engine gave it: never shown, only joined into the paths we send back to the engine. */
	raw: string;
	kind: FileKind;
	size: number;
	mode: number;
	mtime?: number;
	/** Safe for the terminal. */
	linkTarget?: string;
	/** The engine's link target, to follow a link. */
	rawLinkTarget?: string;
	/** Entries read under a folder (its size is their sum). */
	count?: number;
};

/** A copy running from the browser: bytes so far, against the expected total when known. */
export type FileTransfer = {
	/** "copying /etc out to /tmp/x" (safe). */
	label: string;
	bytes: number;
	total?: number;
	cancel: () => void;
};

/** The file browser of one container (issue 17): a folder's children, read through the archive API. */
export type FilesState = {
	container: {id: string; name: string};
	/** The folder shown, absolute in the container (the engine's own text; shown sanitised). */
	path: string;
	rows: FileRow[];
	selected: number;
	status: 'loading' | 'done' | 'error';
	/** The error, or why the listing stopped early. */
	message?: string;
	truncated?: Truncation;
	/** Bytes of tar read for the listing. */
	read?: number;
	/** The view Esc goes back to. */
	from: ViewName;
	/** Stops the listing being read; a new folder, Esc and closing call it. */
	cancel?: () => void;
	transfer?: FileTransfer;
};

/** Opens the browser on `path` of a container, loading. */
export function openFiles(state: AppState, container: {id: string; name: string}, path: string, cancel: () => void): AppState {
	const from = state.ui.view === 'files' ? state.files?.from ?? 'containers' : state.ui.view;
	const opened = setView({...state, files: {container, path, rows: [], selected: 0, status: 'loading', from, cancel}}, 'files');
	return setUi(opened, {filter: ''});
}

/** Starts reading another folder in the open browser: no rows, the filter cleared, `cancel` the new listing's owner. */
export function loadFolder(state: AppState, path: string, cancel: () => void): AppState {
	const files = state.files;
	if (!files) return state;
	return setUi({...state, files: {...files, path, rows: [], selected: 0, status: 'loading', message: undefined, truncated: undefined, read: undefined, cancel}}, {filter: ''});
}

/** Applies `step` when the listing that `cancel` started is still the one shown. */
export function updateFiles(state: AppState, cancel: () => void, step: (files: FilesState) => FilesState): AppState {
	const files = state.files;
	if (!files || files.cancel !== cancel) return state;
	return {...state, files: step(files)};
}

/** Sets or clears the running copy; `owner` guards against an older copy ending after a newer one started. */
export function setFileTransfer(state: AppState, transfer: FileTransfer | undefined, owner?: () => void): AppState {
	const files = state.files;
	if (!files) return state;
	if (transfer === undefined && owner !== undefined && files.transfer?.cancel !== owner) return state;
	return {...state, files: {...files, transfer}};
}

/** The rows the browser shows: all of them, or those whose name matches the `/` filter. */
export function visibleFileRows(state: AppState): FileRow[] {
	return filterFileRows(state.files?.rows ?? [], state.ui.view === 'files' ? state.ui.filter : '');
}

/** The rows whose (sanitised) name matches `filter`, substring or regex; all of them for ''. */
export function filterFileRows(rows: FileRow[], filter: string): FileRow[] {
	if (filter === '') return rows;
	const matches = makeMatcher(filter);
	return rows.filter(row => matches(row.name));
}

/** The row under the cursor, among those shown. */
export function selectedFileRow(state: AppState): FileRow | undefined {
	const rows = visibleFileRows(state);
	return rows[Math.min(state.files?.selected ?? 0, rows.length - 1)];
}

/** Moves the cursor, clamped to the rows shown. */
export function selectFileRow(state: AppState, selected: number): AppState {
	const files = state.files;
	if (!files) return state;
	const clamped = Math.max(0, Math.min(visibleFileRows(state).length - 1, selected));
	return clamped === files.selected ? state : {...state, files: {...files, selected: clamped}};
}
