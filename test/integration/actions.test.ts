import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {dispatchKey} from '../../source/actions/dispatch.js';
import {runContainerAction} from '../../source/actions/container-actions.js';
import {resolveTarget} from '../../source/engine/connection.js';
import {createEngine} from '../../source/engine/engine.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore} from '../../source/store/store.js';
import {setUi} from '../../source/store/ui-slice.js';
import {Sync} from '../../source/sync/sync.js';
import {docker, engineState, TestContainers, testHost} from '../helpers/engine.js';
import {waitFor} from '../helpers/wait.js';

describe('container actions change the engine', () => {
	const containers = new TestContainers();
	const engine = createEngine(resolveTarget({host: testHost(), env: {}, homeDir: '/nonexistent'}));
	const store = createStore(initialState({target: engine.description}), {batchMs: 0});
	const sync = new Sync(engine, store);
	const stop = new AbortController();
	let running: Promise<void>;
	const context = {engine, store, quit: () => {}};
	const press = (...keys: string[]) => {
		for (const key of keys) dispatchKey(key, key, context);
	};
	const select = async (id: string) => {
		await waitFor(() => store.getSnapshot().containers.get(id), {what: `container ${id} in the store`});
		store.update(state => setUi(state, {selectedId: id, filter: ''}));
	};

	before(async () => {
		running = sync.run({signal: stop.signal});
		await waitFor(() => store.getSnapshot().connection.status === 'up', {what: 'connection up'});
	});

	after(async () => {
		stop.abort();
		await running;
		await containers.cleanup();
	});

	it('s stops a running container, and s starts it again', async () => {
		const id = await containers.run(containers.name('stop'), ['sleep', '300'], ['--stop-timeout', '1']);
		await select(id);
		press('s');
		await waitFor(async () => (await engineState(id)) === 'exited', {timeoutMs: 15000, what: 'stopped in the engine'});
		await waitFor(() => store.getSnapshot().notice?.text.includes('stopped'), {what: 'notice'});
		press('s');
		await waitFor(async () => (await engineState(id)) === 'running', {what: 'running again'});
	});

	it('p pauses and unpauses', async () => {
		const id = await containers.run(containers.name('pause'), ['sleep', '300']);
		await select(id);
		press('p');
		await waitFor(async () => (await engineState(id)) === 'paused', {what: 'paused in the engine'});
		await waitFor(() => store.getSnapshot().containers.get(id)?.state === 'paused', {what: 'paused in the store'});
		press('p');
		await waitFor(async () => (await engineState(id)) === 'running', {what: 'unpaused in the engine'});
	});

	it('D asks first, n keeps the container, y removes it', async () => {
		const name = containers.name('remove');
		const id = await containers.run(name, ['sleep', '300']);
		await select(id);
		press('D');
		assert.equal(store.getSnapshot().ui.confirm?.target, name);
		assert.match(store.getSnapshot().ui.confirm?.question ?? '', new RegExp(`Remove container ${name}\\?`), 'the dialog names the container');
		press('n');
		assert.equal(store.getSnapshot().ui.confirm, undefined);
		assert.equal(await engineState(id), 'running', 'cancelled: still there');
		press('D', 'y');
		await waitFor(async () => (await engineState(id)) === undefined, {what: 'removed from the engine'});
		await waitFor(() => !store.getSnapshot().containers.has(id), {what: 'removed from the store'});
	});

	it('K kills after confirmation', async () => {
		const id = await containers.run(containers.name('kill'), ['sleep', '300']);
		await select(id);
		press('K', 'return');
		await waitFor(async () => (await engineState(id)) === 'exited', {what: 'killed'});
		const code = await docker('inspect', '-f', '{{.State.ExitCode}}', id);
		assert.equal(code, '137');
	});

	it('reports a container that vanished mid-action instead of crashing', async () => {
		const id = await containers.run(containers.name('vanish'), ['sleep', '300']);
		await select(id);
		const row = store.getSnapshot().containers.get(id);
		assert.ok(row);
		await docker('rm', '-f', id);
		await runContainerAction(engine, store, row, 'restart');
		const notice = store.getSnapshot().notice;
		assert.equal(notice?.level, 'error');
		assert.match(notice?.text ?? '', /no longer exists/);
	});

	it('read-only refuses every mutating key, and the engine is untouched', async () => {
		const readOnly = createStore({...initialState({target: engine.description, readOnly: true}), containers: store.getSnapshot().containers}, {batchMs: 0});
		const id = await containers.run(containers.name('readonly'), ['sleep', '300']);
		await waitFor(() => store.getSnapshot().containers.get(id), {what: 'in the store'});
		readOnly.update(state => ({...state, containers: store.getSnapshot().containers, ui: {...state.ui, selectedId: id}}));
		for (const key of ['s', 'r', 'p', 'K', 'y', 'D', 'y', 'ctrl+d', 'y']) dispatchKey(key, key, {engine, store: readOnly, quit: () => {}});
		await new Promise(resolve => setImmediate(resolve));
		assert.equal(await engineState(id), 'running');
		assert.equal(readOnly.getSnapshot().ui.confirm, undefined);
	});
});
