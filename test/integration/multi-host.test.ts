import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {after, before, describe, test} from 'node:test';
import {buildOwners, type Owners} from '../../source/cli/owners.js';
import {checkDistinctEngines, SameEngineError} from '../../source/cli/hosts-start.js';
import {resolveTarget} from '../../source/engine/connection.js';
import {createEngine} from '../../source/engine/engine.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore, type Store} from '../../source/store/store.js';
import {testHost, testImage} from '../helpers/engine.js';
import {dockerOn, secondEnginePid, secondHost, stopSecondEngine} from '../helpers/second-engine.js';
import {waitFor} from '../helpers/wait.js';

const target = (host: string) => resolveTarget({host, env: {}, homeDir: '/nonexistent'});

describe('two real engines in one store', () => {
	const label = `porthole.test=${randomBytes(4).toString('hex')}`;
	const hostOne = testHost();
	const hostTwo = secondHost();
	let store: Store;
	let owners: Owners;
	const ids = {one: '', two: ''};
	const names = {one: `mh-one-${randomBytes(3).toString('hex')}`, two: `mh-two-${randomBytes(3).toString('hex')}`};
	const status = (name: string) => store.getSnapshot().hosts?.[name]?.status;

	const cleanup = async (host: string) => {
		const list = (await dockerOn(host, 'ps', '-aq', '--filter', `label=${label}`).catch(() => '')).split('\n').filter(Boolean);
		if (list.length > 0) await dockerOn(host, 'rm', '-f', ...list);
	};

	before(async () => {
		ids.one = await dockerOn(hostOne, 'run', '-d', '--name', names.one, '--label', label, testImage, 'sleep', '300');
		ids.two = await dockerOn(hostTwo, 'run', '-d', '--name', names.two, '--label', label, '--stop-timeout', '1', testImage, 'sleep', '300');
		store = createStore(initialState({target: ''}), {batchMs: 0});
		owners = buildOwners([{name: 'one', target: target(hostOne)}, {name: 'two', target: target(hostTwo)}], store, {
			sync: {ping: {everyMs: 500, deadlineMs: 700}, reconcileMs: 0},
		});
		owners.start();
		await waitFor(() => status('one') === 'up' && status('two') === 'up', {timeoutMs: 15_000, what: 'both hosts up'});
	});

	after(async () => {
		try {
			process.kill(secondEnginePid(), 'SIGCONT');
		} catch {
			// Not stopped, or already gone.
		}
		await owners?.stop();
		await cleanup(hostOne);
		await cleanup(hostTwo);
	});

	test('lists the containers of both, each tagged with its host', async () => {
		await waitFor(() => store.getSnapshot().containers.get(ids.one)?.host === 'one' && store.getSnapshot().containers.get(ids.two)?.host === 'two', {what: 'both rows with their hosts'});
	});

	test('streams stats of both hosts', async () => {
		await waitFor(() => store.getSnapshot().stats.has(ids.one) && store.getSnapshot().stats.has(ids.two), {timeoutMs: 15_000, what: 'stats from both hosts'});
	});

	test('the same image on both hosts is two rows, one per host', async () => {
		await waitFor(() => {
			const hosts = store.getSnapshot().resources.images.filter(image => image.tags.includes(testImage)).map(image => image.host).sort();
			return hosts.join(',') === 'one,two';
		}, {timeoutMs: 10_000, what: 'the test image listed on both hosts'});
	});

	test('events of each host reach its rows: a container started on the second appears there', async () => {
		const late = `mh-late-${randomBytes(3).toString('hex')}`;
		const id = await dockerOn(hostTwo, 'run', '-d', '--name', late, '--label', label, testImage, 'sleep', '300');
		await waitFor(() => store.getSnapshot().containers.get(id)?.host === 'two', {what: 'the late container on host two'});
		assert.equal(store.getSnapshot().containers.get(ids.one)?.host, 'one', 'host one keeps its rows');
	});

	test('an action on a row of the second host goes to the second engine', async () => {
		await owners.router.containerAction(ids.two, 'stop');
		assert.equal(await dockerOn(hostTwo, 'inspect', '-f', '{{.State.Status}}', ids.two), 'exited');
		assert.equal(await dockerOn(hostOne, 'inspect', '-f', '{{.State.Status}}', ids.one), 'running');
		await waitFor(() => store.getSnapshot().containers.get(ids.two)?.state === 'exited', {what: 'the store shows it exited'});
	});

	test('two targets of one engine are refused, naming both', async () => {
		const one = createEngine(target(hostOne));
		const again = createEngine(target(`unix://${hostOne.replace(/^unix:\/\//, '')}`));
		await assert.rejects(
			checkDistinctEngines([{name: 'a', target: target(hostOne), engine: one}, {name: 'b', target: target(hostOne), engine: again}]),
			(error: Error) => error instanceof SameEngineError && /"a" and "b" are the same engine/.test(error.message),
		);
		await checkDistinctEngines([{name: 'a', target: target(hostOne), engine: one}, {name: 'b', target: target(hostTwo), engine: createEngine(target(hostTwo))}]);
	});

	test('a frozen engine (SIGSTOP) shows as not responding within seconds, the other stays up, then it recovers', async () => {
		const pid = secondEnginePid();
		process.kill(pid, 'SIGSTOP');
		try {
			await waitFor(() => status('two') === 'stalled', {timeoutMs: 5000, what: 'host two not responding'});
			assert.equal(status('one'), 'up');
			assert.match(store.getSnapshot().hosts?.two?.message ?? '', /no answer to a ping/);
			// The other host is not slowed: its events still arrive.
			const id = await dockerOn(hostOne, 'run', '-d', '--label', label, testImage, 'sleep', '300');
			await waitFor(() => store.getSnapshot().containers.has(id), {timeoutMs: 3000, what: 'host one still live while two is frozen'});
		} finally {
			process.kill(pid, 'SIGCONT');
		}
		await waitFor(() => status('two') === 'up', {timeoutMs: 10_000, what: 'host two up again'});
	});

	test('a host that goes away is reconnecting, the other unaffected, and it comes back', async () => {
		stopSecondEngine();
		try {
			await waitFor(() => status('two') === 'retrying', {timeoutMs: 15_000, what: 'host two reconnecting'});
			assert.equal(status('one'), 'up');
			assert.equal(store.getSnapshot().connection.status, 'up', 'the summary stays up while one host is');
			const id = await dockerOn(hostOne, 'run', '-d', '--label', label, testImage, 'sleep', '300');
			await waitFor(() => store.getSnapshot().containers.has(id), {timeoutMs: 3000, what: 'host one still live while two is gone'});
		} finally {
			secondHost();
		}
		await waitFor(() => status('two') === 'up', {timeoutMs: 30_000, what: 'host two back'});
		await waitFor(() => store.getSnapshot().containers.get(ids.two)?.host === 'two', {what: 'host two rows after the resync'});
	});
});

