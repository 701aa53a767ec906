import {isLive} from '../domain/container.js';
import {logsShown} from '../store/split-logs.js';
import {sinceAfter, timeMs, type LogLine} from '../domain/log-line.js';
import type {Engine, EngineEvent} from '../engine/engine.js';
import type {LogRequest} from '../engine/logs-api.js';
import {markerLine, rfc3339Nano, toLogLine} from '../format/log-line.js';
import {addDropped, appendLogLines, setTargetStatus, type LogTarget} from '../store/logs-slice.js';
import type {Store} from '../store/store.js';
import {notify} from '../store/ui-slice.js';
import {LogBudget} from './log-budget.js';
import {sanitizeText} from '../format/sanitize.js';
import {swarmOf} from '../store/swarm-slice.js';
import {TaskLabels} from './task-labels.js';

/** The engine's answer for a log driver that cannot be read back (none, syslog, …): 501, "does not support reading". */
function unreadable(error: unknown): boolean {
	const loose = error as {statusCode?: unknown; message?: unknown} | undefined;
	return loose?.statusCode === 501 || /does not support reading/i.test(String(loose?.message ?? ''));
}

type Pending = Omit<LogLine, 'seq'>;

/** The least time between two batches of lines handed to the store. */
const flushEveryMs = 100;

/**
 * Lines stamped before the stream opened are history being loaded (`0`, a
 * long tail), not live output: the flood limit is for live lines only. An
 * engine clock off from ours moves the line a little either way: history
 * stamped ahead counts as live (the old behaviour), live lines stamped behind
 * are taken in unthrottled for that long (the queue still sheds and counts).
 */
const historySlackMs = 0;

/**
 * Owns the log streams of the open logs view: one per target container, keyed
 * by container id. It follows the store: when the logs view opens (or its
 * range changes, which bumps `logs.session`) it starts the streams afresh; when
 * the view closes it aborts them all. Lines are sanitised here, once, and
 * handed to the store in batches: everything that arrived in one turn of the
 * event loop goes in one update, and a backlog beyond the ring's size is shed
 * and counted rather than held.
 *
 * Container events re-attach a stream after a restart (from just after the
 * last line seen, with a marker line) and mark the view when the container
 * is removed. Lines are sanitised with format/sanitize, which is the one
 * import from format: the store then holds only safe text.
 */
export class LogStreams {
	private readonly controllers = new Map<string, AbortController>();
	/** The logs session the running streams belong to; -1 when none run. */
	private session = -1;
	/** Timestamp of the last line seen per container, for re-attaching without repeats. */
	private readonly lastTime = new Map<string, string>();
	private pending: Pending[] = [];
	/** Each target's allowance of lines a second; a flooding stream skips ahead when it is spent. */
	private readonly budgets = new Map<string, LogBudget>();
	/** Re-attachments waiting for the next second, after a flood. */
	private readonly skipTimers = new Map<string, NodeJS.Timeout>();
	private flushScheduled = false;
	private lastFlush = 0;
	/** The hosts that were up at the last look ('' stands for the one engine), to see which came back. */
	private upHosts = new Set<string>();
	/** True while the logs view is in front and its streams run. */
	private running = false;

	constructor(private readonly engine: Engine, private readonly store: Store) {}

	/** Container ids with a running log stream (for tests). */
	get active(): string[] {
		return [...this.controllers.keys()];
	}

	/** Follows the store until the signal aborts; then every stream is closed. */
	run(signal: AbortSignal): void {
		const unsubscribe = this.store.subscribe(() => this.reconcile());
		signal.addEventListener('abort', () => {
			unsubscribe();
			this.stopAll();
		}, {once: true});
		this.reconcile();
	}

