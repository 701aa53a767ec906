import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {existsSync} from 'node:fs';
import {mkdtemp, readdir, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {loadImages, requestSaveImages, saveImages} from '../../source/actions/image-archive.js';
import type {Engine} from '../../source/engine/engine.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore, type Store} from '../../source/store/store.js';
import {resolveTarget} from '../../source/engine/connection.js';
import {createEngine} from '../../source/engine/engine.js';
import {docker, testImage} from '../helpers/engine.js';
import {secondHost} from '../helpers/second-engine.js';
import {testEngine} from '../helpers/live-sync.js';

/** Save and load against the private engine: a round trip, and no partial file on error or cancel. */
describe('save and load on the real engine', () => {
	const suffix = randomBytes(3).toString('hex');
	const reference = `porthole-test/archive-${suffix}:1`;
	let engine: Engine;
	let store: Store;
	let dir: string;
	const context = () => ({engine, store});
	const notice = () => store.getSnapshot().notice?.text ?? '';
	const imageId = async (name: string) => (await docker('image', 'inspect', '--format', '{{.Id}}', name)).trim();

	before(async () => {
		engine = testEngine();
		store = createStore(initialState({target: engine.description}), {batchMs: 0});
		dir = await mkdtemp(join(tmpdir(), 'porthole-archive-'));
		await docker('tag', testImage, reference);
	});

	after(async () => {
		await rm(dir, {recursive: true, force: true});
		await docker('rmi', reference).catch(() => undefined);
	});

	it('saves an image to a tar with progress in bytes, and loads it back with the same ID', async () => {
		const id = await imageId(reference);
		const path = join(dir, 'round.tar');
		const saved = await saveImages(context(), [reference], path, {overwrite: false, expected: 1});
		assert.equal(saved?.state, 'done', saved?.error);
		assert.equal(saved?.kind, 'save');
		const size = (await stat(path)).size;
		assert.ok(size > 100_000, `tar of ${size} bytes`);
		assert.equal(saved?.layers[0]?.current, size);
		assert.match(notice(), new RegExp(`^saved ${reference.replace('/', '\\/')} to .*round\\.tar \\(.*, ${size} bytes\\)$`));
		assert.deepEqual((await readdir(dir)).sort(), ['round.tar'], 'no temporary file is left beside it');
		await docker('rmi', reference);
		const loaded = await loadImages(context(), path);
		assert.equal(loaded?.state, 'done', loaded?.error);
		assert.equal(loaded?.layers[0]?.current, size);
		assert.match(notice(), new RegExp(`^loaded ${reference.replace('/', '\\/')} from `));
		assert.equal(await imageId(reference), id);
	});

	it('loads the tar on a second engine with the identical image ID', async () => {
		const path = join(dir, 'travel.tar');
		const saved = await saveImages(context(), [reference], path, {overwrite: false});
		assert.equal(saved?.state, 'done', saved?.error);
		const other = createEngine(resolveTarget({host: secondHost(), env: {}, homeDir: '/nonexistent'}));
		const otherStore = createStore(initialState({target: other.description}), {batchMs: 0});
		try {
			await other.removeImage(reference, {force: true}).catch(() => undefined);
			const loaded = await loadImages({engine: other, store: otherStore}, path);
			assert.equal(loaded?.state, 'done', loaded?.error);
			const there = (await other.inspectJson('image', reference)) as {Id?: string};
			assert.equal(there.Id, await imageId(reference));
		} finally {
			await other.removeImage(reference, {force: true}).catch(() => undefined);
			await other.close();
		}
	});

	it('leaves no file when the image does not exist', async () => {
		const path = join(dir, 'missing.tar');
		const result = await saveImages(context(), [`porthole-test/no-such-${suffix}:x`], path, {overwrite: false});
		assert.equal(result?.state, 'failed');
		assert.match(notice(), /^save failed: /);
		assert.equal(existsSync(path), false);
		assert.deepEqual((await readdir(dir)).filter(name => name.includes('missing')), []);
	});

	it('leaves no file when cancelled', async () => {
		const path = join(dir, 'cancelled.tar');
		const running = saveImages(context(), [reference], path, {overwrite: false});
		store.getSnapshot().resources.pull?.cancel();
		const result = await running;
		assert.equal(result?.state, 'cancelled');
		assert.match(notice(), /cancelled; no file written/);
		assert.deepEqual((await readdir(dir)).filter(name => name.includes('cancelled')), []);
	});

	it('never overwrites an existing file without a yes', async () => {
		const path = join(dir, 'kept.tar');
		await writeFile(path, 'precious');
		requestSaveImages(context(), [reference], path);
		const confirm = store.getSnapshot().ui.confirm;
		assert.equal(confirm?.title, 'Overwrite');
		assert.equal(await readFile(path, 'utf8'), 'precious');
		confirm!.run();
		await new Promise<void>(resolve => {
			const stop = store.subscribe(() => {
				if (store.getSnapshot().resources.pull?.state !== 'running') {
					stop();
					resolve();
				}
			});
		});
		assert.ok((await stat(path)).size > 100_000);
	});

	it('says in one line why a file that is not a tar will not load', async () => {
		const path = join(dir, 'junk.tar');
		await writeFile(path, 'this is not a tar archive\n'.repeat(100));
		const result = await loadImages(context(), path);
		assert.equal(result?.state, 'failed');
		assert.match(notice(), /^load failed: ./);
		assert.ok(!notice().includes('\n'));
		const missing = await loadImages(context(), join(dir, 'nothing-here.tar'));
		assert.equal(missing, undefined);
		assert.match(notice(), /^load failed: ENOENT /);
	});
});
