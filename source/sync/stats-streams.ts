import {eachLimited} from '../domain/each-limited.js';
import {computeSample, cpuBase, hasPreviousReading, type CpuBase, type RawStats} from '../domain/stats-calc.js';
import {calmLongEnough, extendCalm, isQuiet, type CalmRun, type StatsSample} from '../domain/stats.js';
import type {Engine} from '../engine/engine.js';
import {statsColumns} from '../store/selectors.js';
import type {AppState} from '../store/state.js';
import {pushStatsMany} from '../store/stats-slice.js';
import type {Store} from '../store/store.js';

/** What sync asks of whoever owns a host's stats: StatsStreams over the API, or CgroupStats on the engine's own host. */
export type StatsOwner = Pick<StatsStreams, 'active' | 'polled' | 'quieted' | 'ensure' | 'stop' | 'stopAll' | 'close'>;

/** Options; tests shorten the intervals. */
export type StatsStreamsOptions = {
	/** How often live containers that are off screen get a one-shot reading. */
	pollMs?: number;
	/** How often quiet containers on screen get a one-shot reading. */
	quietPollMs?: number;
	/** How long (engine time, over two samples or more) a container's figures must stay still before its stream gives way to polling. */
	quietAfterMs?: number;
	/** Samples are handed to the store together, at most this often: one redraw a second, not one per stream. */
	flushMs?: number;
};

/**
 * Owns the stats of live containers. A stats stream costs the engine a
 * reading every second, so only the containers on screen (or all of them when
 * the sort needs live figures, or when no UI has said what is on screen) get
 * one; the others get a one-shot reading every `pollMs`, with the CPU delta
 * computed against our own previous reading.
 *
 * Most containers on a host sit idle, and a stream of unchanging figures
 * still costs the engine a reading a second. Once its samples have stayed
 * quiet (see isQuiet) for `quietAfterMs` (engine time, so Podman's frames 5 s
 * apart count the same as Docker's 1 s ones) a container's stream closes and
 * it is read every `quietPollMs` instead; the first reading that moves brings
 * the stream back.
 *
 * Nothing is subscribed twice, and `stopAll` leaves no stream or timer
 * behind. With no live container nothing runs at all.
 */
export class StatsStreams {
	private readonly controllers = new Map<string, AbortController>();
	/** Containers sync says are running or paused. */
	private readonly live = new Set<string>();
	/** The last CPU counters read per container, for deltas across polls and a stream's first frame. */
	private readonly bases = new Map<string, CpuBase>();
	private pollTimer: NodeJS.Timeout | undefined;
	private polling = false;
	private readonly pollMs: number;
	private readonly quietPollMs: number;
	private readonly quietAfterMs: number;
	private readonly flushMs: number;
	/** Live containers whose figures stopped moving: polled, not streamed. */
	private readonly quiet = new Set<string>();
	/** The run of quiet samples, per streamed container. */
	private readonly calm = new Map<string, CalmRun>();
	/** The last sample per container, to tell whether the next one moved. */
	private readonly last = new Map<string, StatsSample>();
	/** When each polled container was last read. */
	private readonly polledAt = new Map<string, number>();
	private pending: Array<[string, StatsSample]> = [];
	/** Set by close(): this owner is done for good and starts nothing again. */
	private closed = false;
	private flushTimer: NodeJS.Timeout | undefined;
	private seen: {visible: AppState['visibleContainers']; sort: string} | undefined;
	private readonly unsubscribe: () => void;

	constructor(private readonly engine: Engine, private readonly store: Store, {pollMs = 10_000, quietPollMs = 5000, quietAfterMs = 10_000, flushMs = 1000}: StatsStreamsOptions = {}) {
		this.pollMs = pollMs;
		this.quietPollMs = Math.min(quietPollMs, pollMs);
		this.quietAfterMs = quietAfterMs;
		this.flushMs = flushMs;
		// Cheap on every batch: only a change of what is on screen or of the sort column does work.
		this.unsubscribe = store.subscribe(() => {
			const state = store.getSnapshot();
			if (this.seen && this.seen.visible === state.visibleContainers && this.seen.sort === state.ui.sort.column) return;
			this.reconcile();
		});
	}

	/** Ids with a running stream (for tests and the benchmark). */
	get active(): string[] {
		return [...this.controllers.keys()];
	}

	/** Ids that are live but off screen or quiet, read by polling. */
	get polled(): string[] {
		return [...this.live].filter(id => !this.controllers.has(id));
	}

	/** Ids judged quiet: their streams gave way to polling (for tests). */
	get quieted(): string[] {
		return [...this.quiet];
	}

	/** The container is live: stream it if it is wanted, else poll it. */
	ensure(id: string): void {
		// A resync still in flight when the host stopped must not start what close() ended.
		if (this.closed) return;
		this.live.add(id);
		this.reconcileOne(id, this.wanted(this.store.getSnapshot()));
		this.schedulePoll();
	}

	/** The container is no longer live (or gone): stop its stream and polling. */
	stop(id: string): void {
		this.live.delete(id);
		this.bases.delete(id);
		this.quiet.delete(id);
		this.calm.delete(id);
		this.last.delete(id);
		this.polledAt.delete(id);
		this.endStream(id);
		if (this.live.size === 0) this.clearPoll();
	}

