/**
 * Ids of containers destroyed recently. An inspect or list that began before
 * a `destroy` event can answer after it; without a record of the destroy, that
 * late answer would put the container back for good ("removing" ghost rows).
 * Bounded both ways: entries expire after `ttlMs`, and past `max` the oldest go.
 */
export class Tombstones {
	private readonly at = new Map<string, number>();

	constructor(private readonly ttlMs = 60_000, private readonly max = 1000, private readonly now: () => number = Date.now) {}

	/** Records that `id` was destroyed. */
	add(id: string): void {
		this.at.delete(id);
		this.at.set(id, this.now());
		this.prune();
		while (this.at.size > this.max) this.at.delete(this.at.keys().next().value!);
	}

	/** True while `id` was destroyed within the last `ttlMs`. */
	has(id: string): boolean {
		const when = this.at.get(id);
		if (when === undefined) return false;
		if (this.now() - when <= this.ttlMs) return true;
		this.at.delete(id);
		return false;
	}

	/** How many are kept (for tests: it stays bounded). */
	get size(): number {
		this.prune();
		return this.at.size;
	}

	/** Drops expired entries; insertion order is time order, so it stops at the first live one. */
	private prune(): void {
		const limit = this.now() - this.ttlMs;
		for (const [id, when] of this.at) {
			if (when > limit) break;
			this.at.delete(id);
		}
	}
}
