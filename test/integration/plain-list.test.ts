import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {createServer, type Server, type Socket} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {dockerodeFor, resolveTarget} from '../../source/engine/connection.js';
import {containersApi} from '../../source/engine/containers-api.js';
import type {Engine} from '../../source/engine/engine.js';
import {dropEarlyList, startEarlyList, takeEarlyList} from '../../source/engine/early-list.js';
import {NotPlainHttp, plainGet} from '../../source/engine/plain-get.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore} from '../../source/store/store.js';
import {Sync} from '../../source/sync/sync.js';
import {TestContainers, testHost, testSocket} from '../helpers/engine.js';
import {testEngine} from '../helpers/live-sync.js';
import {waitFor} from '../helpers/wait.js';

/** A unix socket server in a private folder; `answer` handles each connection. */
async function socketServer(answer: (socket: Socket) => void): Promise<{path: string; server: Server; sockets: Socket[]; close: () => Promise<void>}> {
	const dir = mkdtempSync(join(tmpdir(), 'porthole-plain-'));
	const path = join(dir, 'fake.sock');
	const sockets: Socket[] = [];
	const server = createServer(socket => {
		sockets.push(socket);
		socket.on('error', () => undefined);
		// Read what comes, so that the client's close is seen.
		socket.resume();
		answer(socket);
	});
	await new Promise<void>(resolve => server.listen(path, resolve));
	return {
		path,
		server,
		sockets,
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise(resolve => server.close(resolve));
			rmSync(dir, {recursive: true, force: true});
		},
	};
}

/**
 * The container list as a plain HTTP/1.0 GET (engine/plain-get.ts), against
 * the real engine: the same rows as dockerode's, the engine's clock with
 * them, dockerode's way when a stranger answers, and nothing left open.
 */
describe('the plain container list', () => {
	const containers = new TestContainers();
	const name = containers.name('porthole-plain-list');
	const target = resolveTarget({host: testHost(), env: {}, homeDir: '/nonexistent'});
	before(async () => {
		await containers.run(name, ['sleep', '600']);
	});
	after(async () => containers.cleanup());

	it('gives the rows dockerode gives, and a time on the engine\'s clock at or before the list', async () => {
		const docker = dockerodeFor(target);
		const before = Math.floor(Date.now() / 1000);
		const plain = await containersApi(docker, {socketPath: testSocket()}).listContainersAt();
		const viaDockerode = await containersApi(docker).listContainersAt();
		const key = (rows: typeof plain.rows) => rows.map(row => `${row.id} ${row.name} ${row.state} ${row.image}`).sort();
		assert.deepEqual(key(plain.rows), key(viaDockerode.rows));
		assert.ok(plain.rows.some(row => row.name === name), 'our container is in the list');
		assert.equal(viaDockerode.at, undefined, 'dockerode\'s list has no clock');
		// The engine runs on this machine: its clock is ours.
		assert.ok(plain.at !== undefined && plain.at <= Math.ceil(Date.now() / 1000) && plain.at >= before - 2, `at ${plain.at}, asked at ${before}`);
	});

	it('asks dockerode when what answers is not HTTP', async () => {
		const fake = await socketServer(socket => socket.end('SSH-2.0-OpenSSH_9.2\r\n'));
		try {
			await assert.rejects(plainGet({socketPath: fake.path}, '/containers/json', AbortSignal.timeout(5000)), NotPlainHttp);
			const listing = await containersApi(dockerodeFor(target), {socketPath: fake.path}).listContainersAt();
			assert.ok(listing.rows.some(row => row.name === name), 'the list came through dockerode');
		} finally {
			await fake.close();
		}
	});

	it('closes its socket when its signal aborts, and refuses an answer without end', async () => {
		const fake = await socketServer(socket => socket.write('HTTP/1.0 200 OK\r\n\r\n['));
		try {
			const controller = new AbortController();
			const asked = plainGet({socketPath: fake.path}, '/containers/json', controller.signal);
			await waitFor(() => fake.sockets.length === 1, {what: 'the request to arrive'});
			controller.abort(new Error('stop asking'));
			await assert.rejects(asked, /stop asking/);
			await waitFor(() => fake.sockets[0]!.destroyed, {what: 'the server to see the socket closed'});
		} finally {
			await fake.close();
		}
	});

	it('refuses an answer larger than its cap, and closes the socket', async () => {
		const fake = await socketServer(socket => socket.write(`HTTP/1.0 200 OK\r\n\r\n[${'1,'.repeat(4096)}`));
		try {
			await assert.rejects(plainGet({socketPath: fake.path}, '/containers/json', AbortSignal.timeout(5000), 1024), /over 1024 bytes/);
			await waitFor(() => fake.sockets[0]?.destroyed === true, {what: 'the server to see the socket closed'});
		} finally {
			await fake.close();
		}
	});
});

/**
 * The launcher's early list (engine/early-list.ts): the first list of the
 * socket it was asked of takes it once; a start that resolved another engine
 * drops it, and its socket is closed.
 */
