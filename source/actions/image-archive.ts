import {createReadStream} from 'node:fs';
import {stat} from 'node:fs/promises';
import {Transform} from 'node:stream';
import {imageTagRows, shortImageId, type ImageTagRow, type ImageView} from '../domain/image.js';
import {finishPull, startPull, type LayerProgress, type TransferKind} from '../domain/pull-progress.js';
import {writeAtomically} from '../engine/atomic-file.js';
import {NotFoundError} from '../engine/resource-errors.js';
import {labelFor, prefilledKeys, promptKeys} from '../keys/key-labels.js';
import {plural} from '../format/plural.js';
import {formatSize} from '../format/resource-text.js';
import {sanitizeText} from '../format/sanitize.js';
import {marksOf} from '../store/marks-slice.js';
import {setPull, updatePull} from '../store/resources-slice.js';
import type {PullState} from '../store/resources-state.js';
import type {AppState} from '../store/state.js';
import {notify, setUi} from '../store/ui-slice.js';
import type {CommandContext} from './command-context.js';
import {nameList} from './bulk-plan.js';
import {refusedReadOnly} from './image-actions.js';
import {resolveSavePath, typedSavePath, unlessOverwriting} from './log-save.js';
import {fileTrouble} from '../format/file-trouble.js';

type Context = Pick<CommandContext, 'engine' | 'engines' | 'store' | 'binding'>;

/** The file a save suggests: the tag (or short ID) made into a file name, `.tar`, in the working directory. */
export function defaultArchiveName(row: ImageTagRow): string {
	const base = (row.tag ?? shortImageId(row.image.id)).replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^[._]+/, '').slice(0, 80);
	return `${base || 'image'}.tar`;
}

/** The single "layer" a save or load shows: the tar's bytes so far, against the expected total when known. */
export function bytesLayer(current: number, total: number, finished = false): LayerProgress {
	// The expected total is an estimate (the image's size): a tar that outgrows it shows a full bar, never a shrinking count.
	return {id: 'tar', phase: finished ? 'done' : 'uploading', current, total: finished ? current : Math.max(total, current)};
}

/** Starts a byte transfer in the store, unless a pull, push, save or load is already running; its controller then. */
function startTransfer(context: Context, kind: TransferKind, name: string, total: number): {controller: AbortController; cancel: () => void; bytes: (current: number) => void} | undefined {
	const {store} = context;
	if (store.getSnapshot().resources.pull?.state === 'running') {
		store.update(state => notify(state, `a transfer is already running; ${labelFor('back', 'images')} cancels it`, 'error'));
		return undefined;
	}
	const controller = new AbortController();
	const cancel = () => controller.abort();
	let shown = 0;
	const bytes = (current: number) => {
		// At most one store update per 256 KiB: a tar of gigabytes would otherwise redraw per chunk.
		if (current - shown < 256 * 1024 && current !== 0) return;
		shown = current;
		store.update(state => updatePull(state, cancel, pull => ({...pull, cancel, layers: [bytesLayer(current, total)], status: `${formatSize(current)} (${current} bytes)`})));
	};
	store.update(state => notify(setPull(state, {...startPull(name, kind), layers: [bytesLayer(0, total)], cancel}), `${kind === 'save' ? 'saving' : 'loading'} ${sanitizeText(name)}…`));
	return {controller, cancel, bytes};
}

/** Ends a transfer in the store and says how it went in the status bar. */
function endTransfer(context: Context, cancel: () => void, state: 'done' | 'cancelled' | 'failed', status: string, error?: string, moved?: number): PullState | undefined {
	const {store} = context;
	store.update(app => updatePull(app, cancel, pull => ({...finishPull(pull, state, error), cancel, status, ...(state === 'done' && moved !== undefined ? {layers: [bytesLayer(moved, moved, true)]} : {})})));
	store.update(app => notify(app, state === 'failed' ? error ?? status : status, state === 'failed' ? 'error' : undefined));
	return store.getSnapshot().resources.pull;
}

