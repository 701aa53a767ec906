/**
 * How many log lines one container's stream may take in per second. A
 * container that floods (`yes`, a debug loop) writes far more than anyone can
 * read or the ring can hold; reading, decoding and storing every line kept a
 * core busy and the keys waiting. When a stream goes over, its owner closes it
 * and re-attaches when the second is up, from the newest lines: the engine's
 * log keeps what was skipped, and saving reads it whole.
 */
export class LogBudget {
	private windowStart: number;
	private taken = 0;

	constructor(private readonly perSecond: number, private readonly now: () => number = Date.now) {
		this.windowStart = now();
	}

	/** Counts a batch; false when the second's allowance was already spent before it. */
	take(count: number): boolean {
		this.roll();
		if (this.taken >= this.perSecond) return false;
		this.taken += count;
		return true;
	}

	/** Milliseconds until a new second's allowance (0 when it is there now). */
	waitMs(): number {
		this.roll();
		return this.taken < this.perSecond ? 0 : Math.max(0, this.windowStart + 1000 - this.now());
	}

	private roll(): void {
		const now = this.now();
		if (now - this.windowStart >= 1000) {
			this.windowStart = now;
			this.taken = 0;
		}
	}
}
