import {existsSync, readdirSync, rmdirSync, unlinkSync} from 'node:fs';
import {join} from 'node:path';

const vanished = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Removes `path` (a folder and what is in it, or a file), taking an entry that is already gone as removed. */
function removeWalk(path: string): void {
	let entries;
	try {
		entries = readdirSync(path, {withFileTypes: true});
	} catch (error) {
		if (vanished(error)) return;
		if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
		entries = undefined;
	}
	if (!entries) {
		try {
			unlinkSync(path);
		} catch (error) {
			if (!vanished(error)) throw error;
		}
		return;
	}
	for (const entry of entries) {
		const child = join(path, entry.name);
		if (entry.isDirectory()) {
			removeWalk(child);
			continue;
		}
		try {
			unlinkSync(child);
		} catch (error) {
			if (!vanished(error)) throw error;
		}
	}
	try {
		rmdirSync(path);
	} catch (error) {
		if (!vanished(error)) throw error;
	}
}

/**
 * Removes a folder and everything in it, even while another process unlinks
 * entries in it (ssh, exiting, removes its sockets from a tunnel's folder).
 * Node's rmSync, when an entry vanishes under its walk, stops there with no
 * error under `force` and leaves the folder, and passes of it kept colliding
 * on a fast machine; this walk counts a vanished entry as removed and goes on.
 * Another pass is for entries added meanwhile (the folder not empty). Never throws.
 */
export function removeTree(dir: string, passes = 5): void {
	for (let pass = 0; pass < passes; pass++) {
		try {
			removeWalk(dir);
		} catch {
			// Not empty yet, or not ours to remove: the next pass sees what is left.
		}
		if (!existsSync(dir)) return;
	}
}
