import {isLive, type ContainerRow} from '../domain/container.js';
import {containerEventKind, rowAfterEvent} from '../domain/container-events.js';
import {eachLimited} from '../domain/each-limited.js';
import type {Engine, EngineEvent} from '../engine/engine.js';
import {removeContainer, replaceContainers, upsertContainer} from '../store/containers-slice.js';
import {clearStats} from '../store/stats-slice.js';
import type {Store} from '../store/store.js';
import {backoff, nextTurn, sleep} from './backoff.js';
import {PingWatch, type PingResult, type PingWatchOptions} from './ping-watch.js';
import {ResourceSync} from './resource-sync.js';
import {StatsStreams, type StatsOwner} from './stats-streams.js';
import {Tombstones} from './tombstones.js';
import {Coalesced} from './coalesced.js';
import {EventListeners} from './event-listeners.js';
import {HostStatus} from './host-status.js';
import {Repeat} from './repeat.js';


/** Options for the sync loop; tests shorten the backoff. */
export type SyncOptions = {signal: AbortSignal; baseBackoffMs?: number; maxBackoffMs?: number};

/** A round trip this long or longer is shown in the status bar. */
export const slowRttMs = 100;

/**
 * What a Sync is built with besides its engine and store. The composition
 * root builds the stats and resource owners and passes them in; tests may
 * leave them out and get defaults.
 */
export type SyncParts = {
	/** The host's short name: rows are tagged with it and its connection is kept under it. */
	host?: string;
	stats?: StatsOwner;
	resources?: ResourceSync;
	/** The frozen-engine watch; tests shorten it. */
	ping?: PingWatchOptions;
	/** How often an idle sync re-lists to drop rows the engine no longer has (0: never). */
	reconcileMs?: number;
};

/**
 * Keeps the store in step with the engine: subscribes to events, lists once,
 * then re-inspects only the container an event names. One stats stream per
 * live container. When the engine goes away it says "retrying", backs off,
 * and on return resyncs everything once.
 */
export class Sync {
	readonly stats: StatsOwner;
	/** Images, volumes, networks and disk usage: re-listed on their own events. */
	readonly resources: ResourceSync;
	/** One inspect per container at a time, and one more for the events that came meanwhile. */
	private readonly inspects = new Coalesced(async id => (this.tombstones.has(id) ? undefined : this.inspect(id)));
	private readonly containerListeners = new EventListeners();
	private readonly anyListeners = new EventListeners();
	/** Bumped when a connection session ends, so late answers from it start no streams. */
	private session = 0;
	/** Resolves once the first container list is in the store (start-up draws its first frame then). */
	readonly listed: Promise<void>;
	private markListed: () => void = () => undefined;
	/** Resolves when a session first fails: a host that is down does not hold up the first frame. */
	readonly failedOnce: Promise<void>;
	private markFailed: () => void = () => undefined;
	/** The host's short name, when the composition root gave one. */
	readonly host?: string;
	/** Recently destroyed ids, so a late inspect or list cannot bring one back. */
	readonly tombstones = new Tombstones();
	private readonly pings: PingWatch;
	private readonly reconcileMs: number;
	private readonly reconciles: Repeat;
	private readonly status: HostStatus;
	/** When the last container event arrived: the idle re-list waits for a quiet spell. */
	private lastEventAt = 0;
	/** Ids an event touched since the current re-list began; the re-list must not drop them. */
	private touched?: Set<string>;
	/** False until the first session is up: a host that never answered is `down`, one that went away `retrying`. */
	private everUp = false;
	private stalled = false;

	constructor(private readonly engine: Engine, private readonly store: Store, parts: SyncParts = {}) {
		this.host = parts.host;
		this.stats = parts.stats ?? new StatsStreams(engine, store);
		this.resources = parts.resources ?? new ResourceSync(engine, store);
		this.reconcileMs = parts.reconcileMs ?? 45_000;
		this.reconciles = new Repeat(this.reconcileMs, async () => this.reconcile());
		this.status = new HostStatus(store, this.host);
		this.listed = new Promise(resolve => (this.markListed = resolve));
		this.failedOnce = new Promise(resolve => (this.markFailed = resolve));
		this.pings = new PingWatch(signal => engine.ping(signal), result => this.onPing(result), parts.ping);
	}

