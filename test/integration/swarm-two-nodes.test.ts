import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {askAvailability} from '../../source/actions/swarm-actions.js';
import {openTasks, tasksHandlers} from '../../source/actions/swarm-commands.js';
import type {NodeRow} from '../../source/domain/swarm.js';
import {resolveTarget} from '../../source/engine/connection.js';
import {createEngine, type Engine} from '../../source/engine/engine.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore, type Store} from '../../source/store/store.js';
import {nodeName, setSwarm, swarmOf} from '../../source/store/swarm-slice.js';
import {setUi} from '../../source/store/ui-slice.js';
import {SwarmSync} from '../../source/sync/swarm-sync.js';
import {testImage} from '../helpers/engine.js';
import {startLiveSync, type LiveSync} from '../helpers/live-sync.js';
import {dockerOn} from '../helpers/second-engine.js';
import {twoNodeSwarm, type TwoNodeSwarm} from '../helpers/swarm-two-nodes.js';
import {waitFor} from '../helpers/wait.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const engineFor = (host: string): Engine => createEngine(resolveTarget({host, env: {}, homeDir: '/nonexistent'}));

/**
 * Two real nodes: the manager Porthole connects to, and a worker whose dockerd
 * runs in a network namespace on a veth /30 that scripts/test-swarm-worker.sh
 * makes (and removes). Porthole's own sync, store and actions against them.
 */
