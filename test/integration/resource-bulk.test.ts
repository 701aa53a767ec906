import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {dispatchKey} from '../../source/actions/dispatch.js';
import {setUi, setView} from '../../source/store/ui-slice.js';
import {docker, TestContainers} from '../helpers/engine.js';
import {startLiveSync, type LiveSync} from '../helpers/live-sync.js';
import {waitFor} from '../helpers/wait.js';

/** Marked volumes removed after one question: one in use is refused, the others go. */
describe('bulk remove of marked volumes on the real engine', () => {
	const containers = new TestContainers();
	const prefix = containers.name('bulkvol');
	const names = ['a', 'b', 'c'].map(suffix => `${prefix}-${suffix}`);
	let live: LiveSync;
	const press = (...keys: string[]) => {
		for (const key of keys) dispatchKey(key, key, {engine: live.engine, store: live.store, quit: () => {}});
	};
	const volumeExists = async (name: string) => docker('volume', 'inspect', name).then(() => true, () => false);

	before(async () => {
		for (const name of names) await docker('volume', 'create', '--label', containers.label, name);
		// b is in use: the engine refuses to remove it.
		await containers.run(containers.name('bulkvol-user'), ['sleep', '300'], ['-v', `${names[1]}:/data`]);
		live = await startLiveSync();
		live.store.update(state => setView(state, 'volumes'));
		await waitFor(() => names.every(name => live.store.getSnapshot().resources.volumes.some(volume => volume.name === name)), {timeoutMs: 30_000, what: 'the three volumes listed'});
	});

	after(async () => {
		await live.stop();
		await containers.cleanup();
		for (const name of names) await docker('volume', 'rm', '-f', name).catch(() => undefined);
	});

	it('Ctrl-A under a filter, D, y: two removed, the one in use refused and reported', async () => {
		live.store.update(state => setUi(state, {filter: prefix}));
		press('ctrl+a', 'D');
		const confirm = live.store.getSnapshot().ui.confirm;
		assert.equal(confirm?.title, 'Remove 3 volumes');
		assert.match(confirm?.question ?? '', new RegExp(`^Remove 3 volumes: ${names[0]}, ${names[1]} and ${names[2]}\\? Their data is deleted for good\\.`));
		press('y');
		await waitFor(() => live.store.getSnapshot().notice?.text.startsWith('remove: '), {timeoutMs: 20_000, what: 'the summary'});
		const notice = live.store.getSnapshot().notice;
		assert.match(notice?.text ?? '', new RegExp(`^remove: 2 removed, 1 failed \\(${names[1]}: refused: `));
		assert.equal(notice?.level, 'error');
		assert.equal(await volumeExists(names[0] ?? ''), false);
		assert.equal(await volumeExists(names[1] ?? ''), true);
		assert.equal(await volumeExists(names[2] ?? ''), false);
	});
});
