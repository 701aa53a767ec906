import {computeSample, cpuBase, type CpuBase, type RawStats} from '../domain/stats-calc.js';
import {calmLongEnough, extendCalm, isQuiet, type CalmRun, type StatsSample} from '../domain/stats.js';
import type {CgroupLocation, CgroupReader} from '../engine/cgroup-reader.js';
import type {Engine} from '../engine/engine.js';
import {statsColumns} from '../store/selectors.js';
import type {AppState} from '../store/state.js';
import {setStatsSource} from '../store/stats-source-slice.js';
import {pushStatsMany} from '../store/stats-slice.js';
import type {Store} from '../store/store.js';
import type {StatsOwner} from './stats-streams.js';

/** Options; tests shorten the intervals. */
export type CgroupStatsOptions = {
	/** The host's short name, under which the source in use is shown. */
	host?: string;
	/** How often containers on screen are read (a stats stream's cadence). */
	tickMs?: number;
	/** How often live containers off screen are read. */
	pollMs?: number;
	/** How often quiet containers are read. */
	quietPollMs?: number;
	/** How long (over two samples or more) figures must stay still before a container counts as quiet. */
	quietAfterMs?: number;
	/** Samples are handed to the store together, at most this often. */
	flushMs?: number;
};

/** A live container read from cgroup files; without a location until its first reading is due (then it is located). */
type Reading = {location?: CgroupLocation; base?: CpuBase; last?: StatsSample; calm?: CalmRun; quiet: boolean; readAt: number};

/** How many containers are located at once (each costs one inspect). */
const locateLimit = 4;

/**
 * Owns the stats of live containers on the engine's own host by reading
 * their cgroup files, which costs the engine nothing, instead of opening
 * stats streams. The cadence is StatsStreams': containers on screen (or all,
 * when the sort needs live figures) once a `tickMs`, quiet ones every
 * `quietPollMs`, the others every `pollMs`; one timer, set for the next
 * reading due, and none when nothing is live.
 *
 * Each container is located once (an inspect gives its init pid, whose
 * /proc/<pid>/cgroup must name the container). A container that cannot be
 * located or read (another machine's pid, no permission, a rootless engine's
 * missing controllers, any read failure) is handed to `fallback`, the API
 * owner, for good.
 */
export class CgroupStats implements StatsOwner {
	/** Live containers: a reading state when read from cgroup files, 'locating', or 'api' once handed to the fallback. */
	private readonly entries = new Map<string, Reading | 'locating' | 'api'>();
	private readonly queue: string[] = [];
	private locating = 0;
	/** Bumped by stopAll, so a locate that answers late does nothing. */
	private session = 0;
	/** Set by close(): this owner is done for good and starts nothing again. */
	private closed = false;
	private timer: NodeJS.Timeout | undefined;
	private pending: Array<[string, StatsSample]> = [];
	private flushTimer: NodeJS.Timeout | undefined;
	private seen: {visible: AppState['visibleContainers']; sort: string} | undefined;
	private shown: 'cgroup' | 'api' | 'mixed' | undefined;
	private readonly unsubscribe: () => void;
	private readonly options: Required<Omit<CgroupStatsOptions, 'host'>> & {host?: string};

	constructor(private readonly engine: Engine, private readonly store: Store, private readonly fallback: StatsOwner, private readonly reader: CgroupReader, options: CgroupStatsOptions = {}) {
		this.options = {tickMs: 1000, pollMs: 10_000, quietPollMs: 5000, quietAfterMs: 10_000, flushMs: 1000, ...options};
		this.unsubscribe = store.subscribe(() => {
			const state = store.getSnapshot();
			if (this.seen && this.seen.visible === state.visibleContainers && this.seen.sort === state.ui.sort.column) return;
			this.seen = {visible: state.visibleContainers, sort: state.ui.sort.column};
			this.schedule();
		});
	}

	/** Streams the fallback runs (cgroup readings are no streams). */
	get active(): string[] {
		return this.fallback.active;
	}

	/** Ids read by polling: every container read (or to be read) from cgroup files, and the fallback's polled ones. */
	get polled(): string[] {
		return [...[...this.entries].filter(([, entry]) => entry !== 'api').map(([id]) => id), ...this.fallback.polled];
	}

	/** Ids judged quiet, read less often (for tests). */
	get quieted(): string[] {
		return [...[...this.entries].filter(([, entry]) => typeof entry === 'object' && entry.quiet).map(([id]) => id), ...this.fallback.quieted];
	}

	/** Ids whose figures come from cgroup files (for tests). */
	get cgroupIds(): string[] {
		return [...this.entries].filter(([, entry]) => typeof entry === 'object' && entry.location).map(([id]) => id);
	}

	/** Ids handed to the API owner (for tests). */
	get apiIds(): string[] {
		return [...this.entries].filter(([, entry]) => entry === 'api').map(([id]) => id);
	}

	ensure(id: string): void {
		// A resync still in flight when the host stopped must not start what close() ended.
		if (this.closed) return;
		const entry = this.entries.get(id);
		if (entry === 'api') return this.fallback.ensure(id);
		if (entry) return;
		// Located (one inspect) only when its first reading is due: at once on
		// screen, after `pollMs` off screen, like the API owner's first poll.
		this.entries.set(id, {quiet: false, readAt: Date.now()});
		this.schedule();
	}

	stop(id: string): void {
		this.entries.delete(id);
		this.fallback.stop(id);
		this.schedule();
	}