	/** A ping answered: up (with a slow round trip shown), or frozen: `stalled` until it answers again. */
	private onPing(result: PingResult): void {
		if (!result.ok) {
			this.stalled = true;
			this.status.set({status: 'stalled', message: result.message});
			return;
		}
		const wasStalled = this.stalled;
		this.stalled = false;
		const rttMs = result.rttMs >= slowRttMs ? result.rttMs : undefined;
		this.status.set({status: 'up', rttMs});
		// Events may have been missed while frozen (the engine's buffer is bounded): read everything once.
		// A list that fails (the engine going away just then) keeps the rows as they were; the run
		// loop hears of a lost engine through the events stream. Uncaught, it crashed the process.
		if (wasStalled) this.resync().catch(() => undefined);
	}

	/** Runs until the signal aborts. Never throws. */
	async run({signal, baseBackoffMs = 250, maxBackoffMs = 5000}: SyncOptions): Promise<void> {
		let attempt = 0;
		while (!signal.aborted) {
			const session = new AbortController();
			const stopSession = () => session.abort();
			signal.addEventListener('abort', stopSession, {once: true});
			try {
				await this.engine.ready(session.signal);
				// The list first, then the events from the engine's time of the list on
				// (the engine sends again what it holds from then): nothing falls between
				// the two, and the first frame does not wait on the subscription, whose
				// request through Node's HTTP client costs 6 to 8 ms of CPU the first time.
				const at = await this.resync();
				// It answered: from now on a failure is "retrying", not "down".
				this.everUp = true;
				this.stalled = false;
				this.status.set({status: 'up'});
				await nextTurn();
				const events = await this.engine.events(session.signal, at);
				// An engine that gave no clock: the list again, now that its events are on.
				if (at === undefined) await this.resync();
				attempt = 0;
				const current = this.session;
				this.status.learnProduct(this.engine, () => current === this.session && !this.stalled);
				this.pings.start();
				this.reconciles.start();
				for await (const event of events) this.onEvent(event);
				if (!signal.aborted) throw new Error('the engine closed the events stream');
			} catch (error) {
				if (signal.aborted) break;
				attempt++;
				const message = this.engine.explain(error);
				this.status.set({status: this.everUp ? 'retrying' : 'down', message, attempt});
				this.markFailed();
			} finally {
				signal.removeEventListener('abort', stopSession);
				session.abort();
				this.session++;
				this.pings.stop();
				this.reconciles.stop();
				this.stats.stopAll();
			}
			await sleep(backoff(attempt, baseBackoffMs, maxBackoffMs), signal);
		}
		this.stats.stopAll();
		this.resources.stop();
	}

	/** Tags a row with this sync's host, so actions reach the engine that owns it. */
	private own(row: ContainerRow): ContainerRow {
		return this.host === undefined ? row : {...row, host: this.host};
	}

	/**
	 * The idle re-list, every `reconcileMs`: events are the truth, but a missed or misordered one
	 * could leave a row the engine no longer has. Skipped while events are arriving, it drops rows
	 * the list lacks unless an event touched them meanwhile, and inspects ones it lacks. Public for tests.
	 */
	async reconcile(): Promise<void> {
		if (Date.now() - this.lastEventAt < Math.min(5000, this.reconcileMs / 2) || this.inspects.size > 0) return;
		const session = this.session;
		const touched = new Set<string>();
		this.touched = touched;
		let rows: ContainerRow[];
		try {
			rows = await this.engine.listContainers();
		} catch {
			return; // The run loop hears of a lost engine through the events stream.
		} finally {
			if (this.touched === touched) this.touched = undefined;
		}
		if (session !== this.session) return;
		const listed = new Set(rows.map(row => row.id));
		const state = this.store.getSnapshot();
		for (const [id, row] of state.containers) {
			if (row.host !== this.host || listed.has(id) || touched.has(id)) continue;
			this.stats.stop(id);
			this.store.update(current => removeContainer(current, id));
		}
		for (const row of rows) if (!state.containers.has(row.id) && !this.tombstones.has(row.id)) void this.refresh(row.id);
	}

