/**
 * Caps how many log lines one stream hands on per second. A container that
 * floods (`yes`, a debug loop) writes far more than anyone can read or the
 * ring can hold; decoding, sanitising and storing every line kept a core busy
 * and the keys waiting. Past the cap, batches are held back and only the
 * newest held batch survives; the ones it replaces are counted as skipped
 * (shown with the dropped lines; the engine's log still has them, and saving
 * reads it whole). When the second is up the held batch goes through, so the
 * newest lines always reach the screen within a second.
 */
export class LogIntake<T> {
	private windowStart: number;
	private taken = 0;
	private held: T[] | undefined;
	private skipped = 0;
	private timer: NodeJS.Timeout | undefined;

	constructor(
		private readonly perSecond: number,
		private readonly deliver: (batch: T[]) => void,
		private readonly skip: (count: number) => void,
		private readonly now: () => number = Date.now,
	) {
		this.windowStart = now();
	}

	/** Takes one batch: hands it on while under the cap, otherwise holds it. */
	push(batch: T[]): void {
		if (batch.length === 0) return;
		const now = this.now();
		if (now - this.windowStart >= 1000) {
			this.windowStart = now;
			this.taken = 0;
		}
		if (this.held === undefined && this.taken < this.perSecond) {
			this.taken += batch.length;
			this.deliver(batch);
			return;
		}
		if (this.held) this.skipped += this.held.length;
		this.held = batch;
		this.timer ??= setTimeout(() => this.release(), Math.max(0, 1000 - (now - this.windowStart)));
	}

	/** Hands on what is held and starts a new second (the second is up, or the stream ended). */
	release(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
		this.windowStart = this.now();
		this.taken = 0;
		if (this.skipped > 0) this.skip(this.skipped);
		this.skipped = 0;
		const held = this.held;
		this.held = undefined;
		if (held) {
			this.taken = held.length;
			this.deliver(held);
		}
	}

	/** Forgets what is held and stops the timer (the view closed). */
	close(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
		this.held = undefined;
		this.skipped = 0;
	}
}
