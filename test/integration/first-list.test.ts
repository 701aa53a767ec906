import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import type {Engine} from '../../source/engine/engine.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore} from '../../source/store/store.js';
import {setVisibleContainers} from '../../source/store/visibility-slice.js';
import {StatsStreams} from '../../source/sync/stats-streams.js';
import {Sync} from '../../source/sync/sync.js';
import {TestContainers} from '../helpers/engine.js';
import {testEngine} from '../helpers/live-sync.js';
import {waitFor} from '../helpers/wait.js';

const recorded = new Set(['listContainersAt', 'events', 'listImages', 'listVolumes', 'listNetworks', 'diskUsage', 'inspectContainer']);

/** The real engine through our Engine interface, each call above recorded in order; inspects take `inspectDelayMs` longer. */
function recording(inspectDelayMs = 0): {engine: Engine; calls: string[]; answering: () => number} {
	const real = testEngine();
	const calls: string[] = [];
	let answering = 0;
	const engine = new Proxy(real, {
		get(target, property) {
			const value = Reflect.get(target, property, target) as unknown;
			if (typeof value !== 'function') return value;
			if (typeof property !== 'string' || !recorded.has(property)) return value.bind(target);
			return async (...args: unknown[]) => {
				calls.push(property);
				answering++;
				try {
					if (property === 'inspectContainer' && inspectDelayMs > 0) await new Promise(resolve => setTimeout(resolve, inspectDelayMs));
					return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
				} finally {
					answering--;
				}
			};
		},
	}) as Engine;
	return {engine, calls, answering: () => answering};
}

/**
 * Start-up draws its first frame as soon as the first container list is in
 * the store. The images, volumes, networks and disk lists and one inspect per
 * container used to be sent before and beside that list: a dozen requests, a
 * millisecond or more of CPU each, ahead of the first frame. They now wait a
 * turn of the event loop after the list, and belong to the session that
 * listed: inspects still queued when it ends are not sent. So does the events
 * subscription (sync.ts: it asks for what happened since the list).
 */
describe('the first list', () => {
	const containers = new TestContainers();
	// More live containers than the eight inspects the fill-in runs at once.
	const names = Array.from({length: 10}, () => containers.name('porthole-first-list'));
	const ids: string[] = [];
	const controllers: AbortController[] = [];
	const runs: Array<Promise<void>> = [];
	before(async () => {
		for (const name of names) ids.push(await containers.run(name, ['sleep', '600']));
	});
	after(async () => {
		for (const controller of controllers) controller.abort();
		await Promise.all(runs);
		await containers.cleanup();
	});

	function start(engine: Engine): {sync: Sync; stats: StatsStreams; controller: AbortController} {
		// On screen, as the app has it: only these get stats streams, whatever else the engine runs.
		const store = createStore(setVisibleContainers(initialState({target: engine.description}), ids), {batchMs: 0});
		const stats = new StatsStreams(engine, store);
		const sync = new Sync(engine, store, {reconcileMs: 0, stats});
		const controller = new AbortController();
		controllers.push(controller);
		runs.push(sync.run({signal: controller.signal}));
		return {sync, stats, controller};
	}

	it('is stored before any other list or inspect is asked for, and they follow', async () => {
		const {engine, calls} = recording();
		const {sync} = start(engine);
		await sync.listed;
		const atListed = [...calls];
		assert.deepEqual(atListed, ['listContainersAt'], `asked for before the first list was stored: ${atListed.join(', ')}`);
		await waitFor(() => ['events', 'listImages', 'listVolumes', 'listNetworks', 'inspectContainer'].every(call => calls.includes(call)), {what: `the other lists and the inspects to follow (seen: ${[...new Set(calls)].join(', ')})`});
	});

	it('stops inspecting when its session ends, and leaves no stats stream behind', async () => {
		const {engine, calls, answering} = recording(300);
		const {sync, stats, controller} = start(engine);
		await sync.listed;
		await waitFor(() => calls.includes('inspectContainer'), {what: 'the first inspects'});
		controller.abort();
		await runs.at(-1);
		const atEnd = calls.filter(call => call === 'inspectContainer').length;
		assert.deepEqual(stats.active, [], 'no stats stream once the run has ended');
		// The eight inspects in flight answer after 300 ms; the queued ones used to start then.
		await waitFor(() => answering() === 0, {what: 'every request asked to have answered'});
		assert.equal(calls.filter(call => call === 'inspectContainer').length, atEnd, 'inspects started after the session ended');
		assert.deepEqual(stats.active, [], 'stats streams opened after the session ended');
	});
});
