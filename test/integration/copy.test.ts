import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Readable} from 'node:stream';
import {after, before, describe, it} from 'node:test';
import tarStream from 'tar-stream';
import {copyIn, copyOut} from '../../source/actions/copy-actions.js';
import type {Engine} from '../../source/engine/engine.js';
import {extractSafely} from '../../source/engine/safe-extract.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore, type Store} from '../../source/store/store.js';
import {docker, TestContainers} from '../helpers/engine.js';
import {testEngine} from '../helpers/live-sync.js';

/** A tar made of `entries`, as a hostile engine could send it. */
function hostileTar(entries: Array<{name: string; type?: 'file' | 'directory' | 'symlink' | 'link'; body?: string; linkname?: string; mode?: number}>): Readable {
	const pack = tarStream.pack();
	for (const entry of entries) pack.entry({name: entry.name, type: entry.type ?? 'file', linkname: entry.linkname, mode: entry.mode}, entry.type === 'file' || !entry.type ? entry.body ?? '' : undefined);
	pack.finalize();
	return pack;
}

describe('copying files out of and into a container', () => {
	const containers = new TestContainers();
	let engine: Engine;
	let store: Store;
	let dir: string;
	const context = () => ({engine, store});
	const notice = () => store.getSnapshot().notice?.text ?? '';

	before(async () => {
		engine = testEngine();
		store = createStore(initialState({target: engine.description}), {batchMs: 0});
		dir = await mkdtemp(join(tmpdir(), 'porthole-cp-'));
	});

	after(async () => {
		await containers.cleanup();
		await rm(dir, {recursive: true, force: true});
	});

	it('copies a folder out of a stopped container and back into another, byte for byte', async () => {
		const name = containers.name('cp-src');
		await containers.run(name, ['sh', '-c', 'mkdir -p /data/sub && head -c 70000 /dev/urandom > /data/sub/blob && echo hello > /data/hello.txt && ln -s hello.txt /data/link']);
		await docker('wait', name);
		const id = (await docker('inspect', '-f', '{{.Id}}', name)).trim();
		const out = join(dir, 'out');
		assert.equal(await copyOut(context(), {id, name}, '/data', out), true, notice());
		assert.match(notice(), /^copied cp-src-.*:\/data to .*out: 2 files, /);
		assert.equal(await readFile(join(out, 'data/hello.txt'), 'utf8'), 'hello\n');
		assert.equal((await lstat(join(out, 'data/link'))).isSymbolicLink(), true);
		const blob = await readFile(join(out, 'data/sub/blob'));
		assert.equal(blob.length, 70000);

		const target = containers.name('cp-dst');
		await containers.run(target, ['sleep', '300']);
		const targetId = (await docker('inspect', '-f', '{{.Id}}', target)).trim();
		assert.equal(await copyIn(context(), {id: targetId, name: target}, join(out, 'data'), '/tmp'), true, notice());
		const back = await docker('exec', target, 'sh', '-c', 'cat /tmp/data/sub/blob | md5sum; cat /tmp/data/hello.txt');
		const {createHash} = await import('node:crypto');
		assert.equal(back.split('\n')[0]!.split(' ')[0], createHash('md5').update(blob).digest('hex'));
		assert.equal(back.split('\n')[1], 'hello');
		// Again into the same folder: nothing of the first copy is replaced, and the status bar says nothing came.
		await writeFile(join(out, 'data/hello.txt'), 'edited here');
		assert.equal(await copyOut(context(), {id, name}, '/data/hello.txt', join(out, 'data')), false);
		assert.match(notice(), /^nothing copied of cp-src-.*:\/data\/hello\.txt to .*data: hello\.txt is already there$/);
		assert.equal(await readFile(join(out, 'data/hello.txt'), 'utf8'), 'edited here');
		assert.equal(await copyOut(context(), {id, name}, '/no/such', join(dir, 'none')), false);
		assert.match(notice(), /failed: no \/no\/such in the container$/);
	});

	it('writes nothing outside the destination whatever the archive holds', async () => {
		const root = join(dir, 'hostile', 'dest');
		const outside = join(dir, 'hostile', 'outside');
		await mkdir(root, {recursive: true});
		await mkdir(outside, {recursive: true});
		await writeFile(join(root, 'existing.txt'), 'mine');
		const result = await extractSafely(hostileTar([
			{name: '../escape.txt', body: 'x'},
			{name: 'a/../../escape2.txt', body: 'x'},
			{name: '/abs.txt', body: 'kept inside'},
			{name: 'out', type: 'symlink', linkname: outside},
			{name: 'out/pwned.txt', body: 'x'},
			{name: 'rel', type: 'symlink', linkname: '../outside'},
			{name: 'inner', type: 'symlink', linkname: 'abs.txt'},
			{name: 'hard', type: 'link', linkname: '/etc/passwd'},
			{name: 'existing.txt', body: 'replaced'},
			{name: 'suid', body: 'x', mode: 0o4755},
		]), root);
		assert.deepEqual(await readdir(outside), [], 'nothing written outside');
		assert.equal(existsSync(join(dir, 'hostile', 'escape.txt')), false);
		assert.equal(existsSync(join(dir, 'escape2.txt')), false);
		assert.equal(await readFile(join(root, 'abs.txt'), 'utf8'), 'kept inside');
		assert.equal(await readFile(join(root, 'existing.txt'), 'utf8'), 'mine');
		// `..` parts are cleaned away, as tar does: those files land inside.
		assert.equal(await readFile(join(root, 'escape.txt'), 'utf8'), 'x');
		assert.equal(await readFile(join(root, 'escape2.txt'), 'utf8'), 'x');
		// The link to outside was refused, so the file under its name made a real folder inside.
		assert.equal((await lstat(join(root, 'out'))).isDirectory(), true);
		assert.equal(existsSync(join(root, 'rel')), false);
		assert.equal((await lstat(join(root, 'inner'))).isSymbolicLink(), true);
		assert.equal((await lstat(join(root, 'suid'))).mode & 0o7777, 0o755);
		assert.deepEqual(result.refused.map(reason => reason.split(' ')[0]), ['link', 'link', 'hard', 'existing.txt'], result.refused.join('\n'));
		assert.equal(result.refused.at(-1), 'existing.txt is already there');
	});
});