	/**
	 * Lists everything, then fills in the details with a few inspects at a time, without waiting for them.
	 * Resolves with a time on the engine's clock no later than the list (see listContainersAt), when it gave one.
	 */
	private async resync(): Promise<number | undefined> {
		const session = this.session;
		const listing = await this.engine.listContainersAt();
		const rows = listing.rows.filter(row => !this.tombstones.has(row.id)).map(row => this.own(row));
		this.store.update(state => replaceContainers(state, rows, this.host));
		this.markListed();
		for (const row of rows) if (isLive(row.state)) this.stats.ensure(row.id);
		// The rest fills in behind, a turn of the event loop later, so that
		// start-up draws the list first: the other resources and each
		// container's details were a dozen requests (a millisecond of CPU each)
		// ahead of the first frame. Events are handled meanwhile, and the status
		// says connected as soon as the list is on screen. An event for a
		// container being inspected just queues one more inspect.
		// Both belong to this session: once it ends (the engine went away, or
		// the host stopped), no more of the list is inspected. An inspect
		// started later would count as the next session's and open stats
		// streams that no one stops.
		const current = () => session === this.session;
		setImmediate(() => {
			if (!current()) return;
			void this.resources.refreshAll();
			void eachLimited(rows, 8, async row => (current() ? this.refresh(row.id) : undefined));
		});
		return listing.at;
	}

	/**
	 * Hears every container event, noise included, before the sync acts on it;
	 * for owners of other streams (the logs view re-attaches on start). Returns the unsubscribe.
	 */
	onContainerEvent(listener: (event: EngineEvent) => void): () => void {
		return this.containerListeners.add(listener);
	}

	/**
	 * Hears every engine event of every type, noise included, before anything
	 * else looks at it (the events view records them). Returns the unsubscribe.
	 */
	onAnyEvent(listener: (event: EngineEvent) => void): () => void {
		return this.anyListeners.add(listener);
	}

	private onEvent(raw: EngineEvent): void {
		const event: EngineEvent = this.host === undefined ? raw : {...raw, host: this.host};
		this.anyListeners.emit(event);
		if (event.type !== 'container') return this.resources.onEvent(event);
		if (!event.id) return;
		this.containerListeners.emit(event);
		const kind = containerEventKind(event.action);
		if (kind === 'noise') return;
		this.lastEventAt = Date.now();
		this.touched?.add(event.id);
		if (kind === 'destroy') {
			this.tombstones.add(event.id);
			this.stats.stop(event.id);
			this.store.update(state => removeContainer(state, event.id));
			return;
		}
		// Show what the event says at once; the inspect behind it fills in the rest.
		if (this.tombstones.has(event.id)) return; // A late event of a destroyed container.
		this.store.update(state => {
			const row = rowAfterEvent(state.containers.get(event.id), event);
			return row ? upsertContainer(state, this.own(row)) : state;
		});
		void this.refresh(event.id);
	}

	/** Re-inspects one container. Events that arrive meanwhile cause one more inspect, not one each. */
	refresh(id: string): Promise<void> {
		// Destroyed: there is nothing to read (an event queued behind the destroy, or Podman's cleanup just before its remove).
		if (this.tombstones.has(id)) return Promise.resolve();
		return this.inspects.run(id);
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
		// The container was destroyed while we asked: this answer (often "removing") is stale.
		if (this.tombstones.has(id)) return;
		if (!row) {
			this.stats.stop(id);
			this.store.update(state => removeContainer(state, id));
			return;
		}
		const found = this.own(row);
		this.store.update(state => upsertContainer(state, found));
		if (isLive(found.state)) {
			this.stats.ensure(id);
		} else {
			this.stats.stop(id);
			this.store.update(state => clearStats(state, id));
		}
	}
}