describe(':ctx on real engines', () => {
	test('adds a context beside the host on screen, refuses the same engine twice, and will not switch to one that is not there', async () => {
		const hostOne = testHost();
		const hostTwo = secondHost();
		const store = createStore(initialState({target: ''}), {batchMs: 0});
		const contexts: Record<string, string> = {two: hostTwo, again: hostOne, nowhere: 'unix:///nonexistent/docker.sock'};
		const owners = buildOwners([{name: 'one', target: target(hostOne)}], store, {
			sync: {reconcileMs: 0},
			contexts: {list: () => Object.keys(contexts), resolve: name => target(contexts[name]!)},
		});
		owners.start();
		try {
			await waitFor(() => store.getSnapshot().hosts?.one?.status === 'up', {timeoutMs: 15_000, what: 'host one up'});
			assert.deepEqual(await owners.control.useContext('two', true), {text: 'added host two', level: 'info'});
			await waitFor(() => store.getSnapshot().hosts?.two?.status === 'up', {timeoutMs: 15_000, what: 'the added host up'});
			const same = await owners.control.useContext('again', true);
			assert.equal(same.level, 'error');
			assert.match(same.text, /already on screen/);
			assert.deepEqual(Object.keys(store.getSnapshot().hosts ?? {}), ['one', 'two']);
			const nowhere = await owners.control.useContext('nowhere', false);
			assert.equal(nowhere.level, 'error');
			assert.match(nowhere.text, /staying on one, two/);
			assert.deepEqual([...owners.engines.keys()], ['one', 'two']);
		} finally {
			await owners.stop();
		}
	});
});