	stopAll(): void {
		this.session += 1;
		this.entries.clear();
		this.queue.length = 0;
		this.fallback.stopAll();
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		if (this.flushTimer) clearTimeout(this.flushTimer);
		this.flushTimer = undefined;
		this.pending = [];
	}

	close(): void {
		this.closed = true;
		this.stopAll();
		this.unsubscribe();
		this.fallback.close();
	}

	private locateNext(): void {
		while (this.locating < locateLimit && this.queue.length > 0) {
			const id = this.queue.shift()!;
			if (this.entries.get(id) !== 'locating') continue;
			this.locating += 1;
			const session = this.session;
			void this.locate(id).then(location => {
				if (session !== this.session || this.entries.get(id) !== 'locating') return;
				if (location && this.take(id, location)) return;
				this.handOver(id);
			}).finally(() => {
				this.locating -= 1;
				this.locateNext();
			});
		}
	}

	/** The container's init pid and network mode from an inspect, then its cgroup from /proc. */
	private async locate(id: string): Promise<CgroupLocation | undefined> {
		try {
			const inspect = await this.engine.inspectJson('container', id) as {Id?: string; State?: {Pid?: number}; HostConfig?: {NetworkMode?: string}} | undefined;
			if (!inspect?.State?.Pid) return undefined;
			return this.reader.locate(inspect.Id ?? id, inspect.State.Pid, inspect.HostConfig?.NetworkMode === 'host');
		} catch {
			return undefined;
		}
	}

	/** Starts reading a located container, with a first reading that must succeed. */
	private take(id: string, location: CgroupLocation): boolean {
		const reading: Reading = {location, quiet: false, readAt: 0};
		this.entries.set(id, reading);
		if (!this.readOne(id, reading, Date.now())) return false;
		this.showSource();
		this.schedule();
		return true;
	}

	/** From now on the API owner reads this container. */
	private handOver(id: string): void {
		this.entries.set(id, 'api');
		this.fallback.ensure(id);
		this.showSource();
	}

	private wanted(state: AppState): (id: string) => boolean {
		const visible = state.visibleContainers;
		if (!visible || statsColumns.has(state.ui.sort.column)) return () => true;
		return id => visible.has(id);
	}

	private every(id: string, reading: Reading, wanted: (id: string) => boolean): number {
		if (!reading.location && wanted(id)) return 0;
		if (reading.quiet) return this.options.quietPollMs;
		return wanted(id) ? this.options.tickMs : this.options.pollMs;
	}

	/** One timer, for the next reading due; none when nothing is read from cgroup files. */
	private schedule(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		const wanted = this.wanted(this.store.getSnapshot());
		let next = Infinity;
		for (const [id, entry] of this.entries) {
			if (typeof entry === 'object') next = Math.min(next, entry.readAt + this.every(id, entry, wanted));
		}
		if (next === Infinity) return;
		this.timer = setTimeout(() => this.tick(), Math.max(0, next - Date.now()));
	}

	private tick(): void {
		this.timer = undefined;
		const now = Date.now();
		const wanted = this.wanted(this.store.getSnapshot());
		for (const [id, entry] of this.entries) {
			// Half a tick of slack: a reading due before the next tick is taken in
			// this one, so containers fall into step and one timer a second reads
			// them all (each on its own phase, 40 rows woke the process 10 times a second).
			if (typeof entry !== 'object' || now - entry.readAt < this.every(id, entry, wanted) - this.options.tickMs / 2) continue;
			if (!entry.location) {
				this.entries.set(id, 'locating');
				this.queue.push(id);
			} else if (!this.readOne(id, entry, now)) {
				this.handOver(id);
			}
		}
		this.locateNext();
		this.schedule();
	}

	/** Reads one container's files into a sample; false when they could not be read. */
	private readOne(id: string, reading: Reading, now: number): boolean {
		let raw: RawStats;
		try {
			if (!reading.location) return false;
			raw = this.reader.read(reading.location);
		} catch {
			return false;
		}
		reading.readAt = now;
		const sample = computeSample(raw, reading.base);
		reading.base = cpuBase(raw);
		this.judge(reading, sample);
		this.pending.push([id, sample]);
		this.flushTimer ??= setTimeout(() => this.flush(), this.options.flushMs);
		return true;
	}

	/** Marks a container quiet once its figures stayed still long enough, and wakes it on the first that moves. */
	private judge(reading: Reading, sample: StatsSample): void {
		const previous = reading.last;
		reading.last = sample;
		if (!previous) return;
		if (reading.quiet) {
			if (!isQuiet(previous, sample)) reading.quiet = false;
			return;
		}
		reading.calm = extendCalm(reading.calm, previous, sample);
		if (reading.calm && calmLongEnough(reading.calm, sample, this.options.quietAfterMs)) {
			reading.calm = undefined;
			reading.quiet = true;
		}
	}

	private flush(): void {
		this.flushTimer = undefined;
		const samples = this.pending.filter(([id]) => {
			const entry = this.entries.get(id);
			return typeof entry === 'object' && entry.location;
		});
		this.pending = [];
		this.store.update(state => pushStatsMany(state, samples));
	}

	/** Says in the store which source this host's figures come from, when that changes. */
	private showSource(): void {
		const values = [...this.entries.values()];
		const cgroup = values.some(entry => typeof entry === 'object' && entry.location);
		const api = values.includes('api');
		const source = cgroup && api ? 'mixed' : cgroup ? 'cgroup' : 'api';
		if (source === this.shown) return;
		this.shown = source;
		this.store.update(state => setStatsSource(state, this.options.host, source));
	}
}
