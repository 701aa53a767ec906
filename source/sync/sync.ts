import {isLive, type ContainerRow} from '../domain/container.js';
import {rowAfterEvent} from '../domain/container-events.js';
import {eachLimited} from '../domain/each-limited.js';
import type {Engine, EngineEvent} from '../engine/engine.js';
import {removeContainer, replaceContainers, upsertContainer} from '../store/containers-slice.js';
import {clearStats} from '../store/stats-slice.js';
import type {Store} from '../store/store.js';
import {setConnection} from '../store/ui-slice.js';
import {ResourceSync} from './resource-sync.js';
import {StatsStreams} from './stats-streams.js';

/** Container event actions that change nothing we show; re-reading on them causes refresh storms. */
const noise = /^(exec_|top$|attach$|resize$|detach$|export$|commit$|copy$|archive-path$|extract-to-dir$)/;

/** How long to wait before each reconnect attempt, doubling up to a cap. */
export function backoff(attempt: number, baseMs = 250, capMs = 5000): number {
	return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** Options for the sync loop; tests shorten the backoff. */
export type SyncOptions = {signal: AbortSignal; baseBackoffMs?: number; maxBackoffMs?: number};

/**
 * Keeps the store in step with the engine: subscribes to events, lists once,
 * then re-inspects only the container an event names. One stats stream per
 * live container. When the engine goes away it says "retrying", backs off,
 * and on return resyncs everything once.
 */
export class Sync {
	readonly stats: StatsStreams;
	/** Images, volumes, networks and disk usage: re-listed on their own events. */
	readonly resources: ResourceSync;
	private readonly inflight = new Map<string, Promise<void>>();
	private readonly again = new Set<string>();
	private readonly eventListeners = new Set<(event: EngineEvent) => void>();
	private readonly anyEventListeners = new Set<(event: EngineEvent) => void>();
	/** Bumped when a connection session ends, so late answers from it start no streams. */
	private session = 0;
	/** Resolves once the first container list is in the store (start-up draws its first frame then). */
	readonly listed: Promise<void>;
	private markListed: () => void = () => undefined;

	constructor(private readonly engine: Engine, private readonly store: Store) {
		this.stats = new StatsStreams(engine, store);
		this.resources = new ResourceSync(engine, store);
		this.listed = new Promise(resolve => (this.markListed = resolve));
	}

	/** Runs until the signal aborts. Never throws. */
	async run({signal, baseBackoffMs = 250, maxBackoffMs = 5000}: SyncOptions): Promise<void> {
		let attempt = 0;
		while (!signal.aborted) {
			const session = new AbortController();
			const stopSession = () => session.abort();
			signal.addEventListener('abort', stopSession, {once: true});
			try {
				const events = await this.engine.events(session.signal);
				await this.resync();
				attempt = 0;
				this.store.update(state => setConnection(state, {status: 'up'}));
				for await (const event of events) this.onEvent(event);
				if (!signal.aborted) throw new Error('the engine closed the events stream');
			} catch (error) {
				if (signal.aborted) break;
				attempt++;
				const message = this.engine.explain(error);
				this.store.update(state => setConnection(state, {status: 'retrying', message, attempt}));
			} finally {
				signal.removeEventListener('abort', stopSession);
				session.abort();
				this.session++;
				this.stats.stopAll();
			}
			await sleep(backoff(attempt, baseBackoffMs, maxBackoffMs), signal);
		}
		this.stats.stopAll();
		this.resources.stop();
	}

	/** Lists everything, then fills in the details with a few inspects at a time, without waiting for them. */
	private async resync(): Promise<void> {
		void this.resources.refreshAll();
		const rows = await this.engine.listContainers();
		this.store.update(state => replaceContainers(state, rows));
		this.markListed();
		for (const row of rows) if (isLive(row.state)) this.stats.ensure(row.id);
		// The details fill in behind: events are handled meanwhile, and the
		// status says connected as soon as the list is on screen. An event for a
		// container being inspected just queues one more inspect.
		void eachLimited(rows, 8, row => this.refresh(row.id));
	}

	/**
	 * Hears every container event, noise included, before the sync acts on it;
	 * for owners of other streams (the logs view re-attaches on start). Returns the unsubscribe.
	 */
	onContainerEvent(listener: (event: EngineEvent) => void): () => void {
		this.eventListeners.add(listener);
		return () => this.eventListeners.delete(listener);
	}

	/**
	 * Hears every engine event of every type, noise included, before anything
	 * else looks at it (the events view records them). Returns the unsubscribe.
	 */
	onAnyEvent(listener: (event: EngineEvent) => void): () => void {
		this.anyEventListeners.add(listener);
		return () => this.anyEventListeners.delete(listener);
	}

	private onEvent(event: EngineEvent): void {
		for (const listener of this.anyEventListeners) {
			try {
				listener(event);
			} catch {
				// A listener's trouble is its own; the sync carries on.
			}
		}
		if (event.type !== 'container') return this.resources.onEvent(event);
		if (!event.id) return;
		for (const listener of this.eventListeners) {
			try {
				listener(event);
			} catch {
				// A listener's trouble is its own; the sync carries on.
			}
		}
		const action = event.action.split(':')[0] ?? '';
		if (noise.test(action)) return;
		if (action === 'destroy') {
			this.stats.stop(event.id);
			this.store.update(state => removeContainer(state, event.id));
			return;
		}
		// Show what the event says at once; the inspect behind it fills in the rest.
		this.store.update(state => {
			const row = rowAfterEvent(state.containers.get(event.id), event);
			return row ? upsertContainer(state, row) : state;
		});
		void this.refresh(event.id);
	}

	/** Re-inspects one container. Events that arrive meanwhile cause one more inspect, not one each. */
	refresh(id: string): Promise<void> {
		const running = this.inflight.get(id);
		if (running) {
			this.again.add(id);
			return running;
		}
		const work = this.inspect(id).finally(() => {
			this.inflight.delete(id);
			if (this.again.delete(id)) void this.refresh(id);
		});
		this.inflight.set(id, work);
		return work;
	}

	private async inspect(id: string): Promise<void> {
		const session = this.session;
		let row: ContainerRow | undefined;
		try {
			row = await this.engine.inspectContainer(id);
		} catch {
			return; // The engine is going away; the run loop notices through the events stream.
		}
		if (session !== this.session) return; // The connection this answer came from is closed.
		if (!row) {
			this.stats.stop(id);
			this.store.update(state => removeContainer(state, id));
			return;
		}
		const found = row;
		this.store.update(state => upsertContainer(state, found));
		if (isLive(found.state)) {
			this.stats.ensure(id);
		} else {
			this.stats.stop(id);
			this.store.update(state => clearStats(state, id));
		}
	}
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise(resolve => {
		if (signal.aborted) return resolve();
		const timer = setTimeout(done, ms);
		function done() {
			clearTimeout(timer);
			signal.removeEventListener('abort', done);
			resolve();
		}
		signal.addEventListener('abort', done, {once: true});
	});
}
