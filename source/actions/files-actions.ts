import {lstat, readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {childPath, linkDestination, parentPath, type FileEntry, type ListingLimits} from '../domain/file-listing.js';
import {oneLine} from '../engine/connection-errors.js';
import {engineMessage} from '../engine/engine-message.js';
import {NotFoundError} from '../engine/resource-errors.js';
import {fromGoMode} from '../format/file-cells.js';
import {formatSize} from '../format/resource-text.js';
import {sanitizeText} from '../format/sanitize.js';
import {labelFor, promptKeys} from '../keys/key-labels.js';
import {loadFolder, openFiles, selectedFileRow, setFileTransfer, updateFiles, type FileRow, type FilesState} from '../store/files-slice.js';
import {notify, setUi, setView} from '../store/ui-slice.js';
import type {CommandContext} from './command-context.js';
import {copyIn, copyOut} from './copy-actions.js';
import {refusedReadOnly} from './image-actions.js';
import {resolveSavePath} from './log-save.js';

type Context = Pick<CommandContext, 'engine' | 'store' | 'binding'>;
type Container = {id: string; name: string};

/** Bytes of a listing's tar between two updates of its "reading…" line. */
const listingStep = 4 * 1024 * 1024;

/** Links followed one after another before giving up (a loop, or a long chain). */
const maxLinkHops = 8;

/** The safe row of one entry: names and link targets sanitised for the terminal, the engine's own kept apart to ask it again. */
export function fileRow(entry: FileEntry): FileRow {
	return {
		name: sanitizeText(entry.name),
		raw: entry.name,
		kind: entry.kind,
		size: entry.size,
		mode: entry.mode,
		mtime: entry.mtime,
		...(entry.linkTarget === undefined ? {} : {linkTarget: sanitizeText(entry.linkTarget), rawLinkTarget: entry.linkTarget}),
		...(entry.count === undefined ? {} : {count: entry.count}),
	};
}

/** Why a listing stopped early, in words. */
function truncationText(files: Pick<FilesState, 'truncated' | 'read'>, limits?: ListingLimits): string | undefined {
	if (!files.truncated) return undefined;
	const why = files.truncated === 'bytes' ? `after ${formatSize(files.read ?? 0)} of tar` : files.truncated === 'children' ? `at ${limits?.children ?? 'the most'} entries` : 'after too many entries below';
	return `listing truncated ${why}: folder sizes are partial`;
}

/**
 * Opens the file browser on a container at `/`. It reads through the archive
 * API (no exec), so it works in images without a shell and on stopped
 * containers. Browsing changes nothing: allowed in --read-only.
 */
export function openFileBrowser(context: Context, container: Container, path = '/', limits?: ListingLimits): Promise<FilesState | undefined> {
	context.store.getSnapshot().files?.cancel?.();
	const controller = new AbortController();
	const cancel = () => controller.abort();
	context.store.update(state => openFiles(state, {id: container.id, name: sanitizeText(container.name)}, path, cancel));
	return readFolder(context, controller, cancel, limits);
}

/**
 * Shows folder `path` in the open browser: the listing before it is stopped
 * (one reader at a time: its stream is destroyed), and the cursor goes to
 * `select` when the folder has it (going up lands on the folder left).
 */
export function goToFolder(context: Context, path: string, select?: string, limits?: ListingLimits): Promise<FilesState | undefined> {
	const files = context.store.getSnapshot().files;
	if (!files) return Promise.resolve(undefined);
	files.cancel?.();
	const controller = new AbortController();
	const cancel = () => controller.abort();
	context.store.update(state => loadFolder(state, path, cancel));
	return readFolder(context, controller, cancel, limits, select);
}

async function readFolder(context: Context, controller: AbortController, cancel: () => void, limits?: ListingLimits, select?: string): Promise<FilesState | undefined> {
	const {engine, store} = context;
	const files = store.getSnapshot().files;
	if (!files) return undefined;
	const change = (step: (current: FilesState) => FilesState) => store.update(state => updateFiles(state, cancel, step));
	// The listing belongs to the view: leaving it any way (':' to another view too, not only Esc) stops the read.
	let left = false;
	const unsubscribe = store.subscribe(() => {
		const {view} = store.getSnapshot().ui;
		if (view === 'files' || view === 'help' || controller.signal.aborted) return;
		left = true;
		controller.abort();
	});
	const stopped = () => {
		if (left) change(current => ({...current, status: 'error', message: `listing stopped when the view was left; ${labelFor('refresh', 'files')} reads it again`}));
		return store.getSnapshot().files;
	};
	try {
		// A folder holding big files takes a while: say how much tar has been read, at most once per 4 MB.
		let shown = 0;
		const onRead = (bytes: number) => {
			if (bytes - shown < listingStep) return;
			shown = bytes;
			change(current => ({...current, read: bytes}));
		};
		const listing = await engine.listContainerFolder(files.container.id, files.path, controller.signal, limits, onRead);
		if (controller.signal.aborted) return stopped();
		const rows = listing.entries.map(fileRow);
		const at = select === undefined ? -1 : rows.findIndex(row => row.raw === select);
		change(current => {
			const next = {...current, rows, selected: Math.max(0, at), status: 'done' as const, truncated: listing.truncated, read: listing.read};
			return {...next, message: truncationText(next, limits)};
		});
	} catch (error) {
		if (controller.signal.aborted) return stopped();
		// The engine's own words, flattened: a listing's failure is about this folder, not the connection (the status bar has that).
		const why = error instanceof NotFoundError ? `no folder ${sanitizeText(files.path)} in ${files.container.name}` : oneLine(sanitizeText(engineMessage(error)), 200);
		change(current => ({...current, status: 'error', message: why}));
	} finally {
		unsubscribe();
	}
	return store.getSnapshot().files;
}

/** Follows a link from folder `dir` to what it finally names, stat by stat; a folder's path, or why not. */
async function followLink(context: Context, files: FilesState, target: string): Promise<{path: string} | {error: string}> {
	let path = linkDestination(files.path, target);
	const signal = AbortSignal.timeout(15_000);
	for (let hop = 0; hop < maxLinkHops; hop++) {
		let stat;
		try {
			stat = await context.engine.statContainerPath(files.container.id, path, signal);
		} catch (error) {
			return {error: error instanceof NotFoundError ? `${sanitizeText(path)} is not there (a dangling link)` : oneLine(sanitizeText(engineMessage(error)), 200)};
		}
		const {kind} = fromGoMode(stat.mode);
		if (kind === 'dir') return {path};
		if (kind !== 'link') return {error: `${sanitizeText(path)} is not a folder (${labelFor('copy-out', 'files')} copies it out)`};
		path = linkDestination(parentPath(path), stat.linkTarget);
	}
	return {error: `more than ${maxLinkHops} links in a row from ${sanitizeText(target)}`};
}

/** Enter: opens the selected folder, or the folder a selected link points to. */
export async function openEntry(context: Context): Promise<FilesState | undefined> {
	const {store} = context;
	const state = store.getSnapshot();
	const files = state.files;
	const row = selectedFileRow(state);
	if (!files || !row) return files;
	if (row.kind === 'dir') return goToFolder(context, childPath(files.path, row.raw));
	if (row.kind === 'link' && row.rawLinkTarget !== undefined) {
		const followed = await followLink(context, files, row.rawLinkTarget);
		if ('error' in followed) {
			store.update(s => notify(s, followed.error, 'error'));
			return store.getSnapshot().files;
		}
		return goToFolder(context, followed.path);
	}
	store.update(s => notify(s, `${row.name} is not a folder (${labelFor('copy-out', 'files')} copies it out)`));
	return files;
}

/** Backspace: up to the parent folder, the cursor on the folder left. */
export function goUp(context: Context): Promise<FilesState | undefined> {
	const files = context.store.getSnapshot().files;
	if (!files || files.path === '/') return Promise.resolve(files);
	return goToFolder(context, parentPath(files.path), files.path.replace(/\/+$/, '').split('/').pop());
}

/** At most one store update per this many bytes of a copy: a copy of gigabytes would otherwise redraw per chunk. */
const progressStep = 256 * 1024;

/** Starts a copy's progress in the browser, unless one is running; its signal and byte counter then. */
function startTransfer(context: Context, label: string, total: number | undefined): {signal: AbortSignal; cancel: () => void; onBytes: (bytes: number) => void} | undefined {
	const {store} = context;
	if (store.getSnapshot().files?.transfer) {
		store.update(state => notify(state, `a copy is running; ${labelFor('back', 'files')} cancels it`, 'error'));
		return undefined;
	}
	const controller = new AbortController();
	const cancel = () => controller.abort();
	let shown = 0;
	const onBytes = (bytes: number) => {
		if (bytes - shown < progressStep) return;
		shown = bytes;
		store.update(state => state.files?.transfer?.cancel === cancel ? setFileTransfer(state, {...state.files.transfer, bytes}) : state);
	};
	store.update(state => setFileTransfer(state, {label, bytes: 0, total, cancel}));
	return {signal: controller.signal, cancel, onBytes};
}

/**
 * `y`: asks for a local folder and copies the selected entry there through
 * the same copy-out as the containers view (extractSafely: nothing is written
 * outside that folder whatever the engine's tar holds), with progress against
 * the entry's size and Esc to cancel. Allowed read-only.
 */
export function askCopyEntryOut(context: Context): void {
	const {store} = context;
	const state = store.getSnapshot();
	const files = state.files;
	const row = selectedFileRow(state);
	if (!files || !row) return;
	store.update(s => setUi(s, {prompt: {kind: 'input', text: '', label: `copy ${row.name} out to local folder: `, help: `a folder here (made if missing); ${promptKeys('copies')}`, submit: text => {
		if (text.trim() === '') store.update(s2 => notify(s2, 'copy cancelled: no folder given', 'error'));
		else void copyEntryOut(context, row, text);
	}}}));
}

/** Copies `row` of the browser's folder out to local folder `to`, with progress and cancel. Never throws. */
export async function copyEntryOut(context: Context, row: FileRow, to: string): Promise<boolean> {
	const files = context.store.getSnapshot().files;
	if (!files) return false;
	const from = childPath(files.path, row.raw);
	const transfer = startTransfer(context, `copying ${sanitizeText(from)} out to ${sanitizeText(resolveSavePath(to))}`, row.kind === 'file' || row.kind === 'dir' ? row.size : undefined);
	if (!transfer) return false;
	try {
		return await copyOut(context, files.container, from, to, transfer);
	} finally {
		context.store.update(state => setFileTransfer(state, undefined, transfer.cancel));
	}
}

/** `Y`: asks for a local file or folder and copies it into the folder shown. Refused read-only. */
export function askCopyIntoFolder(context: Context): void {
	if (refusedReadOnly(context, 'copy in')) return;
	const {store} = context;
	const files = store.getSnapshot().files;
	if (!files) return;
	store.update(s => setUi(s, {prompt: {kind: 'input', text: '', label: `copy into ${files.container.name}:${sanitizeText(files.path)} from: `, help: `a local file or folder; ${promptKeys('copies')}`, submit: text => {
		if (text.trim() === '') store.update(s2 => notify(s2, 'copy cancelled: nothing given', 'error'));
		else void copyIntoFolder(context, text);
	}}}));
}

/** Bytes of the files under a local path (links not followed), up to a bound of entries: a copy-in's expected total. */
export async function localSize(path: string, budget = {entries: 50_000}): Promise<number> {
	const info = await lstat(path).catch(() => undefined);
	if (!info || budget.entries-- <= 0) return 0;
	if (!info.isDirectory()) return info.isFile() ? info.size : 0;
	let total = 0;
	for (const name of await readdir(path).catch(() => [] as string[])) total += await localSize(join(path, name), budget);
	return total;
}

/** Copies a local file or folder into the folder shown, with progress and cancel, then reads the folder again. Never throws. */
export async function copyIntoFolder(context: Context, typed: string): Promise<boolean> {
	if (refusedReadOnly(context, 'copy in')) return false;
	const files = context.store.getSnapshot().files;
	if (!files) return false;
	const source = resolveSavePath(typed);
	const total = await localSize(source);
	const transfer = startTransfer(context, `copying ${sanitizeText(source)} into ${sanitizeText(files.path)}`, total);
	if (!transfer) return false;
	let done = false;
	try {
		done = await copyIn(context, files.container, source, files.path, transfer);
	} finally {
		context.store.update(state => setFileTransfer(state, undefined, transfer.cancel));
	}
	const now = context.store.getSnapshot().files;
	if (done && now?.path === files.path && now.container.id === files.container.id) await goToFolder(context, files.path, source.replace(/\/+$/, '').split('/').pop());
	return done;
}

/** Esc: cancels a running copy; else clears the filter; else stops reading and goes back. */
export function filesBack(context: Context): void {
	const {store} = context;
	const state = store.getSnapshot();
	const files = state.files;
	if (files?.transfer) {
		files.transfer.cancel();
		store.update(s => notify(s, 'cancelling the copy…'));
		return;
	}
	if (state.ui.filter !== '') {
		store.update(s => setUi(s, {filter: ''}));
		return;
	}
	closeFileBrowser(context);
}

/** Leaves the browser: its listing stops (the stream is destroyed) and the view it was opened from comes back. */
export function closeFileBrowser(context: Pick<Context, 'store'>): void {
	const {store} = context;
	const files = store.getSnapshot().files;
	files?.cancel?.();
	files?.transfer?.cancel();
	store.update(state => {
		const from = state.files?.from ?? 'containers';
		const {files: _closed, ...rest} = state;
		return setView(rest as typeof state, from);
	});
}
