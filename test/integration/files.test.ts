import assert from 'node:assert/strict';
import {createHash, randomBytes} from 'node:crypto';
import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import tarStream from 'tar-stream';
import {copyEntryOut, copyIntoFolder, goToFolder, goUp, openEntry, openFileBrowser} from '../../source/actions/files-actions.js';
import type {Engine} from '../../source/engine/engine.js';
import type {FileRow} from '../../source/store/files-slice.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore, type Store} from '../../source/store/store.js';
import {setView} from '../../source/store/ui-slice.js';
import {docker, TestContainers} from '../helpers/engine.js';
import {testEngine} from '../helpers/live-sync.js';
import {waitFor} from '../helpers/wait.js';

const md5 = (data: Buffer) => createHash('md5').update(data).digest('hex');

describe('the file browser on the private engine', () => {
	const containers = new TestContainers();
	const noShellImage = `porthole-test/noshell-${randomBytes(3).toString('hex')}:1`;
	let engine: Engine;
	let store: Store;
	let dir: string;
	let id: string;
	let name: string;
	let blob: Buffer;
	const context = () => ({engine, store});
	const files = () => store.getSnapshot().files;
	const row = (entry: string): FileRow | undefined => files()?.rows.find(each => each.name === entry);
	const notice = () => store.getSnapshot().notice?.text ?? '';
	const select = (entry: string) => store.update(state => ({...state, files: {...state.files!, selected: state.files!.rows.findIndex(each => each.name === entry)}}));

	before(async () => {
		engine = testEngine();
		store = createStore(initialState({target: engine.description}), {batchMs: 0});
		dir = await mkdtemp(join(tmpdir(), 'porthole-files-'));
		name = containers.name('files');
		id = (await containers.run(name, ['sh', '-c', 'mkdir -p /data/sub/deep && head -c 300000 /dev/urandom > /data/sub/blob && head -c 12345 /dev/zero > /data/known && echo deep > /data/sub/deep/note && ln -s /data/sub /data/sublink && ln -s known /data/rel && ln -s /nowhere /data/dangling && sleep 300'])).trim();
		blob = Buffer.from((await docker('exec', name, 'sh', '-c', 'sleep 0.2; base64 /data/sub/blob')).replace(/\s+/g, ''), 'base64');
		assert.equal(blob.length, 300000);
	});

	after(async () => {
		files()?.cancel?.();
		await containers.cleanup();
		await docker('rmi', '-f', noShellImage).catch(() => undefined);
		await rm(dir, {recursive: true, force: true});
	});

	it('lists /etc of a running busybox container with sizes, modes and a link target', async () => {
		const state = await openFileBrowser(context(), {id, name}, '/etc');
		assert.equal(state?.status, 'done', state?.message);
		const passwdSize = Number((await docker('exec', name, 'sh', '-c', 'wc -c < /etc/passwd')).trim());
		assert.equal(row('passwd')?.size, passwdSize);
		assert.equal(row('passwd')?.kind, 'file');
		assert.equal(row('mtab')?.kind, 'link');
		assert.equal(row('mtab')?.linkTarget, '/proc/mounts');
		assert.equal(store.getSnapshot().ui.view, 'files');
	});

	it('walks /data: a known size, folder totals, links followed, and back up', async () => {
		await goToFolder(context(), '/data');
		assert.equal(files()?.status, 'done', files()?.message);
		assert.equal(row('known')?.size, 12345);
		assert.equal(row('sub')?.kind, 'dir');
		assert.equal(row('sub')?.size, 300000 + 5, 'the folder total is the sum of the files under it');
		assert.equal(row('sublink')?.linkTarget, '/data/sub');
		assert.equal(row('rel')?.linkTarget, 'known');
		select('sublink');
		await openEntry(context());
		assert.equal(files()?.path, '/data/sub');
		assert.deepEqual(files()?.rows.map(each => each.name), ['deep', 'blob']);
		await goUp(context());
		assert.equal(files()?.path, '/data');
		assert.equal(files()?.rows[files()!.selected]?.name, 'sub', 'the cursor is on the folder left');
		select('rel');
		await openEntry(context());
		assert.equal(files()?.path, '/data');
		assert.match(notice(), /\/data\/known is not a folder/);
		select('dangling');
		await openEntry(context());
		assert.match(notice(), /\/nowhere is not there \(a dangling link\)/);
	});

	it('copies a folder out through the browser byte for byte, with progress, and never replaces a local file', async () => {
		await goToFolder(context(), '/data');
		select('sub');
		const seen: number[] = [];
		const unsubscribe = store.subscribe(() => {
			const transfer = files()?.transfer;
			if (transfer) seen.push(transfer.bytes);
		});
		const out = join(dir, 'out');
		try {
			assert.equal(await copyEntryOut(context(), row('sub')!, out), true, notice());
		} finally {
			unsubscribe();
		}
		assert.ok(seen.some(bytes => bytes >= 256 * 1024), `progress was shown: ${seen.join(',')}`);
		assert.equal(files()?.transfer, undefined);
		assert.equal(md5(await readFile(join(out, 'sub/blob'))), md5(blob));
		assert.equal(await readFile(join(out, 'sub/deep/note'), 'utf8'), 'deep\n');
		// The browser's copy goes through the safe extractor: an existing file is not replaced, and the refusal is said.
		const again = join(dir, 'again');
		await mkdir(join(again, 'sub'), {recursive: true});
		await writeFile(join(again, 'sub/blob'), 'mine');
		assert.equal(await copyEntryOut(context(), row('sub')!, again), false);
		assert.match(notice(), /: 1 file, .*; sub\/blob is already there$/);
		assert.equal(await readFile(join(again, 'sub/blob'), 'utf8'), 'mine');
	});

	it('Esc cancels a large copy out', async () => {
		await docker('exec', name, 'sh', '-c', 'head -c 200000000 /dev/zero > /data/big');
		await goToFolder(context(), '/data');
		select('big');
		const unsubscribe = store.subscribe(() => {
			if ((files()?.transfer?.bytes ?? 0) > 0) files()?.transfer?.cancel();
		});
		try {
			assert.equal(await copyEntryOut(context(), row('big')!, join(dir, 'big')), false);
		} finally {
			unsubscribe();
		}
		assert.match(notice(), /^copy of files-.*:\/data\/big cancelled; the files that had arrived whole stay in /);
		// The file cut short is removed once its writer sees the stream end.
		await waitFor(() => !existsSync(join(dir, 'big', 'big')), {what: 'the partial file to go'});
		assert.equal(files()?.transfer, undefined);
		// The test image has no rm applet: empty the file instead.
		await docker('exec', name, 'sh', '-c', ': > /data/big');
	});

	it('leaving the view by another way than Esc (: to images) stops the listing and its stream', async () => {
		await docker('exec', name, 'sh', '-c', 'head -c 200000000 /dev/zero > /data/big');
		try {
			store.update(state => setView(state, 'files'));
			const reading = goToFolder(context(), '/data');
			await waitFor(() => (files()?.read ?? 0) > 0, {what: 'the listing to be reading the big file'});
			store.update(state => setView(state, 'images'));
			const started = Date.now();
			const shown = await reading;
			assert.ok(Date.now() - started < 5000, 'the read stopped at once, not after 200 MB');
			assert.equal(shown?.status, 'error');
			assert.match(shown?.message ?? '', /^listing stopped when the view was left; R reads it again$/);
		} finally {
			await docker('exec', name, 'sh', '-c', ': > /data/big');
			store.update(state => setView(state, 'files'));
		}
	});

	it('copies a local folder into the folder shown, and shows it', async () => {
		const local = join(dir, 'local');
		await mkdir(join(local, 'inner'), {recursive: true});
		await writeFile(join(local, 'inner/x.txt'), 'from here');
		await goToFolder(context(), '/tmp');
		assert.equal(await copyIntoFolder(context(), local), true, notice());
		assert.equal(files()?.path, '/tmp');
		assert.equal(row('local')?.kind, 'dir');
		assert.equal(row('local')?.size, 9);
		assert.equal(await docker('exec', name, 'cat', '/tmp/local/inner/x.txt'), 'from here');
	});

	it('works on a stopped container', async () => {
		await docker('stop', '-t', '0', name);
		await openFileBrowser(context(), {id, name}, '/etc');
		assert.equal(files()?.status, 'done', files()?.message);
		assert.ok(row('passwd'), 'passwd listed');
		await goToFolder(context(), '/data/sub');
		assert.deepEqual(files()?.rows.map(each => each.name), ['deep', 'blob']);
	});

	it('works in an image with no shell at all', async () => {
		const pack = tarStream.pack();
		pack.entry({name: 'app/', type: 'directory', mode: 0o755});
		pack.entry({name: 'app/hello', type: 'file', mode: 0o755}, 'not a shell');
		pack.entry({name: 'app/link', type: 'symlink', linkname: 'hello'});
		pack.finalize();
		const chunks: Buffer[] = [];
		for await (const chunk of pack) chunks.push(chunk as Buffer);
		const tarPath = join(dir, 'noshell.tar');
		await writeFile(tarPath, Buffer.concat(chunks));
		await docker('import', tarPath, noShellImage);
		const noShell = containers.name('noshell');
		const noShellId = (await docker('create', '--name', noShell, '--label', containers.label, noShellImage, '/app/hello')).trim();
		await openFileBrowser(context(), {id: noShellId, name: noShell});
		assert.equal(files()?.status, 'done', files()?.message);
		assert.ok(row('app'), files()?.rows.map(each => each.name).join(','));
		await goToFolder(context(), '/app');
		assert.deepEqual(files()?.rows.map(each => `${each.name} ${each.kind} ${each.size}`), ['hello file 11', 'link link 0']);
	});

	it('a listing is bounded: a folder with more bytes than the bound says it was truncated', async () => {
		await openFileBrowser(context(), {id, name}, '/bin', {entries: 100_000, children: 5000, bytes: 64 * 1024});
		assert.equal(files()?.status, 'done');
		assert.equal(files()?.truncated, 'bytes');
		assert.match(files()?.message ?? '', /^listing truncated after /);
	});

	it('a folder that is not there is an error in the view', async () => {
		await goToFolder(context(), '/no/such');
		assert.equal(files()?.status, 'error');
		assert.match(files()?.message ?? '', /^no folder \/no\/such in files-/);
	});
});