	/** Stops everything and stops listening to the store: this owner is done for good. */
	close(): void {
		this.closed = true;
		this.stopAll();
		this.unsubscribe();
	}

	/** Stops every stream and timer; the owner stays ready for the next session. */
	stopAll(): void {
		for (const id of [...this.live, ...this.controllers.keys()]) this.stop(id);
		this.clearPoll();
		if (this.flushTimer) clearTimeout(this.flushTimer);
		this.flushTimer = undefined;
		this.pending = [];
	}

	/** Which live ids deserve a stream in this state. */
	private wanted(state: AppState): (id: string) => boolean {
		const visible = state.visibleContainers;
		if (!visible || statsColumns.has(state.ui.sort.column)) return id => !this.quiet.has(id);
		return id => visible.has(id) && !this.quiet.has(id);
	}

	private reconcile(): void {
		const state = this.store.getSnapshot();
		this.seen = {visible: state.visibleContainers, sort: state.ui.sort.column};
		const wanted = this.wanted(state);
		for (const id of this.live) this.reconcileOne(id, wanted);
		this.schedulePoll();
	}

	private reconcileOne(id: string, wanted: (id: string) => boolean): void {
		if (wanted(id)) {
			if (!this.controllers.has(id)) this.startStream(id);
		} else {
			this.endStream(id);
		}
	}

	private startStream(id: string): void {
		const controller = new AbortController();
		this.controllers.set(id, controller);
		void this.run(id, controller);
	}

	private endStream(id: string): void {
		this.controllers.get(id)?.abort();
		this.controllers.delete(id);
	}

	/** Polls while some live container has no stream; otherwise no timer runs. */
	private schedulePoll(): void {
		const polled = this.polled;
		if (this.pollTimer || this.polling || polled.length === 0) return;
		const wait = polled.some(id => this.quiet.has(id)) ? this.quietPollMs : this.pollMs;
		this.pollTimer = setTimeout(() => void this.poll(), wait);
	}

	/** How long a polled container waits between readings. */
	private pollEvery(id: string): number {
		return this.quiet.has(id) ? this.quietPollMs : this.pollMs;
	}

	private clearPoll(): void {
		if (this.pollTimer) clearTimeout(this.pollTimer);
		this.pollTimer = undefined;
	}

	private async poll(): Promise<void> {
		this.pollTimer = undefined;
		this.polling = true;
		try {
			const now = Date.now();
			// A little slack, so a reading due just after this tick is not put off a whole interval.
			const due = this.polled.filter(id => now - (this.polledAt.get(id) ?? 0) >= this.pollEvery(id) - 250);
			await eachLimited(due, 4, async id => {
				this.polledAt.set(id, now);
				try {
					const raw = await this.engine.statsOnce(id, {oneShot: true});
					if (this.live.has(id) && !this.controllers.has(id)) this.record(id, raw);
				} catch {
					// Stopped or gone meanwhile; events tell sync, which calls stop().
				}
			});
		} finally {
			this.polling = false;
			this.schedulePoll();
		}
	}

	/** Turns a raw frame into a sample against our previous counters when the engine gave no precpu. */
	private record(id: string, raw: RawStats): void {
		// The engine sends a frame of zeros once the container has stopped.
		if (!raw.read || raw.read.startsWith('0001-')) return;
		const previous = this.bases.get(id);
		const sample = computeSample(raw, hasPreviousReading(raw) ? undefined : previous);
		this.bases.set(id, cpuBase(raw));
		this.judge(id, sample);
		this.pending.push([id, sample]);
		this.flushTimer ??= setTimeout(() => this.flush(), this.flushMs);
	}

	/** Counts quiet samples of a streamed container, and wakes a quiet one whose reading moved. */
	private judge(id: string, sample: StatsSample): void {
		const previous = this.last.get(id);
		this.last.set(id, sample);
		if (!previous) return;
		const still = isQuiet(previous, sample);
		if (this.quiet.has(id)) {
			if (still) return;
			this.quiet.delete(id);
			this.calm.delete(id);
			this.reconcileOne(id, this.wanted(this.store.getSnapshot()));
			return;
		}
		if (!this.controllers.has(id)) return;
		const calm = extendCalm(this.calm.get(id), previous, sample);
		if (!calm) {
			this.calm.delete(id);
			return;
		}
		this.calm.set(id, calm);
		if (!calmLongEnough(calm, sample, this.quietAfterMs)) return;
		this.calm.delete(id);
		this.quiet.add(id);
		this.polledAt.set(id, Date.now());
		this.endStream(id);
		this.schedulePoll();
	}

	/** Hands every sample gathered since the last flush to the store in one update. */
	private flush(): void {
		this.flushTimer = undefined;
		const samples = this.pending;
		this.pending = [];
		this.store.update(state => pushStatsMany(state, samples.filter(([id]) => this.live.has(id))));
	}

	private async run(id: string, controller: AbortController): Promise<void> {
		try {
			const frames = await this.engine.stats(id, controller.signal);
			for await (const raw of frames) {
				if (controller.signal.aborted) break;
				this.record(id, raw);
			}
		} catch {
			// The stream ends when the container stops or the engine goes away;
			// events or the reconnect loop decide what happens next.
		} finally {
			if (this.controllers.get(id) === controller) this.controllers.delete(id);
		}
	}
}
