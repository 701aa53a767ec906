import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {removeTree} from '../../../source/engine/remove-tree.js';

/*
 * ssh, exiting, unlinks its sockets in a tunnel's folder while Porthole's
 * exit handler removes that folder. Node's rmSync, when entries vanish under
 * its walk, stops partway with no error (force) and leaves the folder: a
 * crash left it behind in CI. Here another process unlinks files while the
 * folder is removed, a few times over (plain rmSync left it in 2 of 6).
 */
describe('removing a folder while another process unlinks in it', () => {
	it('leaves nothing, each time', async () => {
		for (let round = 0; round < 6; round++) {
			const dir = mkdtempSync(join(tmpdir(), 'porthole-remove-'));
			const files = 15_000;
			for (let index = 0; index < files; index++) writeFileSync(join(dir, `f${index}`), '');
			const unlinker = spawn('sh', ['-c', `sleep 0.05; cd '${dir}' && i=${files - 1}; while [ $i -ge 0 ]; do rm -f f$i; i=$((i-1)); done`], {stdio: 'ignore'});
			const start = Date.now();
			while (Date.now() - start < 60) {
				// Until the unlinker has begun.
			}
			try {
				removeTree(dir);
				assert.equal(existsSync(dir), false, `round ${round}: the folder is gone`);
			} finally {
				unlinker.kill();
				rmSync(dir, {recursive: true, force: true, maxRetries: 3});
			}
		}
	});
});

describe('removeTree on what a tunnel folder may hold', () => {
	// Each case makes `target` (in a scratch folder) and, beside it, `outside`, which must survive.
	const cases: Array<{name: string; make: (target: string, outside: string) => void}> = [
		{name: 'nested folders and files', make: target => {
			mkdirSync(join(target, 'a', 'b'), {recursive: true});
			writeFileSync(join(target, 'a', 'b', 'socket'), '');
			writeFileSync(join(target, 'control'), '');
		}},
		{name: 'a link to a folder outside: the link goes, the folder stays whole', make: (target, outside) => {
			mkdirSync(target);
			symlinkSync(outside, join(target, 'link'));
		}},
		{name: 'a file, not a folder', make: target => writeFileSync(target, '')},
		{name: 'nothing there at all', make: () => undefined},
	];
	for (const {name, make} of cases) {
		it(name, () => {
			const scratch = mkdtempSync(join(tmpdir(), 'porthole-remove-'));
			try {
				const outside = join(scratch, 'outside');
				mkdirSync(outside);
				writeFileSync(join(outside, 'keep'), 'kept');
				const target = join(scratch, 'target');
				make(target, outside);
				removeTree(target);
				assert.equal(existsSync(target), false);
				assert.equal(existsSync(join(outside, 'keep')), true, 'nothing outside the folder was touched');
			} finally {
				rmSync(scratch, {recursive: true, force: true});
			}
		});
	}
});
