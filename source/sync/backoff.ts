// The reconnect loop's pacing: how long to wait before each attempt, a wait that ends early when the sync stops, and a turn of the event loop.

/** How long to wait before each reconnect attempt, doubling up to a cap. */
export function backoff(attempt: number, baseMs = 250, capMs = 5000): number {
	return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** Resolves after `ms`, or at once when `signal` aborts (never rejects); leaves no timer or listener behind. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
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

/** Resolves a turn of the event loop later: after what is due now (start-up's first frame is drawn in the turn the list arrives). */
export function nextTurn(): Promise<void> {
	return new Promise(resolve => setImmediate(resolve));
}
