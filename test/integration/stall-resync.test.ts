import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import type {Engine} from '../../source/engine/engine.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore} from '../../source/store/store.js';
import {Sync} from '../../source/sync/sync.js';
import {testEngine} from '../helpers/live-sync.js';
import {waitFor} from '../helpers/wait.js';

/**
 * An engine that answers a ping after a stall is re-listed at once (events may
 * have been missed). When that list failed, because the engine went away just
 * then, nothing caught it. Node turns an unhandled rejection into a crash with
 * a stack trace, and CI saw it once as "write EPIPE" when a test stopped the
 * second engine just after it had recovered from SIGSTOP. Here the real
 * engine is used through our Engine interface with two faults put in front
 * of it: pings fail (the stall), then every list fails (the engine going away).
 */
describe('a failed re-list after a stall', () => {
	const unhandled: unknown[] = [];
	const onUnhandled = (reason: unknown) => unhandled.push(reason);
	process.on('unhandledRejection', onUnhandled);
	const controller = new AbortController();
	let running: Promise<void> | undefined;
	after(async () => {
		controller.abort();
		await running;
		process.off('unhandledRejection', onUnhandled);
	});

	it('is not an unhandled rejection, and the host stays up', async () => {
		const real = testEngine();
		let fault: 'none' | 'pings' | 'lists' = 'none';
		let failedLists = 0;
		const engine = new Proxy(real, {
			get(target, property) {
				if (property === 'ping' && fault === 'pings') return async () => Promise.reject(new Error('frozen'));
				if ((property === 'listContainers' || property === 'listContainersAt') && fault === 'lists') {
					return async () => {
						failedLists++;
						throw Object.assign(new Error('write EPIPE'), {code: 'EPIPE', syscall: 'write'});
					};
				}
				const value = Reflect.get(target, property, target) as unknown;
				return typeof value === 'function' ? value.bind(target) : value;
			},
		}) as Engine;
		const store = createStore(initialState({target: engine.description}), {batchMs: 0});
		const sync = new Sync(engine, store, {ping: {everyMs: 50, deadlineMs: 1000}, reconcileMs: 0});
		running = sync.run({signal: controller.signal});
		const status = () => store.getSnapshot().connection.status;
		await waitFor(() => status() === 'up', {what: 'connected'});
		fault = 'pings';
		await waitFor(() => status() === 'stalled', {what: 'stalled on failed pings'});
		fault = 'lists';
		await waitFor(() => status() === 'up' && failedLists > 0, {what: 'up again, and the re-list tried and failed'});
		// An unhandled rejection is reported once the microtasks of that turn have run: give it two turns.
		await new Promise(resolve => setImmediate(resolve));
		await new Promise(resolve => setImmediate(resolve));
		assert.deepEqual(unhandled.map(reason => (reason as Error).message), []);
		assert.equal(status(), 'up');
		fault = 'none';
	});
});