/** The reference a save names a row by: its tag, or the image ID of an untagged one (whose tar then has no name). */
const referenceOf = (row: ImageTagRow): string => row.tag ?? row.image.id;

/** The engine that holds `row`'s image: with several hosts on screen, its own; else the one engine. */
function engineOf(context: Context, row: ImageTagRow): Context {
	const own = row.image.host === undefined ? undefined : context.engines?.get(row.image.host);
	return own ? {...context, engine: own} : context;
}

/** Asks where to save the selected image, suggesting `<tag>.tar`. Allowed in read-only mode: a save changes nothing on the engine. */
export function askSave(context: Context, row: ImageView): void {
	const owner = engineOf(context, row);
	context.store.update(state => setUi(state, {prompt: {kind: 'input', text: defaultArchiveName(row), label: `save ${sanitizeText(row.tag ?? shortImageId(row.image.id))} to `, help: `a .tar file path; ${prefilledKeys('saves')}`, submit: text => requestSaveImages(owner, [referenceOf(row)], text, row.image.size)}}));
}

/** The marked image rows that still exist, by name (the filter aside: a mark hidden by it still counts). */
export function markedImageRows(state: AppState): ImageTagRow[] {
	const marks = marksOf(state, 'images');
	if (marks.size === 0) return [];
	const name = (row: ImageTagRow) => row.tag ?? row.image.id;
	return imageTagRows(state.resources.images).filter(row => marks.has(row.key)).sort((a, b) => name(a).localeCompare(name(b)));
}

/**
 * `S` with marks: asks for one tar for every marked image (`docker save a b`).
 * Each tag is saved by name, so the tar loads with its tags; an untagged
 * image by ID. Marks on several hosts are refused: one tar comes from one
 * engine. The expected size is the images' sizes, each image once.
 */
export function askSaveMarked(context: Context, rows: readonly ImageTagRow[]): void {
	const hosts = new Set(rows.map(row => row.image.host));
	if (hosts.size > 1) {
		context.store.update(state => notify(state, `save: the marked images are on ${hosts.size} hosts; one tar holds images of one engine, so mark those of one host`, 'error'));
		return;
	}
	const references = [...new Set(rows.map(referenceOf))];
	const sizes = new Map(rows.map(row => [row.image.id, row.image.size]));
	const expected = [...sizes.values()].reduce((sum, size) => sum + size, 0);
	const names = rows.map(row => row.tag ?? shortImageId(row.image.id));
	const first = defaultArchiveName(rows[0]!).replace(/\.tar$/, '');
	const suggested = references.length === 1 ? `${first}.tar` : `${first}-and-${references.length - 1}-more.tar`;
	const owner = engineOf(context, rows[0]!);
	context.store.update(state => setUi(state, {prompt: {kind: 'input', text: suggested, label: `save ${plural(references.length, 'image')} (${nameList(names)}) to `, help: `one .tar file for all; ${prefilledKeys('saves')}`, submit: text => requestSaveImages(owner, references, text, expected)}}));
}

/** Saves to the typed path; an existing file is overwritten only after a yes in a dialog that names it. */
export function requestSaveImages(context: Context, names: string[], typed: string, expected = 0): void {
	const path = typedSavePath(context.store, typed);
	if (path === undefined) return;
	unlessOverwriting(context.store, [path], overwrite => void saveImages(context, names, path, {overwrite, expected}), 'the image tar');
}

/**
 * Writes the tar of `names` to `path` through a temporary file that takes the
 * path's place only when the whole tar has arrived: on cancel (Esc) or an
 * error there is no partial file, and an existing file keeps its content.
 * Progress is in bytes. Never throws.
 */
