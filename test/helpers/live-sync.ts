import {resolveTarget} from '../../source/engine/connection.js';
import {createEngine, type Engine} from '../../source/engine/engine.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore, type Store} from '../../source/store/store.js';
import {Sync} from '../../source/sync/sync.js';
import {testHost} from './engine.js';
import {waitFor} from './wait.js';

/** A real engine, store and sync on the private engine, connected and in step. */
export type LiveSync = {engine: Engine; store: Store; sync: Sync; stop: () => Promise<void>};

/** The real engine for the private test engine. */
export function testEngine(): Engine {
	return createEngine(resolveTarget({host: testHost(), env: {}, homeDir: '/nonexistent'}));
}

/**
 * Starts sync against the private engine (or `engine`: the TLS one, Podman)
 * and waits until it is up. `wrap` lets a test observe engine calls without
 * changing what they do.
 */
export async function startLiveSync({wrap = engine => engine, engine: given}: {wrap?: (engine: Engine) => Engine; engine?: Engine} = {}): Promise<LiveSync> {
	const engine = wrap(given ?? testEngine());
	const store = createStore(initialState({target: engine.description}), {batchMs: 0});
	const sync = new Sync(engine, store);
	const controller = new AbortController();
	const running = sync.run({signal: controller.signal});
	await waitFor(() => store.getSnapshot().connection.status === 'up', {what: 'connection up'});
	return {
		engine,
		store,
		sync,
		async stop() {
			controller.abort();
			await running;
		},
	};
}
