import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {after, before, describe, it} from 'node:test';
import {askAvailability, scale} from '../../source/actions/swarm-actions.js';
import {resolveTarget} from '../../source/engine/connection.js';
import {createEngine, type Engine} from '../../source/engine/engine.js';
import type {ServiceRow} from '../../source/domain/swarm.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore, type Store} from '../../source/store/store.js';
import {swarmOf} from '../../source/store/swarm-slice.js';
import {setUi} from '../../source/store/ui-slice.js';
import {servicesHandlers} from '../../source/actions/swarm-commands.js';
import {LogStreams} from '../../source/sync/log-streams.js';
import {SwarmSync} from '../../source/sync/swarm-sync.js';
import {testImage} from '../helpers/engine.js';
import {testEngine} from '../helpers/live-sync.js';
import {dockerOn} from '../helpers/second-engine.js';
import {swarmHost} from '../helpers/swarm-engine.js';
import {waitFor} from '../helpers/wait.js';

/** Services, tasks and nodes on the private engine in swarm mode (a single-node manager). */
describe('swarm on the real engine', () => {
	const label = `porthole.test=${randomBytes(4).toString('hex')}`;
	const name = `p16-${randomBytes(3).toString('hex')}`;
	let host: string;
	let engine: Engine;
	let store: Store;
	let swarm: SwarmSync;
	let serviceId = '';
	const context = () => ({engine, store});
	const service = (): ServiceRow | undefined => swarmOf(store.getSnapshot()).services.find(row => row.name === name);
	const engineReplicas = async () => dockerOn(host, 'service', 'ls', '--filter', `name=${name}`, '--format', '{{.Replicas}}');
	const running = async () => (await engine.listTasks(serviceId)).filter(task => task.state === 'running').length;

	before(async () => {
		host = swarmHost();
		engine = createEngine(resolveTarget({host, env: {}, homeDir: '/nonexistent'}));
		store = createStore(initialState({target: host, ui: {view: 'services'}}), {batchMs: 0});
		// A fast pace, so the test sees the poll pick up task counts that no event announces.
		swarm = new SwarmSync(engine, store, {minMs: 200, maxMs: 1000, debounceMs: 20});
		swarm.start();
		serviceId = await dockerOn(host, 'service', 'create', '-d', '--quiet', '--name', name, '--label', label, '--replicas', '2', '--stop-grace-period', '1s', testImage, 'sleep', '100000');
	});

	after(async () => {
		swarm?.stop();
		const left = await dockerOn(host, 'service', 'ls', '-q', '--filter', `label=${label}`).catch(() => '');
		if (left) await dockerOn(host, 'service', 'rm', ...left.split('\n')).catch(() => undefined);
		const nodes = await engine.listNodes().catch(() => []);
		for (const node of nodes) if (node.availability !== 'active') await engine.setNodeAvailability(node.id, 'active').catch(() => undefined);
	});

	it('says manager, and lists the new service at 2/2 with no event about its tasks', async () => {
		assert.equal(await engine.swarmRole(), 'manager');
		await waitFor(() => service()?.running === 2 && service()?.desired === 2, {what: `${name} at 2/2 in the store`, timeoutMs: 30_000, intervalMs: 300});
		assert.equal(service()!.mode, 'replicated');
		assert.equal(service()!.image, testImage);
	});

	it('scales it from Porthole to 3, and the engine reaches 3/3', async () => {
		await scale(context(), service()!, '3');
		await waitFor(async () => (await engineReplicas()) === '3/3', {what: 'the engine at 3/3', timeoutMs: 30_000, intervalMs: 300});
		await waitFor(() => service()?.running === 3 && service()?.desired === 3, {what: '3/3 in the store', timeoutMs: 10_000});
	});

	it('rolls it back to its previous spec: 2 replicas again', async () => {
		await engine.rollbackService(serviceId);
		await waitFor(async () => (await engineReplicas()) === '2/2', {what: 'the engine back at 2/2', timeoutMs: 30_000, intervalMs: 300});
		await waitFor(() => service()?.update?.state.startsWith('rollback') === true, {what: 'the rollback state in the store', timeoutMs: 10_000});
	});

	it('force-updates it: every task is replaced by a new one', async () => {
		const before = new Set((await engine.listTasks(serviceId)).filter(task => task.state === 'running').map(task => task.id));
		await engine.forceUpdateService(serviceId);
		await waitFor(async () => {
			const now = (await engine.listTasks(serviceId)).filter(task => task.state === 'running');
			return now.length === 2 && now.every(task => !before.has(task.id));
		}, {what: 'two new running tasks', timeoutMs: 60_000, intervalMs: 300});
	});

	it('tasks: slot, node, container; the nodes view counts them on the node', async () => {
		store.update(state => setUi(state, {view: 'nodes'}));
		const tasks = (await engine.listTasks(serviceId)).filter(task => task.state === 'running');
		assert.deepEqual(tasks.map(task => task.slot).sort(), [1, 2]);
		for (const task of tasks) assert.match(task.containerId, /^[0-9a-f]{64}$/);
		await waitFor(() => swarmOf(store.getSnapshot()).nodes.length === 1 && swarmOf(store.getSnapshot()).nodes[0]!.tasks >= 2, {what: 'the node with its running tasks', timeoutMs: 10_000});
		const node = swarmOf(store.getSnapshot()).nodes[0]!;
		assert.deepEqual([node.role, node.managerStatus, node.state], ['manager', 'leader', 'ready']);
	});

	it('drains the node from Porthole: its tasks go; active brings them back', async () => {
		const node = swarmOf(store.getSnapshot()).nodes[0]!;
		askAvailability({...context(), binding: undefined}, node, 'drain');
		// Drain asks first (a question raised outside a key always asks): answer yes.
		await waitFor(() => store.getSnapshot().ui.confirm !== undefined, {what: 'the drain question'});
		store.getSnapshot().ui.confirm!.run();
		await waitFor(async () => (await running()) === 0, {what: 'no task running after the drain', timeoutMs: 60_000, intervalMs: 300});
		await waitFor(() => swarmOf(store.getSnapshot()).nodes[0]?.availability === 'drain', {what: 'drain in the store', timeoutMs: 10_000});
		await engine.setNodeAvailability(node.id, 'active');
		await waitFor(async () => (await running()) === 2, {what: 'two tasks running again', timeoutMs: 60_000, intervalMs: 300});
	});

	it('l on a service: its own log (/services/{id}/logs) merges lines from both tasks by time, each prefixed with its slot', async () => {
		const chatty = `${name}-chat`;
		const chattyId = await dockerOn(host, 'service', 'create', '-d', '--quiet', '--name', chatty, '--label', label, '--replicas', '2', '--stop-grace-period', '1s', testImage, 'sh', '-c', 'while true; do echo line from $HOSTNAME; sleep 0.3; done');
		// The lines come from the real LogStreams, as the app runs it; no container of the service is in the store,
		// so only the service endpoint can bring them (it reads every task, on every node).
		const controller = new AbortController();
		const streams = new LogStreams(engine, store);
		streams.run(controller.signal);
		try {
			store.update(state => setUi(state, {view: 'services'}));
			await waitFor(() => swarmOf(store.getSnapshot()).services.find(row => row.name === chatty)?.running === 2, {what: `${chatty} at 2/2`, timeoutMs: 30_000});
			assert.equal([...store.getSnapshot().containers.values()].length, 0, 'no container rows: the lines cannot come from container logs');
			store.update(state => ({...state, swarm: {...swarmOf(state), selected: {...swarmOf(state).selected, services: chattyId}}}));
			servicesHandlers.logs!({engine, store, quit: () => undefined});
			assert.deepEqual(store.getSnapshot().logs.targets.map(target => [target.id, target.name, target.service]), [[chattyId, chatty, true]]);
			await waitFor(() => streams.active.length === 1 && streams.active[0] === chattyId, {what: 'one stream, the service\'s'});
			const fromTasks = () => store.getSnapshot().logs.lines.toArray().filter(line => line.text.startsWith('line from '));
			await waitFor(() => new Set(fromTasks().map(line => line.label)).size === 2, {what: 'lines from both tasks', timeoutMs: 20_000});
			// Each task writes its own hostname (its container id's first 12): two hostnames, two slot labels, one per task.
			const byLabel = new Map<string, Set<string>>();
			for (const line of fromTasks()) byLabel.set(line.label!, (byLabel.get(line.label!) ?? new Set()).add(line.text));
			assert.deepEqual([...byLabel.keys()].sort(), [`${chatty}.1`, `${chatty}.2`]);
			assert.equal(new Set([...byLabel.values()].flatMap(texts => [...texts])).size, 2, 'each slot writes one hostname, and they differ');
			for (const line of fromTasks()) assert.match(line.time, /^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
			const times = store.getSnapshot().logs.lines.toArray().map(line => line.time);
			assert.deepEqual(times, [...times].sort(), 'merged by time');
		} finally {
			controller.abort();
			store.update(state => setUi(state, {view: 'services'}));
		}
	});

	it('removes the service, and the list lets it go', async () => {
		store.update(state => setUi(state, {view: 'services'}));
		await engine.removeService(serviceId);
		await waitFor(() => swarmOf(store.getSnapshot()).loaded.services && service() === undefined, {what: `${name} gone from the store`, timeoutMs: 10_000});
	});

	it('costs the engine nothing while no swarm view is shown, and one services list per read when one is', async () => {
		const calls = {info: 0, services: 0, other: 0};
		const counted: Engine = {
			...engine,
			swarmRole: () => (calls.info++, engine.swarmRole()),
			listServices: () => (calls.services++, engine.listServices()),
			listTasks: id => (calls.other++, engine.listTasks(id)),
			listNodes: () => (calls.other++, engine.listNodes()),
		};
		const quietStore = createStore(initialState({target: host, ui: {view: 'containers'}}), {batchMs: 0});
		const quiet = new SwarmSync(counted, quietStore, {minMs: 100, maxMs: 400, debounceMs: 20});
		quiet.start();
		try {
			quiet.onEvent({type: 'service'});
			await new Promise(resolve => setTimeout(resolve, 600));
			assert.deepEqual(calls, {info: 0, services: 0, other: 0}, 'nothing while the containers view is shown, events included');
			quietStore.update(state => setUi(state, {view: 'services'}));
			await waitFor(() => calls.services >= 3, {what: 'a few polls', timeoutMs: 5000});
			assert.equal(calls.other, 0, 'the services view lists only services');
			assert.ok(calls.info <= calls.services + 1);
			quietStore.update(state => setUi(state, {view: 'containers'}));
			const after = {...calls};
			await new Promise(resolve => setTimeout(resolve, 800));
			assert.ok(calls.services <= after.services + 1, 'at most the read in flight finishes after leaving');
		} finally {
			quiet.stop();
		}
	});

	it('outside a swarm (the plain test engine) the role is none and nothing errors', async () => {
		const plain = testEngine();
		const plainStore = createStore(initialState({target: 'plain', ui: {view: 'services'}}), {batchMs: 0});
		const plainSync = new SwarmSync(plain, plainStore, {minMs: 200, maxMs: 1000, debounceMs: 20});
		plainSync.start();
		try {
			await waitFor(() => swarmOf(plainStore.getSnapshot()).role === 'none', {what: 'role none'});
			assert.equal(swarmOf(plainStore.getSnapshot()).error, undefined);
		} finally {
			plainSync.stop();
		}
	});
});
