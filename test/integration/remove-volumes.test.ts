import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {dispatchKey} from '../../source/actions/dispatch.js';
import {setUi} from '../../source/store/ui-slice.js';
import {docker, engineState, TestContainers} from '../helpers/engine.js';
import {startLiveSync, type LiveSync} from '../helpers/live-sync.js';
import {waitFor} from '../helpers/wait.js';

/** `docker rm` leaves a container's anonymous volumes behind; `docker rm -v` takes them along. The remove dialog offers both. */
describe('remove with its anonymous volumes', () => {
	const containers = new TestContainers();
	let live: LiveSync;
	const press = (...keys: string[]) => {
		for (const key of keys) dispatchKey(key, key, {engine: live.engine, store: live.store, quit: () => {}});
	};
	/** A stopped container with one anonymous volume at /data, selected once the store has its mounts. */
	const withVolume = async (prefix: string) => {
		const id = await containers.create(containers.name(prefix), ['true'], ['-v', '/data']);
		const volume = await docker('inspect', '-f', '{{range .Mounts}}{{.Name}}{{end}}', id);
		assert.match(volume, /^[0-9a-f]{64}$/);
		await waitFor(() => (live.store.getSnapshot().containers.get(id)?.mounts.length ?? 0) > 0, {what: 'the container and its mounts in the store'});
		live.store.update(state => setUi(state, {selectedId: id, filter: ''}));
		return {id, volume};
	};
	const volumeExists = async (name: string) => (await docker('volume', 'ls', '-q', '--filter', `name=${name}`)).split('\n').includes(name);

	before(async () => {
		live = await startLiveSync();
	});

	after(async () => {
		await live.stop();
		const ids = (await docker('ps', '-aq', '--filter', `label=${containers.label}`)).split('\n').filter(Boolean);
		if (ids.length > 0) await docker('rm', '-f', '-v', ...ids);
	});

	it('v in the remove dialog removes the container and its anonymous volume', async () => {
		const {id, volume} = await withVolume('rm-v');
		press('D');
		const confirm = live.store.getSnapshot().ui.confirm;
		assert.ok(confirm?.alternative, 'the dialog offers the second choice');
		assert.match(confirm?.alternative?.label ?? '', /anonymous volume/);
		press('v');
		await waitFor(async () => (await engineState(id)) === undefined, {what: 'the container removed'});
		await waitFor(async () => !(await volumeExists(volume)), {what: 'its anonymous volume removed'});
	});

	it('y removes the container and leaves the volume, as docker rm does', async () => {
		const {id, volume} = await withVolume('rm-keep');
		press('D', 'y');
		await waitFor(async () => (await engineState(id)) === undefined, {what: 'the container removed'});
		assert.ok(await volumeExists(volume), 'the volume stays');
		await docker('volume', 'rm', volume);
	});

	it('a container without anonymous volumes gets no second choice', async () => {
		const id = await containers.create(containers.name('rm-none'), ['true']);
		await waitFor(() => live.store.getSnapshot().containers.get(id), {what: 'the container in the store'});
		live.store.update(state => setUi(state, {selectedId: id, filter: ''}));
		press('D');
		assert.equal(live.store.getSnapshot().ui.confirm?.alternative, undefined);
		press('n');
	});
});
