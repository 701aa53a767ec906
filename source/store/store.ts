import type {AppState} from './state.js';

/** Listener called after a batch of changes. */
export type Listener = () => void;

/** A minimal external store for `useSyncExternalStore`, with batched notifications. */
export type Store = {
	getSnapshot(): AppState;
	subscribe(listener: Listener): () => void;
	/** Replaces the state with `change(state)`; listeners hear of it at most once per batch window. */
	update(change: (state: AppState) => AppState): void;
	/** Notifies now instead of at the end of the batch window (used when closing). */
	flush(): void;
};

/**
 * Creates the store. High-rate updates (a stats frame per container per second)
 * are coalesced: the first change after a quiet spell notifies on the next
 * tick, later ones at most once per `batchMs`. When nothing changes, nothing runs.
 */
export function createStore(initial: AppState, {batchMs = 50}: {batchMs?: number} = {}): Store {
	let state = initial;
	let lastNotify = 0;
	let timer: NodeJS.Timeout | undefined;
	const listeners = new Set<Listener>();

	const flush = () => {
		if (timer) clearTimeout(timer);
		timer = undefined;
		lastNotify = Date.now();
		for (const listener of listeners) listener();
	};

	return {
		getSnapshot: () => state,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		update(change) {
			const next = change(state);
			if (next === state) return;
			state = next;
			if (timer) return;
			const wait = Math.max(0, lastNotify + batchMs - Date.now());
			timer = setTimeout(flush, wait);
		},
		flush,
	};
}

/**
 * Resolves once `ready(state)` holds, or after `timeoutMs`, whichever is first.
 * Start-up waits this way for the first container list, so the first frame
 * already shows it instead of a blank table redrawn a moment later.
 */
export function whenReady(store: Store, ready: (state: AppState) => boolean, timeoutMs: number): Promise<void> {
	return new Promise(resolve => {
		if (ready(store.getSnapshot())) return resolve();
		const done = () => {
			clearTimeout(timer);
			unsubscribe();
			resolve();
		};
		const timer = setTimeout(done, timeoutMs);
		const unsubscribe = store.subscribe(() => {
			if (ready(store.getSnapshot())) done();
		});
	});
}
