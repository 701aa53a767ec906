import type {EngineEvent} from '../engine/engine.js';

/**
 * Listeners of engine events (the logs view's re-attach, the events view's
 * record), called in turn; one that throws does not stop the others, nor the
 * sync that calls them.
 */
export class EventListeners {
	private readonly listeners = new Set<(event: EngineEvent) => void>();

	/** Adds one; returns the unsubscribe. */
	add(listener: (event: EngineEvent) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Calls each with `event`. */
	emit(event: EngineEvent): void {
		for (const listener of this.listeners) {
			try {
				listener(event);
			} catch {
				// A listener's trouble is its own; the sync carries on.
			}
		}
	}
}
