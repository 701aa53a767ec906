import {lstat, mkdir, open, symlink, unlink} from 'node:fs/promises';
import {dirname, isAbsolute, join, relative, resolve, sep} from 'node:path';
import type {Readable} from 'node:stream';
import {cleanPath} from '../domain/dockerignore.js';

/** What an extraction wrote, and what it refused because it would have left the destination. */
export type ExtractResult = {files: number; folders: number; links: number; bytes: number; refused: string[]};

/** Whether `path` is `root` or inside it, by resolved names. */
export function inside(root: string, path: string): boolean {
	const rel = relative(root, path);
	return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Throws when any folder between `root` and `path` is a symbolic link, so a write can never pass through one. */
async function noLinkOnTheWay(root: string, path: string): Promise<void> {
	const parts = relative(root, dirname(path)).split(sep).filter(Boolean);
	let current = root;
	for (const part of parts) {
		current = join(current, part);
		const info = await lstat(current).catch(() => undefined);
		if (info?.isSymbolicLink()) throw new Error(`refused: ${relative(root, current)} is a link`);
	}
}

/**
 * Hands each chunk of one entry's body to `write`, one at a time. Settles
 * when the body ends, and rejects when it fails or is closed before its end:
 * tar-stream closes the entry when the whole extract is destroyed (a cancel,
 * a broken archive) without ending or failing it, so an iterator over it
 * would wait, and hold its file open, for ever.
 */
function copyBody(stream: Readable, write: (chunk: Buffer) => Promise<void>): Promise<void> {
	return new Promise((resolveBody, reject) => {
		let ended = false;
		let writing = Promise.resolve();
		stream.on('data', (chunk: Buffer) => {
			stream.pause();
			writing = writing.then(() => write(chunk)).then(() => void stream.resume());
			writing.catch(reject);
		});
		stream.on('end', () => {
			ended = true;
			writing.then(resolveBody, reject);
		});
		stream.on('error', reject);
		stream.on('close', () => {
			if (!ended) reject(new Error('the archive ended inside a file'));
		});
	});
}

/**
 * Extracts an untrusted tar (from the engine) into `root`, which must exist.
 * Nothing is written outside it: names are cleaned of `..` and leading `/`,
 * a file is never written through a symbolic link (every folder on the way
 * is checked, and files are created exclusively, so an existing file or link
 * is not followed or replaced), links whose target would point outside are
 * refused, and modes lose setuid, setgid and sticky bits. Refused entries
 * are listed, not fatal. `onBytes` reports the file bytes written so far.
 * A file cut short by a cancel or a broken stream is removed.
 */
/** Turns "EEXIST: file already exists, open '…'" into the refusal it is: a file of the user's is never replaced. */
function alreadyThere(name: string): (error: NodeJS.ErrnoException) => never {
	return error => {
		if (error.code === 'EEXIST') throw new Error(`refused: ${name} is already there`);
		throw error;
	};
}

export async function extractSafely(archive: Readable, root: string, onBytes: (bytes: number) => void = () => undefined): Promise<ExtractResult> {
	const base = resolve(root);
	const result: ExtractResult = {files: 0, folders: 0, links: 0, bytes: 0, refused: []};
	// tar-stream loads on first use, off the path to the first frame.
	const {default: tarStream} = await import('tar-stream');
	const extract = tarStream.extract();
	const done = new Promise<void>((resolveDone, reject) => {
		extract.on('finish', () => resolveDone());
		extract.on('error', error => reject(error));
		archive.on('error', error => extract.destroy(error as Error));
	});
	extract.on('entry', (header, stream, next) => {
		const work = async () => {
			const name = cleanPath(header.name);
			const target = resolve(base, name);
			if (name === '' && header.type === 'directory') return;
			if (name === '' || !inside(base, target)) throw new Error(`refused: ${header.name} is outside`);
			await noLinkOnTheWay(base, target);
			const mode = (header.mode ?? 0o644) & 0o777;
			if (header.type === 'directory') {
				await mkdir(target, {recursive: true, mode: mode | 0o700});
				result.folders++;
			} else if (header.type === 'symlink') {
				const link = header.linkname ?? '';
				if (isAbsolute(link) || !inside(base, resolve(dirname(target), link))) throw new Error(`refused: link ${header.name} -> ${link} points outside`);
				await mkdir(dirname(target), {recursive: true});
				await symlink(link, target).catch(alreadyThere(name));
				result.links++;
			} else if (header.type === 'file' || header.type === undefined) {
				await mkdir(dirname(target), {recursive: true});
				await noLinkOnTheWay(base, target);
				const file = await open(target, 'wx', mode).catch(alreadyThere(name));
				let whole = false;
				try {
					await copyBody(stream, async chunk => {
						await file.write(chunk);
						result.bytes += chunk.length;
						onBytes(result.bytes);
					});
					whole = true;
				} finally {
					await file.close();
					// A file cut short (a cancel, a broken stream) goes: it was created here ('wx'), so nothing of the user's is lost.
					if (!whole) await unlink(target).catch(() => undefined);
				}
				result.files++;
			} else {
				throw new Error(`refused: ${header.name} is a ${header.type ?? 'special'} entry`);
			}
		};
		work().then(() => {
			stream.resume();
			next();
		}, (error: Error) => {
			result.refused.push(error.message.replace(/^refused: /, ''));
			stream.resume();
			next();
		});
	});
	archive.pipe(extract);
	await done;
	return result;
}
