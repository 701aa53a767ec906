import {computeSample} from '../domain/stats-calc.js';
import type {Engine} from '../engine/engine.js';
import {pushStats} from '../store/stats-slice.js';
import type {Store} from '../store/store.js';

/**
 * Owns one stats stream per container. `ensure` starts a stream unless one is
 * running; `stop` aborts it. Nothing is subscribed twice, and `stopAll` leaves
 * no stream behind.
 */
export class StatsStreams {
	private readonly controllers = new Map<string, AbortController>();

	constructor(private readonly engine: Engine, private readonly store: Store) {}

	/** Ids with a running stream (for tests and the benchmark). */
	get active(): string[] {
		return [...this.controllers.keys()];
	}

	ensure(id: string): void {
		if (this.controllers.has(id)) return;
		const controller = new AbortController();
		this.controllers.set(id, controller);
		void this.run(id, controller);
	}

	stop(id: string): void {
		this.controllers.get(id)?.abort();
		this.controllers.delete(id);
	}

	stopAll(): void {
		for (const id of [...this.controllers.keys()]) this.stop(id);
	}

	private async run(id: string, controller: AbortController): Promise<void> {
		try {
			const frames = await this.engine.stats(id, controller.signal);
			for await (const raw of frames) {
				if (controller.signal.aborted) break;
				// The engine sends a frame of zeros once the container has stopped.
				if (!raw.read || raw.read.startsWith('0001-')) continue;
				const sample = computeSample(raw);
				this.store.update(state => pushStats(state, id, sample));
			}
		} catch {
			// The stream ends when the container stops or the engine goes away;
			// events or the reconnect loop decide what happens next.
		} finally {
			if (this.controllers.get(id) === controller) this.controllers.delete(id);
		}
	}
}
