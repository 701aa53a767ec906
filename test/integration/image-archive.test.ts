import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {existsSync} from 'node:fs';
import {mkdtemp, readdir, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {askSaveMarked, loadImages, requestSaveImages, saveImages} from '../../source/actions/image-archive.js';
import type {Engine} from '../../source/engine/engine.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore, type Store} from '../../source/store/store.js';
import {resolveTarget} from '../../source/engine/connection.js';
import {createEngine} from '../../source/engine/engine.js';
import {docker, testImage} from '../helpers/engine.js';
import {secondHost} from '../helpers/second-engine.js';
import {startLiveSync, testEngine, type LiveSync} from '../helpers/live-sync.js';
import {dispatchKey} from '../../source/actions/dispatch.js';
import {setUi, setView} from '../../source/store/ui-slice.js';
import {waitFor} from '../helpers/wait.js';

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
		assert.match(notice(), /^load failed: no \/.*\/nothing-here\.tar$/);
	});

	// A default name in the prompt with a path typed after it made "x.tar/tmp/y.tar": the status bar said "ENOENT <path>".
	it('says in words that the folder to save into is not there', async () => {
		const path = join(dir, 'x.tar', 'tmp', 'y.tar');
		const result = await saveImages(context(), [testImage], path, {overwrite: false});
		assert.equal(result?.state, 'failed');
		assert.equal(notice(), `save failed: no folder ${join(dir, 'x.tar', 'tmp')}`);
	});
});

/** Several marked images into one tar (`docker save a b`), loaded on a second engine with both IDs intact. */
describe('save of marked images on the real engine', () => {
	const suffix = randomBytes(3).toString('hex');
	const first = `porthole-test/marked-${suffix}:1`;
	const second = `porthole-test/marked-${suffix}:2`;
	let live: LiveSync;
	let dir: string;
	let helper = '';
	const imageId = async (name: string) => (await docker('image', 'inspect', '--format', '{{.Id}}', name)).trim();
	const press = (...keys: string[]) => {
		for (const key of keys) dispatchKey(key, key, {engine: live.engine, store: live.store, quit: () => {}});
	};

	before(async () => {
		dir = await mkdtemp(join(tmpdir(), 'porthole-marked-'));
		await docker('tag', testImage, first);
		// The second image is a different image (its own ID), made from a container with a label of its own.
		helper = (await docker('create', '--label', `porthole-test-marked=${suffix}`, testImage, 'true')).trim();
		await docker('commit', '--change', `LABEL porthole.marked=${suffix}`, helper, second);
		live = await startLiveSync();
		live.store.update(state => setView(state, 'images'));
		await waitFor(() => [first, second].every(tag => live.store.getSnapshot().resources.images.some(image => image.tags.includes(tag))), {timeoutMs: 30_000, what: 'both images listed'});
	});

	after(async () => {
		await live?.stop();
		await rm(dir, {recursive: true, force: true});
		if (helper) await docker('rm', '-f', helper).catch(() => undefined);
		await docker('rmi', first, second).catch(() => undefined);
	});

	it('marks two images, S saves both into one tar, and the second engine loads both with identical IDs', async () => {
		const ids = [await imageId(first), await imageId(second)];
		assert.notEqual(ids[0], ids[1], 'two different images');
		live.store.update(state => setUi(state, {filter: `marked-${suffix}`}));
		press('ctrl+a', 'S');
		const prompt = live.store.getSnapshot().ui.prompt;
		assert.equal(prompt?.label, `save 2 images (${first} and ${second}) to `);
		assert.equal(prompt?.text, `porthole-test_marked-${suffix}_1-and-1-more.tar`);
		const path = join(dir, 'both.tar');
		prompt!.submit!(path);
		await waitFor(() => live.store.getSnapshot().resources.pull?.state !== 'running' ? live.store.getSnapshot().resources.pull : undefined, {timeoutMs: 60_000, what: 'the save to end'});
		const pull = live.store.getSnapshot().resources.pull;
		assert.equal(pull?.state, 'done', pull?.error);
		const size = (await stat(path)).size;
		assert.equal(pull?.layers[0]?.current, size, 'progress counts the bytes of the tar');
		assert.match(live.store.getSnapshot().notice?.text ?? '', new RegExp(`^saved ${first.replace('/', '\\/')}, ${second.replace('/', '\\/')} to .*both\\.tar \\(.*, ${size} bytes\\)$`));
		assert.deepEqual(await readdir(dir), ['both.tar']);

		const other = createEngine(resolveTarget({host: secondHost(), env: {}, homeDir: '/nonexistent'}));
		const otherStore = createStore(initialState({target: other.description}), {batchMs: 0});
		try {
			for (const tag of [first, second]) await other.removeImage(tag, {force: true}).catch(() => undefined);
			const loaded = await loadImages({engine: other, store: otherStore}, path);
			assert.equal(loaded?.state, 'done', loaded?.error);
			assert.match(otherStore.getSnapshot().notice?.text ?? '', new RegExp(`^loaded .*${second.replace('/', '\\/')}`));
			const there = await Promise.all([first, second].map(async tag => ((await other.inspectJson('image', tag)) as {Id?: string}).Id));
			assert.deepEqual(there, ids);
		} finally {
			for (const tag of [first, second]) await other.removeImage(tag, {force: true}).catch(() => undefined);
			await other.close();
		}
	});

	it('refuses marks on several hosts: one tar comes from one engine', async () => {
		const rows = [first, second].map((tag, index) => ({key: tag, tag, kind: 'tagged' as const, image: {...live.store.getSnapshot().resources.images.find(image => image.tags.includes(tag))!, host: `host${index}`}}));
		live.store.update(state => setUi(state, {prompt: undefined}));
		askSaveMarked({engine: live.engine, store: live.store}, rows);
		assert.equal(live.store.getSnapshot().ui.prompt, undefined);
		assert.match(live.store.getSnapshot().notice?.text ?? '', /^save: the marked images are on 2 hosts/);
	});
});
