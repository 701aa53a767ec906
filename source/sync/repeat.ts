/**
 * A job run again and again while started: each wait counted from the end of
 * the job before, so a slow job never overlaps the next. A period of 0 or
 * less never runs it.
 */
export class Repeat {
	private timer: NodeJS.Timeout | undefined;

	constructor(private readonly everyMs: number, private readonly job: () => Promise<void>) {}

	/** Starts the waits again from now (a running wait is dropped). */
	start(): void {
		this.stop();
		if (this.everyMs <= 0) return;
		this.timer = setTimeout(() => void this.job().finally(() => {
			if (this.timer) this.start();
		}), this.everyMs);
	}

	/** No more runs; one under way finishes, and starts no wait. */
	stop(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
	}
}
