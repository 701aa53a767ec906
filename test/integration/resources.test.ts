import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {after, before, describe, it} from 'node:test';
import {pruneImages, pullImage, removeImage} from '../../source/actions/image-actions.js';
import {askRemoveVolume, removeVolume} from '../../source/actions/volume-actions.js';
import type {Engine} from '../../source/engine/engine.js';
import {ConflictError} from '../../source/engine/resource-errors.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore, type Store} from '../../source/store/store.js';
import {setUi} from '../../source/store/ui-slice.js';
import {Sync} from '../../source/sync/sync.js';
import {formatSize} from '../../source/format/resource-text.js';
import {docker, testImage, TestContainers} from '../helpers/engine.js';
import {testEngine} from '../helpers/live-sync.js';
import {testRegistry} from '../helpers/registry.js';
import {waitFor} from '../helpers/wait.js';

/** Images, volumes and pulls against the private engine and the local registry. */
describe('images, volumes and pulls on the real engine', () => {
	const containers = new TestContainers();
	const tag = randomBytes(3).toString('hex');
	const repo = `porthole-test/p5-${tag}`;
	const volumes: string[] = [];
	let live: {engine: Engine; store: Store; stop: () => Promise<void>};
	let registry: string;
	const context = () => ({engine: live.engine, store: live.store});
	const notice = () => live.store.getSnapshot().notice?.text ?? '';

	/** A new image of our own: busybox plus `bytes` of random data, labelled, tagged `name` (or dangling when undefined). */
	const buildImage = async (name: string | undefined, bytes: number): Promise<string> => {
		const builder = containers.name('p5-build');
		await docker('run', '--name', builder, '--label', containers.label, testImage, 'sh', '-c', `head -c ${bytes} /dev/urandom > /blob`);
		const id = await docker('commit', '-c', `LABEL ${containers.label}`, builder, ...(name ? [name] : []));
		await docker('rm', builder);
		return id;
	};

	before(async () => {
		registry = testRegistry();
		// The whole sync, as the app runs it, so image and volume events reach the lists through Sync.onEvent.
		const engine = testEngine();
		const store = createStore(initialState({target: engine.description}), {batchMs: 0});
		const controller = new AbortController();
		const running = new Sync(engine, store).run({signal: controller.signal});
		live = {engine, store, stop: async () => {
			controller.abort();
			await running;
		}};
		await waitFor(() => store.getSnapshot().connection.status === 'up' && store.getSnapshot().resources.loaded.images && store.getSnapshot().resources.loaded.volumes, {timeoutMs: 30_000, what: 'connected, images and volumes listed'});
	});

	after(async () => {
		await live?.stop();
		await containers.cleanup();
		for (const volume of volumes) await docker('volume', 'rm', '-f', volume).catch(() => undefined);
		const ours = (await docker('images', '-q', '--filter', `label=${containers.label}`)).split('\n').filter(Boolean);
		if (ours.length > 0) await docker('rmi', '-f', ...new Set(ours)).catch(() => undefined);
		await docker('rmi', `${registry}/busybox:layered`).catch(() => undefined);
	});

	it('pulls from the local registry with progress and ends with the image present', async () => {
		const reference = `${registry}/busybox:layered`;
		await docker('rmi', reference).catch(() => undefined);
		// Every state the pull passes through, read at each update: listeners are told once per
		// batch, and when the local registry's whole answer arrives in one read (a loaded CI
		// machine), the one notification came after the pull had returned and saw nothing.
		const seen: string[] = [];
		const store = live.store;
		const watched = {...store, update(change: Parameters<Store['update']>[0]) {
			store.update(change);
			for (const layer of store.getSnapshot().resources.pull?.layers ?? []) if (!seen.includes(layer.phase)) seen.push(layer.phase);
		}};
		const final = await pullImage({engine: live.engine, store: watched}, reference);
		assert.equal(final?.state, 'done', final?.error);
		assert.ok((final?.messages ?? 0) >= 5, `progress messages: ${final?.messages}`);
		assert.ok(final?.layers.some(layer => layer.phase === 'done' && layer.total > 2_000_000), 'the 3 MB layer was downloaded and extracted');
		assert.ok(seen.includes('downloading') || seen.includes('extracting'), `phases seen: ${seen.join(', ')}`);
		assert.match(await docker('image', 'inspect', '-f', '{{.Id}}', reference), /^sha256:/);
		assert.equal(notice(), `pulled ${reference}`);
	});

	it('explains a bad name and an unreachable registry in one line', async () => {
		const bad = await pullImage(context(), 'Not A Name');
		assert.equal(bad?.state, 'failed');
		assert.match(bad?.error ?? '', /not a valid image name/);
		const unreachable = await pullImage(context(), '127.0.0.1:1/nothing:here');
		assert.equal(unreachable?.state, 'failed');
		assert.match(unreachable?.error ?? '', /^cannot reach the registry for 127\.0\.0\.1:1\/nothing:here: .*connection refused/);
		assert.doesNotMatch(notice(), /\n/);
	});

	it('refuses to remove an image a container uses, then force is a second choice', async () => {
		const name = `${repo}:used`;
		await buildImage(name, 1000);
		const user = containers.name('p5-user');
		await docker('create', '--name', user, '--label', containers.label, name, 'true');
		await assert.rejects(live.engine.removeImage(name), ConflictError);
		await removeImage(context(), name, {force: false});
		assert.match(notice(), new RegExp(`refused: ${repo}:used is used by container ${user}`));
		const confirm = live.store.getSnapshot().ui.confirm;
		assert.equal(confirm?.title, 'Force remove image');
		assert.match(confirm?.question ?? '', new RegExp(user));
		assert.match(await docker('image', 'inspect', '-f', '{{.Id}}', name), /^sha256:/, 'still there');
		await removeImage(context(), name, {force: true});
		await assert.rejects(docker('image', 'inspect', name), 'gone after force');
	});

	it('refuses to remove a volume in use, naming the container', async () => {
		live.store.update(state => setUi(state, {confirm: undefined}));
		const volume = `p5-vol-${tag}`;
		volumes.push(volume);
		await docker('volume', 'create', '--label', containers.label, volume);
		const user = containers.name('p5-mounter');
		await docker('create', '--name', user, '--label', containers.label, '-v', `${volume}:/data`, testImage, 'true');
		await askRemoveVolume(context(), volume);
		assert.equal(notice(), `volume ${volume} is in use by container ${user}; remove it first`);
		assert.equal(live.store.getSnapshot().ui.confirm, undefined, 'no dialog for a removal the engine would refuse');
		await assert.rejects(live.engine.removeVolume(volume), ConflictError);
		await removeVolume(context(), volume);
		assert.equal(notice(), `volume ${volume} is in use by container ${user}; remove it first`);
		assert.equal(await docker('volume', 'inspect', '-f', '{{.Name}}', volume), volume);
	});

	it('prune reports the bytes the engine reports', async () => {
		const id = await buildImage(undefined, 300_000);
		const parent = Number(await docker('image', 'inspect', '-f', '{{.Size}}', testImage));
		const own = Number(await docker('image', 'inspect', '-f', '{{.Size}}', id)) - parent;
		let reported = -1;
		const real = live.engine.pruneImages;
		const engine = {...live.engine, pruneImages: async (options?: Parameters<typeof real>[0]) => {
			const result = await real(options);
			reported = result.spaceReclaimed;
			return result;
		}};
		await pruneImages({engine, store: live.store}, 'dangling', {labels: [containers.label]});
		assert.ok(own >= 300_000, `the image's own layer: ${own}`);
		assert.equal(reported, own, 'the engine reclaimed the layer it held');
		assert.equal(notice(), `pruned 1 image, reclaimed ${formatSize(own)} (${own} bytes)`);
		await assert.rejects(docker('image', 'inspect', id), 'the dangling image is gone');
	});

	it('events update the image and volume lists within 1 s', async () => {
		const extra = `${repo}:events`;
		let started = Date.now();
		await docker('tag', testImage, extra);
		await waitFor(() => live.store.getSnapshot().resources.images.some(image => image.tags.includes(extra)), {timeoutMs: 1000, what: `${extra} in the store`});
		const tagged = Date.now() - started;
		started = Date.now();
		await docker('rmi', extra);
		await waitFor(() => !live.store.getSnapshot().resources.images.some(image => image.tags.includes(extra)), {timeoutMs: 1000, what: `${extra} gone from the store`});
		const volume = `p5-ev-${tag}`;
		volumes.push(volume);
		started = Date.now();
		await docker('volume', 'create', '--label', containers.label, volume);
		await waitFor(() => live.store.getSnapshot().resources.volumes.some(row => row.name === volume), {timeoutMs: 1000, what: `${volume} in the store`});
		await docker('volume', 'rm', volume);
		await waitFor(() => !live.store.getSnapshot().resources.volumes.some(row => row.name === volume), {timeoutMs: 1000, what: `${volume} gone from the store`});
		assert.ok(Date.now() - started < 2000 && tagged < 1000);
	});
});
