import {lstat, readdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {Readable} from 'node:stream';
import {isIgnored, parseDockerignore, skipsFolder, type IgnoreRule} from '../domain/dockerignore.js';

/** A build context ready to send: what goes in it, and its size before it is sent. */
export type BuildContext = {
	/** The folder, absolute. */
	root: string;
	/** Paths relative to the root, `/`-separated, sorted: regular files and symbolic links (never followed). */
	entries: string[];
	/** Bytes of the regular files (the tar adds 512 bytes of header and padding per entry). */
	bytes: number;
	/** Entries .dockerignore left out. */
	ignored: number;
};

/** Entries a context may hold; a folder with more is refused rather than read without end. */
export const maxContextEntries = 200_000;

/**
 * Walks a build folder as the engine would see it: .dockerignore applied
 * (the Dockerfile and .dockerignore are always sent), symbolic links taken as
 * links and never followed, so nothing outside the folder is read.
 */
export async function readBuildContext(root: string, dockerfile = 'Dockerfile'): Promise<BuildContext> {
	let rules: IgnoreRule[] = [];
	try {
		rules = parseDockerignore(await readFile(join(root, '.dockerignore'), 'utf8'));
	} catch (error) {
		if ((error as {code?: string}).code !== 'ENOENT') throw error;
	}
	const always = new Set([dockerfile, '.dockerignore']);
	const entries: string[] = [];
	let bytes = 0;
	let ignored = 0;
	const walk = async (relative: string): Promise<void> => {
		const names = (await readdir(join(root, relative))).sort();
		for (const name of names) {
			const path = relative ? `${relative}/${name}` : name;
			const info = await lstat(join(root, path));
			if (info.isDirectory()) {
				if (skipsFolder(rules, path)) {
					ignored++;
					continue;
				}
				await walk(path);
				continue;
			}
			if (isIgnored(rules, path) && !always.has(path)) {
				ignored++;
				continue;
			}
			if (!info.isFile() && !info.isSymbolicLink()) continue;
			if (entries.length >= maxContextEntries) throw new Error(`the build folder holds more than ${maxContextEntries} files`);
			entries.push(path);
			if (info.isFile()) bytes += info.size;
		}
	};
	await walk('');
	return {root, entries, bytes, ignored};
}

/** The context as a tar stream of exactly its entries (links stored as links). The caller owns the stream. tar-fs loads on first use, off the path to the first frame. */
export async function packBuildContext(context: BuildContext): Promise<Readable> {
	const {default: tar} = await import('tar-fs');
	return tar.pack(context.root, {entries: context.entries}) as unknown as Readable;
}
