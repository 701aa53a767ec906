import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {dispatchKey} from '../../source/actions/dispatch.js';
import {runContainerAction} from '../../source/actions/container-actions.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore} from '../../source/store/store.js';
import {setUi} from '../../source/store/ui-slice.js';
import {docker, engineState, TestContainers} from '../helpers/engine.js';
import {startLiveSync, type LiveSync} from '../helpers/live-sync.js';
import {waitFor} from '../helpers/wait.js';

describe('container actions change the engine', () => {
	const containers = new TestContainers();
	let live: LiveSync;
	const press = (...keys: string[]) => {
		for (const key of keys) dispatchKey(key, key, {engine: live.engine, store: live.store, quit: () => {}});
	};
	const select = async (id: string) => {
		await waitFor(() => live.store.getSnapshot().containers.get(id), {what: `container ${id} in the store`});
		live.store.update(state => setUi(state, {selectedId: id, filter: ''}));
	};

	before(async () => {
		live = await startLiveSync();
	});

	after(async () => {
		await live.stop();
		await containers.cleanup();
	});

	it('s stops a running container after y, and s starts it again at once', async () => {
		const id = await containers.run(containers.name('stop'), ['sleep', '300'], ['--stop-timeout', '1']);
		await select(id);
		press('s');
		press('y');
		await waitFor(async () => (await engineState(id)) === 'exited', {timeoutMs: 15000, what: 'stopped in the engine'});
		await waitFor(() => live.store.getSnapshot().notice?.text.includes('stopped'), {what: 'notice'});
		press('s');
		await waitFor(async () => (await engineState(id)) === 'running', {what: 'running again'});
	});

	it('p pauses and unpauses, each after y', async () => {
		const id = await containers.run(containers.name('pause'), ['sleep', '300']);
		await select(id);
		press('p');
		press('y');
		await waitFor(async () => (await engineState(id)) === 'paused', {what: 'paused in the engine'});
		await waitFor(() => live.store.getSnapshot().containers.get(id)?.state === 'paused', {what: 'paused in the store'});
		press('p');
		press('y');
		await waitFor(async () => (await engineState(id)) === 'running', {what: 'unpaused in the engine'});
	});

	it('D asks first, n keeps the container, y removes it', async () => {
		const name = containers.name('remove');
		const id = await containers.run(name, ['sleep', '300']);
		await select(id);
		press('D');
		assert.equal(live.store.getSnapshot().ui.confirm?.target, name);
		assert.match(live.store.getSnapshot().ui.confirm?.question ?? '', new RegExp(`Remove container ${name}\\?`), 'the dialog names the container');
		press('n');
		assert.equal(live.store.getSnapshot().ui.confirm, undefined);
		assert.equal(await engineState(id), 'running', 'cancelled: still there');
		press('D', 'y');
		await waitFor(async () => (await engineState(id)) === undefined, {what: 'removed from the engine'});
		await waitFor(() => !live.store.getSnapshot().containers.has(id), {what: 'removed from the store'});
	});

	it('K kills after y; Enter alone cancels', async () => {
		const id = await containers.run(containers.name('kill'), ['sleep', '300']);
		await select(id);
		press('K', 'return');
		await new Promise(resolve => setTimeout(resolve, 300));
		assert.equal(await engineState(id), 'running', 'Enter is not yes');
		press('K', 'y');
		await waitFor(async () => (await engineState(id)) === 'exited', {what: 'killed'});
		const code = await docker('inspect', '-f', '{{.State.ExitCode}}', id);
		assert.equal(code, '137');
	});

	it('reports a container that vanished mid-action instead of crashing', async () => {
		const id = await containers.run(containers.name('vanish'), ['sleep', '300']);
		await select(id);
		const row = live.store.getSnapshot().containers.get(id);
		assert.ok(row);
		await docker('rm', '-f', id);
		await runContainerAction(live.engine, live.store, row, 'restart');
		const notice = live.store.getSnapshot().notice;
		assert.equal(notice?.level, 'error');
		assert.match(notice?.text ?? '', /no longer exists/);
	});

	it('read-only refuses every mutating key, and the engine is untouched', async () => {
		const readOnly = createStore({...initialState({target: live.engine.description, readOnly: true}), containers: live.store.getSnapshot().containers}, {batchMs: 0});
		const id = await containers.run(containers.name('readonly'), ['sleep', '300']);
		await waitFor(() => live.store.getSnapshot().containers.get(id), {what: 'in the store'});
		readOnly.update(state => ({...state, containers: live.store.getSnapshot().containers, ui: {...state.ui, selectedId: id}}));
		for (const key of ['s', 'r', 'p', 'K', 'y', 'D', 'y', 'ctrl+d', 'y']) dispatchKey(key, key, {engine: live.engine, store: readOnly, quit: () => {}});
		await new Promise(resolve => setImmediate(resolve));
		assert.equal(await engineState(id), 'running');
		assert.equal(readOnly.getSnapshot().ui.confirm, undefined);
	});
});
