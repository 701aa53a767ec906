import {processRows, psArgsChoices} from '../domain/process.js';
import type {Engine} from '../engine/engine.js';
import type {Store} from '../store/store.js';
import {setProcesses, updateTop} from '../store/top-slice.js';

/** How often the process list is re-read while the top view is visible. */
export const topIntervalMs = 2000;

/**
 * Polls the engine's top for the container the top view shows, only while
 * that view is visible and the container runs. It follows the store: opening
 * the view starts the timer, leaving it (or the container stopping) stops it,
 * so nothing runs while the view is hidden. One request at a time.
 */
export class TopPoller {
	private timer: NodeJS.Timeout | undefined;
	private polling: string | undefined;
	private inflight = false;
	/** Which of psArgsChoices this engine understands: moves on when it rejects one or answers it with nothing. */
	private choice = 0;

	constructor(private readonly engine: Engine, private readonly store: Store, private readonly intervalMs = topIntervalMs) {}

	/** Starts following the store; returns the function that stops everything. */
	start(): () => void {
		const unsubscribe = this.store.subscribe(() => this.follow());
		this.follow();
		return () => {
			unsubscribe();
			this.stop();
		};
	}

	/** The id being polled now, if any (for tests). */
	get active(): string | undefined {
		return this.polling;
	}

	private follow(): void {
		const state = this.store.getSnapshot();
		const top = state.top;
		const id = state.ui.view === 'top' && top ? top.containerId : undefined;
		if (!id) return this.stop();
		const row = state.containers.get(id);
		if (!row) {
			this.stop();
			if (top?.status !== 'gone') this.store.update(s => updateTop(s, id, {status: 'gone', message: 'the container no longer exists'}));
			return;
		}
		if (row.state !== 'running') {
			this.stop();
			if (top?.status !== 'stopped') this.store.update(s => updateTop(s, id, {status: 'stopped', message: `the container is ${row.state}; the list resumes when it runs`}));
			return;
		}
		if (this.polling === id) return;
		this.stop();
		this.polling = id;
		void this.poll(id);
	}

	private stop(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		this.polling = undefined;
	}

	private async poll(id: string): Promise<void> {
		if (this.inflight || this.polling !== id) return;
		this.inflight = true;
		try {
			const rows = await this.read(id);
			if (this.polling === id) this.store.update(s => setProcesses(s, id, rows, Date.now()));
		} catch (error) {
			if (this.polling === id) this.store.update(s => updateTop(s, id, this.engine.isGone(error)
				? {status: 'gone', message: 'the container no longer exists'}
				: {status: 'error', message: this.engine.explain(error)}));
		} finally {
			this.inflight = false;
		}
		if (this.polling === id) this.timer = setTimeout(() => void this.poll(id), this.intervalMs);
	}

	private async read(id: string) {
		while (this.choice < psArgsChoices.length - 1) {
			try {
				const answer = await this.engine.top(id, psArgsChoices[this.choice]);
				// Podman answers ps arguments its container's ps does not know with nothing at all.
				if (answer.titles.length > 0) return processRows(answer.titles, answer.processes);
			} catch (error) {
				if (this.engine.isGone(error) || !isPsRejection(error)) throw error;
			}
			this.choice++;
		}
		const answer = await this.engine.top(id);
		return processRows(answer.titles, answer.processes);
	}
}

/** The engine ran ps and ps refused our arguments (busybox ps, Podman's own columns). */
function isPsRejection(error: unknown): boolean {
	const e = error as {statusCode?: number; message?: string};
	return e.statusCode === 500 && /\bps\b|ps_args|unknown|unsupported|invalid|format/i.test(e.message ?? '') && !/not running/i.test(e.message ?? '');
}
