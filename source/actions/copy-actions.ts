import {mkdir, stat} from 'node:fs/promises';
import {basename, dirname} from 'node:path';
import {Transform, type Readable} from 'node:stream';
import {splitCommandLine} from '../domain/argv.js';
import {extractSafely} from '../engine/safe-extract.js';
import {NotFoundError} from '../engine/resource-errors.js';
import {formatSize} from '../format/resource-text.js';
import {plural} from '../format/plural.js';
import {sanitizeText} from '../format/sanitize.js';
import {promptKeys} from '../keys/key-labels.js';
import {notify, setUi} from '../store/ui-slice.js';
import type {CommandContext} from './command-context.js';
import {refusedReadOnly} from './image-actions.js';
import {resolveSavePath} from './log-save.js';
import {fileTrouble} from '../format/file-trouble.js';

type Context = Pick<CommandContext, 'engine' | 'store' | 'binding'>;
type Container = {id: string; name: string};

/** What a copy may be given: a signal that cancels it (Esc in the file browser), and a count of the bytes moved so far. */
export type CopyOptions = {signal?: AbortSignal; onBytes?: (bytes: number) => void};

/** Counts the bytes of a tar on its way to the engine. */
function counted(source: Readable, onBytes: (bytes: number) => void): Transform {
	let bytes = 0;
	const counter = new Transform({transform(chunk: Buffer, _encoding, done) {
		bytes += chunk.length;
		onBytes(bytes);
		done(null, chunk);
	}});
	source.on('error', error => counter.destroy(error));
	return source.pipe(counter);
}

/** The two words of a copy line ("FROM TO"), quotes allowed; a reason when there are not two. */
export function copyWords(line: string): [string, string] | {error: string} {
	const words = splitCommandLine(line);
	return words.length === 2 ? [words[0]!, words[1]!] : {error: 'give two paths: FROM TO (quote a path with spaces)'};
}

/** Asks for "CONTAINER_PATH LOCAL_FOLDER" and copies out. Allowed read-only: it changes nothing on the engine. */
export function askCopyOut(context: Context, container: Container): void {
	context.store.update(state => setUi(state, {prompt: {kind: 'input', text: '', label: `copy out of ${sanitizeText(container.name)}: `, help: `CONTAINER_PATH LOCAL_FOLDER; ${promptKeys('copies')}`, submit: text => {
		const words = copyWords(text);
		if ('error' in words) context.store.update(state => notify(state, `copy: ${words.error}`, 'error'));
		else void copyOut(context, container, words[0], words[1]);
	}}}));
}

/** Asks for "LOCAL_PATH CONTAINER_FOLDER" and copies in. */
export function askCopyIn(context: Context, container: Container): void {
	if (refusedReadOnly(context, 'copy in')) return;
	context.store.update(state => setUi(state, {prompt: {kind: 'input', text: '', label: `copy into ${sanitizeText(container.name)}: `, help: `LOCAL_PATH CONTAINER_FOLDER; ${promptKeys('copies')}`, submit: text => {
		const words = copyWords(text);
		if ('error' in words) context.store.update(state => notify(state, `copy: ${words.error}`, 'error'));
		else void copyIn(context, container, words[0], words[1]);
	}}}));
}

/**
 * Copies a file or folder out of a container into a local folder (made if
 * missing). The engine's tar is untrusted: it is unpacked by extractSafely,
 * so nothing lands outside the folder, existing files are not replaced, and
 * what was refused is counted in the status bar. Never throws.
 */
export async function copyOut(context: Context, container: Container, from: string, to: string, {signal = new AbortController().signal, onBytes}: CopyOptions = {}): Promise<boolean> {
	const {engine, store} = context;
	const destination = resolveSavePath(to);
	const what = `${sanitizeText(container.name)}:${sanitizeText(from)}`;
	try {
		await mkdir(destination, {recursive: true});
		const archive = await engine.copyFromContainer(container.id, from, signal);
		// The archive is ours: Esc destroys it at once, whatever the HTTP layer does with the abort.
		const onAbort = () => archive.destroy(new Error('cancelled'));
		signal.addEventListener('abort', onAbort, {once: true});
		let result;
		try {
			if (signal.aborted) throw new Error('cancelled');
			result = await extractSafely(archive, destination, onBytes);
		} finally {
			signal.removeEventListener('abort', onAbort);
			archive.destroy();
		}
		// Each reason says what was refused and why (outside the folder, a link, already there); one fits the status bar whole.
		const reasons = result.refused.map(reason => sanitizeText(reason));
		const refused = reasons.length === 0 ? '' : reasons.length === 1 ? reasons[0]! : `${reasons.length} entries refused (${reasons[0]}, …)`;
		const into = `${what} to ${sanitizeText(destination)}`;
		// "copied …: 0 files" read as if something had arrived when everything was refused.
		const text = refused && result.files + result.links === 0
			? `nothing copied of ${into}: ${refused}`
			: `copied ${into}: ${plural(result.files, 'file')}, ${formatSize(result.bytes)}${refused ? `; ${refused}` : ''}`;
		store.update(state => notify(state, text, refused ? 'error' : 'info'));
		return refused === '';
	} catch (error) {
		if (signal.aborted) {
			store.update(state => notify(state, `copy of ${what} cancelled; the files that had arrived whole stay in ${sanitizeText(destination)}`, 'error'));
			return false;
		}
		const why = error instanceof NotFoundError ? `no ${sanitizeText(from)} in the container` : fileTrouble(error, sanitizeText(destination), 'write') ?? engine.explain(error);
		store.update(state => notify(state, `copy of ${what} failed: ${sanitizeText(why)}`, 'error'));
		return false;
	}
}

/** Copies a local file or folder into a folder of the container; symbolic links go as links. Never throws. */
export async function copyIn(context: Context, container: Container, from: string, to: string, {signal = new AbortController().signal, onBytes}: CopyOptions = {}): Promise<boolean> {
	if (refusedReadOnly(context, 'copy in')) return false;
	const {engine, store} = context;
	const source = resolveSavePath(from);
	const where = `${sanitizeText(container.name)}:${sanitizeText(to)}`;
	try {
		await stat(source);
		// tar-fs loads on first use, off the path to the first frame.
		const {default: tar} = await import('tar-fs');
		const packed = tar.pack(dirname(source), {entries: [basename(source)]});
		const archive = onBytes ? counted(packed, onBytes) : packed;
		try {
			await engine.copyToContainer(container.id, to, archive, signal);
		} finally {
			packed.destroy();
			archive.destroy();
		}
		store.update(state => notify(state, `copied ${sanitizeText(source)} into ${where}`));
		return true;
	} catch (error) {
		if (signal.aborted) {
			store.update(state => notify(state, `copy into ${where} cancelled; the engine may have unpacked part of it`, 'error'));
			return false;
		}
		const why = error instanceof NotFoundError ? `no folder ${sanitizeText(to)} in the container` : fileTrouble(error, sanitizeText(source), 'read') ?? engine.explain(error);
		store.update(state => notify(state, `copy into ${where} failed: ${sanitizeText(why)}`, 'error'));
		return false;
	}
}
