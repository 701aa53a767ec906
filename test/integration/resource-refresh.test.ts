import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {dispatchKey} from '../../source/actions/dispatch.js';
import type {Engine} from '../../source/engine/engine.js';
import {initialState} from '../../source/store/initial-state.js';
import {selectVolumeRows} from '../../source/store/resources-selectors.js';
import {createStore, type Store} from '../../source/store/store.js';
import {setView} from '../../source/store/ui-slice.js';
import {ResourceSync} from '../../source/sync/resource-sync.js';
import {docker, TestContainers} from '../helpers/engine.js';
import {testEngine} from '../helpers/live-sync.js';
import {waitFor} from '../helpers/wait.js';

/** Volume sizes and disk usage change with no event (a volume fills up): R reads them again, and so does a slow timer, only while shown. */
describe('refreshing disk usage and volume sizes', () => {
	const containers = new TestContainers();
	const volume = containers.name('p-refresh-vol');
	let engine: Engine;
	let store: Store;
	let sync: ResourceSync;
	const calls = {disk: 0};
	const sizeOf = () => selectVolumeRows(store.getSnapshot()).find(row => row.name === volume)?.size ?? -1;
	const fill = (megabytes: number, file: string) =>
		docker('run', '--rm', '--label', containers.label, '-v', `${volume}:/data`, 'porthole-test/busybox:1', 'sh', '-c', `head -c ${megabytes * 1_048_576} /dev/zero > /data/${file}`);

	before(async () => {
		const real = testEngine();
		engine = {...real, diskUsage: async () => {
			calls.disk++;
			return real.diskUsage();
		}};
		await docker('volume', 'create', '--label', containers.label, volume);
		await fill(1, 'a');
		store = createStore(initialState({target: engine.description}), {batchMs: 0});
		// A short period so the test need not wait 30 s; the cadence is the same code.
		sync = new ResourceSync(engine, store, {lists: 10, disk: 10}, undefined, true, 400);
		await sync.refreshAll();
	});

	after(async () => {
		sync.stop();
		await containers.cleanup();
		await docker('volume', 'rm', '-f', volume).catch(() => undefined);
	});

	it('runs no timer while no view shows sizes', async () => {
		const before = calls.disk;
		await new Promise(resolve => setTimeout(resolve, 1200));
		assert.equal(calls.disk, before);
	});

	it('R in the volumes view reads the new size of a volume that filled up', async () => {
		store.update(state => setView(state, 'volumes'));
		await waitFor(() => sizeOf() >= 1_000_000, {what: 'the 1 MB volume size', timeoutMs: 10_000});
		await fill(3, 'b');
		dispatchKey('R', 'R', {engine, store, quit: () => {}});
		await waitFor(() => sizeOf() >= 4_000_000, {what: 'the 4 MB volume size after R', timeoutMs: 10_000});
	});

	it('re-reads on its cadence while the disk view is shown, and stops when it is left', async () => {
		store.update(state => setView(state, 'disk'));
		const start = calls.disk;
		await waitFor(() => calls.disk >= start + 3, {what: 'three re-reads on the cadence', timeoutMs: 5000});
		store.update(state => setView(state, 'containers'));
		await new Promise(resolve => setTimeout(resolve, 300));
		const left = calls.disk;
		await new Promise(resolve => setTimeout(resolve, 1200));
		assert.equal(calls.disk, left, 'no re-read after leaving the view');
	});
});
