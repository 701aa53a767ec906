import {unlinkSync} from 'node:fs';
import {access, link, open, rename, unlink, type FileHandle} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';

/** The temporary file beside `path` that a save writes first: hidden, and named so nobody mistakes it for the result. Node's crypto loads here, not at every start. */
export function tempPathFor(path: string): string {
	return join(dirname(path), `.${basename(path)}.porthole-${process.pid}-${process.getBuiltinModule('node:crypto').randomBytes(4).toString('hex')}.tmp`);
}

/** An error with a file-system code, as Node's own are (EEXIST, EACCES...). */
function codeError(code: string, path: string): Error {
	return Object.assign(new Error(`${code}: file already exists, open '${path}'`), {code, syscall: 'open', path});
}

/**
 * Writes `path` all or nothing: `write` fills a temporary file beside it,
 * which takes the path's place only when `write` resolves. If `write` throws
 * (the container is gone, it has no readable log, the engine is down) the
 * temporary file is removed and `path` is as it was: an existing file keeps
 * its content, and a new path stays absent. Without `overwrite` an existing
 * `path` is refused with EEXIST, before and at the moment of the rename. The
 * temporary file is also removed if the process exits during the write.
 */
export async function writeAtomically(path: string, options: {overwrite: boolean}, write: (file: FileHandle) => Promise<void>): Promise<void> {
	if (!options.overwrite && await exists(path)) throw codeError('EEXIST', path);
	const temp = tempPathFor(path);
	const file = await open(temp, 'wx', 0o644);
	// One owner: if Porthole exits mid-save, the half-written file goes with it.
	unfinished.add(temp);
	if (unfinished.size === 1) process.once('exit', removeUnfinished);
	let committed = false;
	try {
		try {
			await write(file);
		} finally {
			await file.close();
		}
		await place(temp, path, options.overwrite);
		committed = true;
	} finally {
		unfinished.delete(temp);
		if (unfinished.size === 0) process.removeListener('exit', removeUnfinished);
		if (!committed) await unlink(temp).catch(() => undefined);
	}
}

/** Temporary files of saves under way: one exit listener for all, so many saves never pile up listeners. */
const unfinished = new Set<string>();

function removeUnfinished(): void {
	for (const temp of unfinished) {
		try {
			unlinkSync(temp);
		} catch {
			// Already gone.
		}
	}
}

/** Moves the finished temporary file to `path`: a rename replaces; a hard link refuses a file that appeared meanwhile. */
async function place(temp: string, path: string, overwrite: boolean): Promise<void> {
	if (overwrite) {
		await rename(temp, path);
		return;
	}
	try {
		await link(temp, path);
	} catch (error) {
		const code = (error as {code?: string}).code;
		// Some file systems have no hard links: fall back to a rename after one more look.
		if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
		if (await exists(path)) throw codeError('EEXIST', path);
		await rename(temp, path);
		return;
	}
	await unlink(temp);
}

async function exists(path: string): Promise<boolean> {
	try {
		await access(path);
		return true;
	} catch {
		return false;
	}
}
