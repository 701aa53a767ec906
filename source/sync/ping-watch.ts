/** What the ping watch reports after each ping. */
export type PingResult = {ok: true; rttMs: number} | {ok: false; message: string};

/** Options; tests shorten them. */
export type PingWatchOptions = {everyMs?: number; deadlineMs?: number};

/**
 * Notices a frozen engine. An engine stopped with SIGSTOP (or a link that
 * silently stopped carrying packets) keeps its sockets open: the events
 * stream neither ends nor errors, so nothing else would ever say it is gone.
 * Every `everyMs` this pings with a deadline and reports the answer or its
 * absence. One timer per host while its session is up, none otherwise.
 */
export class PingWatch {
	private timer: NodeJS.Timeout | undefined;
	private controller: AbortController | undefined;
	private readonly everyMs: number;
	private readonly deadlineMs: number;

	constructor(private readonly ping: (signal: AbortSignal) => Promise<void>, private readonly report: (result: PingResult) => void, {everyMs = 5000, deadlineMs = 3000}: PingWatchOptions = {}) {
		this.everyMs = everyMs;
		this.deadlineMs = deadlineMs;
	}

	/** Starts pinging; a second start restarts. */
	start(): void {
		this.stop();
		this.controller = new AbortController();
		this.schedule(this.controller.signal);
	}

	/** Stops the timer and any ping in flight. */
	stop(): void {
		this.controller?.abort();
		this.controller = undefined;
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
	}

	private schedule(signal: AbortSignal): void {
		if (signal.aborted) return;
		this.timer = setTimeout(() => void this.once(signal), this.everyMs);
	}

	private async once(signal: AbortSignal): Promise<void> {
		const attempt = new AbortController();
		const stop = () => attempt.abort();
		signal.addEventListener('abort', stop, {once: true});
		const timer = setTimeout(() => attempt.abort(), this.deadlineMs);
		const started = performance.now();
		// The race covers transports that do not watch the signal.
		const deadline = new Promise<never>((_resolve, reject) => attempt.signal.addEventListener('abort', () => reject(new Error('deadline')), {once: true}));
		deadline.catch(() => undefined);
		try {
			await Promise.race([this.ping(attempt.signal), deadline]);
			if (!signal.aborted) this.report({ok: true, rttMs: Math.round(performance.now() - started)});
		} catch (error) {
			if (signal.aborted) return;
			const timedOut = attempt.signal.aborted;
			this.report({ok: false, message: timedOut ? `no answer to a ping within ${this.deadlineMs / 1000} s` : (error as Error).message});
		} finally {
			clearTimeout(timer);
			signal.removeEventListener('abort', stop);
			this.schedule(signal);
		}
	}
}