describe('the early list', () => {
	after(() => {
		dropEarlyList();
	});

	it('is taken by the first list of its socket, once', async () => {
		const fake = await socketServer(socket => socket.end('HTTP/1.0 200 OK\r\nDate: Thu, 03 Dec 2026 17:30:09 GMT\r\n\r\n[{"Id":"early","Names":["/early"],"State":"running","Status":"Up","Image":"busybox","Labels":{}}]'));
		try {
			startEarlyList(fake.path);
			assert.equal(takeEarlyList('/elsewhere.sock'), undefined, 'not for another socket');
			// dockerode is never asked: the early answer is the list.
			const api = containersApi(dockerodeFor({kind: 'unix', socketPath: join(fake.path, 'none'), source: 'test'}), {socketPath: fake.path});
			const listing = await api.listContainersAt();
			assert.deepEqual(listing.rows.map(row => row.name), ['early']);
			assert.ok(listing.at !== undefined && listing.at <= Date.UTC(2026, 11, 3, 17, 30, 9) / 1000);
			assert.equal(takeEarlyList(fake.path), undefined, 'taken once');
			assert.equal(fake.sockets.length, 1, 'one request, the launcher\'s');
			assert.equal(dropEarlyList(), 'taken');
			assert.equal(dropEarlyList(), undefined, 'nothing left to drop');
		} finally {
			await fake.close();
		}
	});

	it('is dropped, its socket closed, when no list takes it', async () => {
		const fake = await socketServer(() => undefined);
		try {
			startEarlyList(fake.path);
			await waitFor(() => fake.sockets.length === 1, {what: 'the early request to arrive'});
			assert.equal(dropEarlyList(), 'dropped');
			await waitFor(() => fake.sockets[0]!.destroyed, {what: 'the early socket to close'});
		} finally {
			await fake.close();
		}
	});
});

/**
 * The sync lists first and subscribes to events a turn later, from the
 * engine's time of the list on. A container that starts in between must not
 * be missed, whether or not the engine gave its clock.
 */
describe('the list before the events', () => {
	const containers = new TestContainers();
	after(async () => containers.cleanup());

	async function startsBetween(withClock: boolean): Promise<void> {
		const real = testEngine();
		const late = containers.name('porthole-between');
		let subscribedAfter: string[] = [];
		const calls: string[] = [];
		const engine = new Proxy(real, {
			get(target, property) {
				const value = Reflect.get(target, property, target) as unknown;
				if (property === 'listContainersAt') {
					return async () => {
						calls.push('list');
						const listing = await real.listContainersAt();
						return withClock ? listing : {rows: listing.rows};
					};
				}
				if (property === 'events') {
					return async (signal: AbortSignal, since?: number) => {
						// Between the list and the subscription: a container starts.
						if (!calls.includes('events')) await containers.run(late, ['sleep', '600']);
						calls.push('events');
						subscribedAfter = [...calls];
						return real.events(signal, since);
					};
				}
				return typeof value === 'function' ? value.bind(target) : value;
			},
		}) as Engine;
		const store = createStore(initialState({target: engine.description}), {batchMs: 0});
		const sync = new Sync(engine, store, {reconcileMs: 0});
		const controller = new AbortController();
		const running = sync.run({signal: controller.signal});
		try {
			await waitFor(() => [...store.getSnapshot().containers.values()].some(row => row.name === late && row.state === 'running'), {timeoutMs: 20_000, what: `${late}, started between the list and the subscription, to show as running`});
			assert.deepEqual(subscribedAfter, ['list', 'events'], 'the list came first');
			if (!withClock) await waitFor(() => calls.join() === 'list,events,list', {timeoutMs: 20_000, what: `a second list once subscribed (calls: ${calls.join()})`});
		} finally {
			controller.abort();
			await running;
		}
	}

	it('an engine that listed and then failed the subscription was up: it is "retrying", not "down"', async () => {
		const real = testEngine();
		const engine = new Proxy(real, {
			get(target, property) {
				if (property === 'events') return async () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), {code: 'ECONNREFUSED'}));
				const value = Reflect.get(target, property, target) as unknown;
				return typeof value === 'function' ? value.bind(target) : value;
			},
		}) as Engine;
		const store = createStore(initialState({target: engine.description}), {batchMs: 0});
		const sync = new Sync(engine, store, {reconcileMs: 0});
		const controller = new AbortController();
		const running = sync.run({signal: controller.signal, baseBackoffMs: 50, maxBackoffMs: 50});
		try {
			await waitFor(() => store.getSnapshot().connection.status === 'retrying', {what: `"retrying" (status: ${store.getSnapshot().connection.status})`});
		} finally {
			controller.abort();
			await running;
		}
	});

	it('sends again what happened since the list (the engine gave its clock)', async () => startsBetween(true));
	it('lists again once subscribed (the engine gave no clock)', async () => startsBetween(false));
});
