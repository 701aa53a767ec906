import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {dispatchKey} from '../../source/actions/dispatch.js';
import {runBulk} from '../../source/actions/bulk-actions.js';
import {planBulk} from '../../source/actions/bulk-plan.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore} from '../../source/store/store.js';
import {setUi} from '../../source/store/ui-slice.js';
import {docker, engineState, TestContainers} from '../helpers/engine.js';
import {startLiveSync, type LiveSync} from '../helpers/live-sync.js';
import {waitFor} from '../helpers/wait.js';

describe('bulk actions on marked containers change the engine', () => {
	const containers = new TestContainers();
	let live: LiveSync;
	const press = (...keys: string[]) => {
		for (const key of keys) dispatchKey(key, key, {engine: live.engine, store: live.store, quit: () => {}});
	};
	/** Five sleeping containers, each its own label value, all in the store. */
	const five = async (prefix: string) => {
		const names = Array.from({length: 5}, (_, index) => containers.name(`${prefix}${index}`));
		const ids = await Promise.all(names.map(name => containers.run(name, ['sleep', '300'], ['--stop-timeout', '1', '--label', `bulk.test=${prefix}`])));
		await waitFor(() => ids.every(id => live.store.getSnapshot().containers.get(id)?.state === 'running'), {what: 'five running in the store'});
		return {names, ids};
	};

	before(async () => {
		live = await startLiveSync();
	});

	after(async () => {
		await live.stop();
		await containers.cleanup();
	});

	it('stops 5 marked after one yes; the one removed meanwhile is reported and the other 4 stop', async () => {
		const {names, ids} = await five(`b${Date.now() % 100_000}`);
		const label = live.store.getSnapshot().containers.get(ids[0] ?? '')?.labels['bulk.test'];
		live.store.update(state => setUi(state, {filter: `label:bulk.test=${label}`}));
		press('ctrl+a', 's');
		const confirm = live.store.getSnapshot().ui.confirm;
		assert.equal(confirm?.title, 'Stop 5 containers');
		assert.match(confirm?.question ?? '', / and 2 more\?/);
		// One goes away between the question and the answer.
		const [goneId, ...restIds] = ids;
		const goneName = names[0];
		assert.ok(goneId && goneName);
		await docker('rm', '-f', goneId);
		await waitFor(() => !live.store.getSnapshot().containers.has(goneId), {what: 'the removed one gone from the store'});
		press('y');
		await waitFor(() => live.store.getSnapshot().notice?.text.startsWith('stop: '), {timeoutMs: 20_000, what: 'the summary'});
		const notice = live.store.getSnapshot().notice;
		assert.equal(notice?.text, `stop: 4 stopped, 1 failed (${goneName}: no longer exists)`);
		assert.equal(notice?.level, 'error');
		for (const id of restIds) assert.equal(await engineState(id), 'exited', `${id} stopped`);
		const rows = live.store.getSnapshot().bulk?.rows;
		assert.equal(rows?.get(goneId)?.status, 'failed');
		for (const id of restIds) assert.equal(rows?.get(id)?.status, 'done');
	});

	it('a container the engine no longer has (the store not yet told) fails alone; the others are killed', async () => {
		const {names, ids} = await five(`k${Date.now() % 100_000}`);
		// A store of its own, without sync: it keeps the row the engine has lost.
		const store = createStore({...initialState({target: live.engine.description}), containers: live.store.getSnapshot().containers}, {batchMs: 0});
		const rows = ids.flatMap(id => store.getSnapshot().containers.get(id) ?? []);
		const gone = names[2] ?? '';
		await docker('rm', '-f', gone);
		const outcome = await runBulk(live.engine, store, planBulk('kill', rows));
		assert.deepEqual(outcome.failed, [{name: gone, reason: 'no longer exists'}]);
		assert.deepEqual([...outcome.done].sort(), names.filter(name => name !== gone).sort());
		for (const name of names.filter(each => each !== gone)) assert.equal(await engineState(name), 'exited');
	});

	it('every verb on marked rows, through its key and one yes: pause, unpause, restart, stop, start, remove', async () => {
		const names = [containers.name('verbs0'), containers.name('verbs1')];
		const ids = await Promise.all(names.map(name => containers.run(name, ['sleep', '300'], ['--stop-timeout', '1', '--label', `bulk.verbs=${names[0]}`])));
		await waitFor(() => ids.every(id => live.store.getSnapshot().containers.get(id)?.state === 'running'), {what: 'both running in the store'});
		live.store.update(state => setUi(state, {filter: `label:bulk.verbs=${names[0]}`}));
		// The tests above leave their stopped containers marked: these two alone.
		press('u', 'ctrl+a');
		assert.equal(live.store.getSnapshot().marks?.containers?.size, 2);
		const startedAt = async (id: string) => docker('inspect', '-f', '{{.State.StartedAt}}', id);
		const before = await Promise.all(ids.map(startedAt));
		// Each step: the key, whether it asks, the summary, and the state the engine must report after.
		const steps: Array<{key: string; asks: boolean; summary: RegExp; engine: string | undefined}> = [
			{key: 'p', asks: true, summary: /^pause: 2 paused$/, engine: 'paused'},
			{key: 'p', asks: true, summary: /^unpause: 2 unpaused$/, engine: 'running'},
			{key: 'r', asks: true, summary: /^restart: 2 restarted$/, engine: 'running'},
			{key: 's', asks: true, summary: /^stop: 2 stopped$/, engine: 'exited'},
			{key: 's', asks: false, summary: /^start: 2 started$/, engine: 'running'},
			{key: 'D', asks: true, summary: /^remove: 2 removed$/, engine: undefined},
		];
		for (const {key, asks, summary, engine} of steps) {
			live.store.update(state => ({...state, notice: undefined}));
			press(key);
			if (asks) {
				assert.ok(live.store.getSnapshot().ui.confirm, `${key} asks once (${live.store.getSnapshot().notice?.text ?? 'no notice'})`);
				press('y');
			}
			await waitFor(() => summary.test(live.store.getSnapshot().notice?.text ?? '') && live.store.getSnapshot().notice, {timeoutMs: 20_000, what: `the summary of ${key}`});
			for (const id of ids) await waitFor(async () => (await engineState(id)) === engine || undefined, {timeoutMs: 10_000, what: `${id} ${engine ?? 'gone'} after ${key}`});
			// The next key must see the rows as the engine has them (removed ones: no row).
			await waitFor(() => ids.every(id => live.store.getSnapshot().containers.get(id)?.state === engine), {what: `the store in step after ${key}`});
			if (key === 'r') assert.notDeepEqual(await Promise.all(ids.map(startedAt)), before, 'restart started them again');
		}
	});

	it('read-only refuses a bulk action even when called directly', async () => {
		const {ids} = await five(`r${Date.now() % 100_000}`);
		const store = createStore({...initialState({target: live.engine.description, readOnly: true}), containers: live.store.getSnapshot().containers}, {batchMs: 0});
		const rows = ids.flatMap(id => store.getSnapshot().containers.get(id) ?? []);
		const outcome = await runBulk(live.engine, store, planBulk('kill', rows));
		assert.deepEqual(outcome, {done: [], failed: []});
		for (const id of ids) assert.equal(await engineState(id), 'running');
	});
});
