import {existsSync, rmSync} from 'node:fs';

/**
 * Removes a folder and everything in it, even while another process unlinks
 * entries in it (ssh, exiting, removes its sockets from a tunnel's folder):
 * Node's rmSync then stops partway through, with no error under `force`, and
 * leaves the folder. Another pass finishes it; a few at most.
 */
export function removeTree(dir: string, passes = 5): void {
	for (let pass = 0; pass < passes; pass++) {
		try {
			rmSync(dir, {recursive: true, force: true});
		} catch {
			// An entry changed under the walk: the next pass sees what is left.
		}
		if (!existsSync(dir)) return;
	}
}