	/** Starts or stops streams to match what the store shows. Cheap: called after every store batch. */
	reconcile(): void {
		const state = this.store.getSnapshot();
		const logs = state.logs;
		const open = logsShown(state) && logs.targets.length > 0;
		if (!open) {
			// Another view (help, say) is in front: no stream runs, but the place is kept to resume from.
			if (this.running) this.stopStreams();
			return;
		}
		// Per host: with several, one host coming back leaves the summary as it was.
		const up = new Set(state.hosts ? Object.entries(state.hosts).filter(([, host]) => host.status === 'up').map(([name]) => name) : []);
		if (!state.hosts && state.connection.status === 'up') up.add('');
		const back = new Set([...up].filter(name => !this.upHosts.has(name)));
		const cameBack = back.size > 0;
		this.upHosts = up;
		if (logs.session !== this.session || !this.running) {
			const resume = logs.session === this.session;
			this.stopStreams();
			if (!resume) {
				this.lastTime.clear();
				this.budgets.clear();
				this.pending = [];
			}
			this.session = logs.session;
			this.running = true;
			for (const target of logs.targets) if (target.status !== 'removed') this.start(target, resume);
			return;
		}
		if (cameBack) {
			// The engine was away: streams that broke off resume where they were, if their container runs.
			for (const target of logs.targets) {
				const row = state.containers.get(target.id);
				const mine = back.has('') || back.has(row?.host ?? '');
				if (mine && !this.controllers.has(target.id) && target.status !== 'removed' && row && isLive(row.state)) this.start(target, true);
			}
		}
	}

	/** Reacts to container events for the targets on screen. */
	onEvent(event: EngineEvent): void {
		if (!this.running) return;
		const logs = this.store.getSnapshot().logs;
		const target = logs.targets.find(each => each.id === event.id);
		if (!target) return;
		const action = event.action.split(':')[0];
		if (action === 'start') {
			this.queue([markerLine(target.id, `── ${target.name} started again ──`, this.markerTime(target.id, event.time))]);
			this.stop(target.id);
			this.store.update(state => setTargetStatus(state, target.id, 'live'));
			this.start(target, true);
		} else if (action === 'destroy') {
			this.stop(target.id);
			this.queue([markerLine(target.id, `── ${target.name} was removed; the lines above are kept ──`, this.markerTime(target.id, event.time))]);
			this.store.update(state => setTargetStatus(state, target.id, 'removed'));
		}
	}

	/** Aborts every stream and forgets their state. */
	stopAll(): void {
		this.stopStreams();
		this.session = -1;
		this.lastTime.clear();
		this.budgets.clear();
		this.pending = [];
	}

	private stopStreams(): void {
		for (const id of new Set([...this.controllers.keys(), ...this.skipTimers.keys()])) this.stop(id);
		this.running = false;
	}

	private stop(id: string): void {
		this.controllers.get(id)?.abort();
		this.controllers.delete(id);
		clearTimeout(this.skipTimers.get(id));
		this.skipTimers.delete(id);
	}

	/** A marker's time: the event's, but never before the last line seen, so it sorts after it. */
	private markerTime(id: string, eventMs: number): string {
		const time = rfc3339Nano(eventMs || Date.now());
		const last = this.lastTime.get(id) ?? '';
		return last > time ? last : time;
	}

	/**
	 * Opens a target's stream: from its range, or after the last line seen
	 * (`resume`), or after a flood, the newest `skipTail` lines after it.
	 */
	private start(target: LogTarget, resume: boolean, skipTail?: number): void {
		const controller = new AbortController();
		this.controllers.set(target.id, controller);
		const range = this.store.getSnapshot().logs.range;
		const last = this.lastTime.get(target.id);
		const request: LogRequest = {tty: target.tty, follow: true, ...(target.service ? {service: true} : {})};
		if (resume && last) {
			request.since = sinceAfter(last);
			if (skipTail !== undefined) request.tail = skipTail;
		} else {
			request.tail = range.tail;
			if (range.sinceSeconds !== undefined) request.since = String(Math.floor(Date.now() / 1000) - range.sinceSeconds);
		}
		void this.pump(target, request, controller);
	}