export async function saveImages(context: Context, names: string[], path: string, {overwrite, expected = 0}: {overwrite: boolean; expected?: number}): Promise<PullState | undefined> {
	const {engine} = context;
	const what = names.map(sanitizeText).join(', ');
	const transfer = startTransfer(context, 'save', what, expected);
	if (!transfer) return undefined;
	const {controller, cancel, bytes} = transfer;
	let written = 0;
	try {
		await writeAtomically(path, {overwrite}, async file => {
			const stream = await engine.saveImages(names, controller.signal);
			try {
				for await (const chunk of stream) {
					if (controller.signal.aborted) break;
					await file.write(chunk as Buffer);
					written += (chunk as Buffer).length;
					bytes(written);
				}
			} finally {
				stream.destroy();
			}
			// An aborted stream ends quietly: throwing here makes the temporary file go, not take the path.
			if (controller.signal.aborted) throw new Error('cancelled');
		});
		return endTransfer(context, cancel, 'done', `saved ${what} to ${sanitizeText(path)} (${formatSize(written)}, ${written} bytes)`, undefined, written);
	} catch (error) {
		if (controller.signal.aborted) return endTransfer(context, cancel, 'cancelled', `save of ${what} cancelled; no file written`);
		const code = (error as {code?: string}).code;
		const why = error instanceof NotFoundError ? `no image ${what} here`
			: code === 'EEXIST' ? `${sanitizeText(path)} appeared meanwhile; not overwritten`
			: fileTrouble(error, sanitizeText(path), 'write') ?? engine.explain(error);
		return endTransfer(context, cancel, 'failed', 'save failed', `save failed: ${sanitizeText(why)}`);
	}
}

/** Asks for a tar file to load. */
export function askLoad(context: Context): void {
	if (refusedReadOnly(context, 'load')) return;
	context.store.update(state => setUi(state, {prompt: {kind: 'input', text: '', label: 'load from ', help: `a tar made by docker save or Porthole's save; ${promptKeys('loads')}`, submit: text => void loadImages(context, text)}}));
}

/**
 * Sends a tar file to the engine, counting its bytes as they go, and reports
 * the images the engine says it loaded. Esc aborts the request. Never throws.
 */
export async function loadImages(context: Context, typed: string): Promise<PullState | undefined> {
	if (refusedReadOnly(context, 'load')) return undefined;
	const {engine, store} = context;
	if (typed.trim() === '') {
		store.update(state => notify(state, 'load cancelled: no file name', 'error'));
		return undefined;
	}
	const path = resolveSavePath(typed);
	const name = sanitizeText(path);
	let size: number;
	try {
		const info = await stat(path);
		if (!info.isFile()) throw Object.assign(new Error('not a file'), {code: 'EISDIR'});
		size = info.size;
	} catch (error) {
		store.update(state => notify(state, `load failed: ${fileTrouble(error, name, 'read') ?? `cannot read ${name}`}`, 'error'));
		return undefined;
	}
	const transfer = startTransfer(context, 'load', name, size);
	if (!transfer) return undefined;
	const {controller, cancel, bytes} = transfer;
	let sent = 0;
	const counter = new Transform({transform(chunk: Buffer, _encoding, done) {
		sent += chunk.length;
		bytes(sent);
		done(null, chunk);
	}});
	const file = createReadStream(path);
	file.on('error', error => counter.destroy(error));
	file.pipe(counter);
	const loaded: string[] = [];
	try {
		const messages = await engine.loadImages(counter, controller.signal);
		for await (const message of messages) {
			const words = message.errorDetail?.message ?? message.error;
			if (words) throw new Error(words);
			const line = (message.stream ?? message.status ?? '').trim();
			const match = /^Loaded image(?: ID)?: (.+)$/.exec(line);
			if (match) loaded.push(sanitizeText(match[1]!));
		}
		if (controller.signal.aborted) return endTransfer(context, cancel, 'cancelled', 'load cancelled');
		return endTransfer(context, cancel, 'done', `loaded ${loaded.length > 0 ? loaded.join(', ') : 'nothing'} from ${name} (${formatSize(sent)})`, undefined, sent);
	} catch (error) {
		if (controller.signal.aborted) return endTransfer(context, cancel, 'cancelled', 'load cancelled');
		const words = fileTrouble(error, name, 'read') ?? engine.explain(error);
		return endTransfer(context, cancel, 'failed', 'load failed', `load failed: ${sanitizeText(words.split('\n')[0] ?? '')}`);
	} finally {
		file.destroy();
		counter.destroy();
	}
}
