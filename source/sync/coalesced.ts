/**
 * One job per key at a time: asked again while one runs, it runs once more
 * after it, not once per ask (a burst of events for one container is one
 * inspect now and one after, however long the burst; an image pull's many
 * events, one images list now and one after).
 */
export class Coalesced<K = string> {
	private readonly running = new Map<K, Promise<void>>();
	private readonly again = new Set<K>();

	constructor(private readonly job: (key: K) => Promise<void>) {}

	/** How many keys have a job running. */
	get size(): number {
		return this.running.size;
	}

	/** Runs the job for `key`, or marks it to run once more; resolves when the job running now ends. */
	run(key: K): Promise<void> {
		const running = this.running.get(key);
		if (running) {
			this.again.add(key);
			return running;
		}
		const work = this.job(key).finally(() => {
			this.running.delete(key);
			if (this.again.delete(key)) void this.run(key);
		});
		this.running.set(key, work);
		return work;
	}
}