	private async pump(target: LogTarget, request: LogRequest, controller: AbortController): Promise<void> {
		const {signal} = controller;
		const {colour, lines: ring} = this.store.getSnapshot().logs;
		let budget = this.budgets.get(target.id);
		if (!budget) {
			// Twice the ring a second: more than anyone reads, far less than a flood.
			budget = new LogBudget(ring.capacity * 2);
			this.budgets.set(target.id, budget);
		}
		// History comes first and whole: the ring keeps its newest lines, contiguous, and the queue counts the older ones.
		const liveFrom = Date.now() - historySlackMs;
		const tasks = target.service ? new TaskLabels(this.engine, target.id, target.name, () => swarmOf(this.store.getSnapshot()).nodes) : undefined;
		try {
			const batches = await this.engine.logLines(target.id, request, signal);
			for await (const batch of batches) {
				if (signal.aborted) return;
				const last = batch.findLast(raw => raw.time !== '');
				if (last) this.lastTime.set(target.id, last.time);
				const live = batch.filter(raw => (timeMs(raw.time) ?? Number.POSITIVE_INFINITY) >= liveFrom).length;
				if (live > 0 && !budget.take(live)) {
					this.skipAhead(target, controller, budget.waitMs(), ring.capacity);
					return;
				}
				if (tasks) {
					const label = await tasks.resolve(new Set(batch.flatMap(raw => (raw.task ? [raw.task] : []))));
					if (signal.aborted) return;
					this.queue(batch.map(raw => ({...toLogLine(raw, target.id, colour), ...(raw.task ? {label: label(raw.task)} : {})})));
				} else {
					this.queue(batch.map(raw => toLogLine(raw, target.id, colour)));
				}
			}
			if (signal.aborted) return;
			// The log ended: the container stopped (or never ran). A start event re-attaches.
			this.store.update(state => setTargetStatus(state, target.id, 'ended'));
		} catch (error) {
			if (signal.aborted) return;
			if (unreadable(error)) {
				// Not an error of ours or the engine's: this container's log driver (none, syslog, …) keeps nothing to read back.
				const driver = await this.logDriver(target.id);
				this.store.update(state => setTargetStatus(state, target.id, 'unavailable', driver ? `the ${sanitizeText(driver)} log driver keeps no logs to read` : 'its log driver keeps no logs to read'));
				return;
			}
			const gone = this.engine.isGone(error);
			this.store.update(state => setTargetStatus(state, target.id, gone ? 'removed' : 'ended'));
			if (!gone) this.store.update(state => notify(state, `logs of ${target.name}: ${this.engine.explain(error)}`, 'error'));
		} finally {
			if (this.controllers.get(target.id) === controller) this.controllers.delete(target.id);
		}
	}

	/** The container's log driver (HostConfig.LogConfig.Type), or undefined when the engine does not say. */
	private async logDriver(id: string): Promise<string | undefined> {
		try {
			const document = await this.engine.inspectJson('container', id) as {HostConfig?: {LogConfig?: {Type?: unknown}}} | undefined;
			const type = document?.HostConfig?.LogConfig?.Type;
			return typeof type === 'string' && type !== '' ? type : undefined;
		} catch {
			return undefined;
		}
	}

	/**
	 * A flood spent the second's allowance: close the stream, and when the
	 * second is up re-attach from the newest lines, with a marker where lines
	 * were skipped. Reading on would either lag ever further behind or decode
	 * lines only to drop them.
	 */
	private skipAhead(target: LogTarget, controller: AbortController, waitMs: number, capacity: number): void {
		controller.abort();
		if (this.controllers.get(target.id) === controller) this.controllers.delete(target.id);
		clearTimeout(this.skipTimers.get(target.id));
		this.skipTimers.set(target.id, setTimeout(() => {
			this.skipTimers.delete(target.id);
			if (!this.running || this.controllers.has(target.id)) return;
			this.queue([markerLine(target.id, `── ${target.name} writes more than ${capacity * 2} lines a second: skipped to the newest ──`, this.markerTime(target.id, Date.now()))]);
			this.start(target, true, Math.min(1000, capacity));
		}, waitMs));
	}

	/** Queues lines for the next store update; a backlog larger than the ring is shed from its oldest end. */
	private queue(lines: Pending[]): void {
		if (lines.length === 0) return;
		for (const line of lines) this.pending.push(line);
		const capacity = this.store.getSnapshot().logs.lines.capacity;
		if (this.pending.length > capacity * 2) {
			const shed = this.pending.length - capacity;
			this.pending = this.pending.slice(shed);
			this.store.update(state => addDropped(state, shed));
		}
		if (this.flushScheduled) return;
		this.flushScheduled = true;
		// At most ten batches a second reach the store, so a busy log redraws at
		// most ten times a second and the frame cap stays free for keys; the
		// first line after a quiet spell goes at once.
		const wait = this.lastFlush + flushEveryMs - Date.now();
		if (wait > 0) setTimeout(() => this.flush(), wait);
		else setImmediate(() => this.flush());
	}

	private flush(): void {
		this.flushScheduled = false;
		this.lastFlush = Date.now();
		const batch = this.pending;
		this.pending = [];
		if (batch.length > 0 && this.running) this.store.update(state => appendLogLines(state, batch));
	}
}
