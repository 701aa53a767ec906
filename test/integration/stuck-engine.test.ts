import assert from 'node:assert/strict';
import {createServer, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, describe, it} from 'node:test';
import {resolveTarget} from '../../source/engine/connection.js';
import {createEngine} from '../../source/engine/engine.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore} from '../../source/store/store.js';
import {Sync} from '../../source/sync/sync.js';
import {waitFor} from '../helpers/wait.js';

/**
 * A stuck dockerd answers /_ping and nothing else. A real HTTP server on
 * 127.0.0.1 plays it (dockerode is not mocked): every call must end at its
 * deadline, and the app must say the engine is not answering rather than
 * "connecting…" for ever.
 */
describe('an engine that answers /_ping and then nothing', () => {
	let server: Server;
	const held: ServerResponse[] = [];
	let host = '';

	before(async () => {
		server = createServer((request, response) => {
			if (request.url?.startsWith('/_ping')) response.end('OK');
			else held.push(response);
		});
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		host = `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	after(async () => {
		for (const response of held) response.destroy();
		server.closeAllConnections();
		await new Promise(resolve => server.close(resolve));
	});

	const engine = () => createEngine(resolveTarget({host, env: {}, homeDir: '/nonexistent'}));

	it('list, inspect, one-shot stats and the events subscription end at their deadline, classified as timeouts', {timeout: 20_000}, async () => {
		const e = engine();
		const calls: Array<[string, Promise<unknown>]> = [
			['list', e.listContainers()],
			['inspect', e.inspectContainer('abc')],
			['one-shot stats', e.statsOnce('abc', {oneShot: true})],
			['events subscription', e.events(new AbortController().signal)],
		];
		const started = Date.now();
		for (const [what, call] of calls) {
			const error = await call.then(() => undefined, (caught: unknown) => caught);
			assert.ok(error, `${what} failed`);
			assert.match(e.explain(error), /is not answering \(no answer within 10 s/, what);
		}
		assert.ok(Date.now() - started < 12_000, 'all within the deadline');
	});

	it('the sync says the engine is not answering instead of connecting for ever', {timeout: 30_000}, async () => {
		const e = engine();
		const store = createStore(initialState({target: e.description}), {batchMs: 0});
		const controller = new AbortController();
		const running = new Sync(e, store).run({signal: controller.signal});
		try {
			const connection = await waitFor(() => {
				const c = store.getSnapshot().connection;
				// Never answered since start reads as down; lost after answering, as retrying.
				return c.status === 'retrying' || c.status === 'down' ? c : undefined;
			}, {what: 'status retrying', timeoutMs: 15_000, intervalMs: 100});
			assert.match(connection.message ?? '', /not answering/);
		} finally {
			controller.abort();
			await running;
		}
	});
});