describe('a two-node swarm (manager and a worker in its own network namespace)', () => {
	const label = `porthole.test=${randomBytes(4).toString('hex')}`;
	const name = `p16w-${randomBytes(3).toString('hex')}`;
	let swarmPair: TwoNodeSwarm;
	let engine: Engine;
	let live: LiveSync;
	let store: Store;
	let swarm: SwarmSync;
	let serviceId = '';
	const nodes = () => swarmOf(store.getSnapshot()).nodes;
	const byRole = (role: string): NodeRow => nodes().find(node => node.role === role)!;
	const runningTasks = async () => (await engine.listTasks(serviceId)).filter(task => task.state === 'running');

	before(async () => {
		swarmPair = twoNodeSwarm();
		engine = engineFor(swarmPair.manager);
		// The containers sync too, so a task's container is known when it runs on the manager.
		live = await startLiveSync({engine});
		store = live.store;
		swarm = new SwarmSync(engine, store, {minMs: 200, maxMs: 1000, debounceMs: 20});
		swarm.start();
	});

	after(async () => {
		swarm?.stop();
		await live?.stop();
		if (!engine) return;
		const left = await dockerOn(swarmPair.manager, 'service', 'ls', '-q', '--filter', `label=${label}`).catch(() => '');
		if (left) await dockerOn(swarmPair.manager, 'service', 'rm', ...left.split('\n')).catch(() => undefined);
		for (const node of await engine.listNodes().catch(() => [])) if (node.availability !== 'active') await engine.setNodeAvailability(node.id, 'active').catch(() => undefined);
	});

	it('nodes: two, with their own hostnames, a leader manager and a worker, both ready, at the test\'s own veth addresses', async () => {
		store.update(state => setUi(state, {view: 'nodes'}));
		await waitFor(() => nodes().length === 2 && nodes().every(node => node.state === 'ready'), {what: 'two ready nodes in the store', timeoutMs: 30_000, intervalMs: 200});
		assert.equal(new Set(nodes().map(node => node.hostname)).size, 2, `distinct hostnames: ${nodes().map(node => node.hostname).join(', ')}`);
		assert.deepEqual(nodes().map(node => node.role).sort(), ['manager', 'worker']);
		assert.equal(byRole('manager').managerStatus, 'leader');
		assert.equal(byRole('worker').managerStatus, '');
		assert.match(byRole('worker').hostname, /^porthole-worker-/);
		// Each node's address is an end of the veth the script made, never the machine's.
		const addresses = await Promise.all(nodes().map(node => dockerOn(swarmPair.manager, 'node', 'inspect', '--format', '{{.Status.Addr}}', node.id)));
		assert.deepEqual(addresses.sort(), [swarmPair.net.manager, swarmPair.net.worker].sort());
	});

	it('connected to the worker instead, the views say it is a worker in one line and nothing errors', async () => {
		const workerStore = createStore(initialState({target: swarmPair.worker, ui: {view: 'nodes'}}), {batchMs: 0});
		const workerSync = new SwarmSync(engineFor(swarmPair.worker), workerStore, {minMs: 200, maxMs: 1000, debounceMs: 20});
		workerSync.start();
		try {
			await waitFor(() => swarmOf(workerStore.getSnapshot()).role === 'worker', {what: 'role worker', timeoutMs: 10_000});
			assert.equal(swarmOf(workerStore.getSnapshot()).error, undefined);
			assert.equal(swarmOf(workerStore.getSnapshot()).nodes.length, 0);
		} finally {
			workerSync.stop();
		}
	});

	it('4 replicas spread over both nodes: the tasks view names both hostnames, 2 and 2; the nodes view counts them', async () => {
		serviceId = await dockerOn(swarmPair.manager, 'service', 'create', '-d', '--quiet', '--name', name, '--label', label, '--replicas', '4', '--stop-grace-period', '1s', testImage, 'sleep', '100000');
		store.update(state => setUi(state, {view: 'services'}));
		const row = await waitFor(() => swarmOf(store.getSnapshot()).services.find(service => service.name === name && service.running === 4), {what: `${name} at 4/4`, timeoutMs: 60_000, intervalMs: 200});
		store.update(state => openTasks(state, row));
		const running = () => swarmOf(store.getSnapshot()).tasks.filter(task => task.state === 'running');
		await waitFor(() => running().length === 4 && nodes().length === 2, {what: 'four running tasks in the tasks view', timeoutMs: 20_000});
		const perHost = new Map<string, number>();
		for (const task of running()) perHost.set(nodeName(store.getSnapshot(), task.nodeId), (perHost.get(nodeName(store.getSnapshot(), task.nodeId)) ?? 0) + 1);
		assert.deepEqual([...perHost.entries()].sort(), [[byRole('manager').hostname, 2], [byRole('worker').hostname, 2]].sort());
		store.update(state => setUi(state, {view: 'nodes'}));
		await waitFor(() => byRole('manager')?.tasks === 2 && byRole('worker')?.tasks === 2, {what: '2 and 2 in the nodes view', timeoutMs: 20_000});
	});

	it('a task on the worker: l says its container is on another node; a task on the manager opens its container\'s logs', async () => {
		store.update(state => openTasks(state, {...swarmOf(state).services.find(service => service.id === serviceId)!}));
		await waitFor(() => swarmOf(store.getSnapshot()).tasks.filter(task => task.state === 'running').length === 4, {what: 'the tasks again', timeoutMs: 20_000});
		const tasks = swarmOf(store.getSnapshot()).tasks.filter(task => task.state === 'running');
		const onWorker = tasks.find(task => task.nodeId === byRole('worker').id)!;
		const onManager = tasks.find(task => task.nodeId === byRole('manager').id)!;
		const context = {engine, store, quit: () => undefined};
		const select = (id: string) => store.update(state => setSwarm(state, {selected: {...swarmOf(state).selected, tasks: id}}));

		select(onWorker.id);
		tasksHandlers.logs!(context);
		assert.match(store.getSnapshot().notice?.text ?? '', /runs on another node/);
		assert.equal(store.getSnapshot().ui.view, 'tasks');

		await waitFor(() => store.getSnapshot().containers.has(onManager.containerId), {what: 'the manager task\'s container in the store', timeoutMs: 10_000});
		select(onManager.id);
		tasksHandlers.logs!(context);
		assert.equal(store.getSnapshot().ui.view, 'logs');
		assert.deepEqual(store.getSnapshot().logs.targets.map(target => target.id), [onManager.containerId]);
	});

	it('drains the worker from Porthole: its tasks move to the manager, and its engine runs none of them', async () => {
		store.update(state => setUi(state, {view: 'nodes'}));
		await waitFor(() => byRole('worker')?.availability === 'active', {what: 'the worker active'});
		askAvailability({engine, store, binding: undefined}, byRole('worker'), 'drain');
		await waitFor(() => store.getSnapshot().ui.confirm !== undefined, {what: 'the drain question'});
		assert.match(store.getSnapshot().ui.confirm!.question ?? '', new RegExp(`Set node ${byRole('worker').hostname} to drain`));
		store.getSnapshot().ui.confirm!.run();
		const managerId = byRole('manager').id;
		await waitFor(async () => {
			const now = await runningTasks();
			return now.length === 4 && now.every(task => task.nodeId === managerId);
		}, {what: 'all four tasks running on the manager', timeoutMs: 60_000, intervalMs: 300});
		await waitFor(async () => (await dockerOn(swarmPair.worker, 'ps', '-q', '--filter', `label=com.docker.swarm.service.id=${serviceId}`)) === '', {what: 'no task container left on the worker', timeoutMs: 30_000, intervalMs: 300});
		await waitFor(() => byRole('worker')?.availability === 'drain' && byRole('worker')?.tasks === 0 && byRole('manager')?.tasks === 4, {what: 'drain, 0 and 4 in the nodes view', timeoutMs: 20_000});
		// The tasks view: in each slot that moved, the running task on the manager is listed above the worker's it replaced.
		store.update(state => openTasks(state, swarmOf(state).services.find(service => service.id === serviceId)!));
		await waitFor(() => {
			const running = swarmOf(store.getSnapshot()).tasks.filter(task => task.state === 'running');
			return running.length === 4 && running.every(task => task.nodeId === managerId);
		}, {what: 'the tasks view after the drain: four running, all on the manager', timeoutMs: 20_000});
		const tasks = swarmOf(store.getSnapshot()).tasks;
		assert.ok(tasks.some(task => task.nodeId === byRole('worker').id), 'the worker\'s replaced tasks are listed');
		for (const slot of [1, 2, 3, 4]) assert.equal(tasks.find(task => task.slot === slot)?.state, 'running', `slot ${slot} shows its running task first`);
	});

	it('stop leaves the swarm on both, stops both engines, and removes the veth and the namespace', async () => {
		await engine.removeService(serviceId);
		await engine.setNodeAvailability(byRole('worker').id, 'active');
		swarm.stop();
		await live.stop();
		execFileSync('bash', ['scripts/test-swarm-worker.sh', 'stop'], {cwd: root, stdio: ['ignore', 'ignore', 'inherit']});
		const {netns, vethRoot} = swarmPair.net;
		assert.equal(existsSync(`/var/run/netns/${netns}`), false, `namespace ${netns} removed`);
		assert.throws(() => execFileSync('ip', ['link', 'show', vethRoot], {stdio: 'ignore'}), /Command failed/, `veth ${vethRoot} removed`);
		assert.doesNotMatch(execFileSync('ip', ['-4', '-o', 'addr'], {encoding: 'utf8'}), new RegExp(swarmPair.net.manager.replace(/\./g, '\\.')), 'its address gone');
		for (const host of [swarmPair.manager, swarmPair.worker]) await assert.rejects(dockerOn(host, 'version'), `${host} stopped`);
	});
});
