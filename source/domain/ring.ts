/**
 * A fixed-capacity ring buffer: the bound on log lines and stats history.
 * Push is O(1) and the backing array never grows past the capacity; when full,
 * the oldest item is overwritten and counted in `dropped`. Indices are logical:
 * 0 is the oldest item held. `version` changes on every mutation so UI code
 * can memoize on it.
 */
export class Ring<T> {
	#items: Array<T | undefined>;
	#capacity: number;
	/** Physical index of the oldest item. */
	#head = 0;
	#size = 0;
	#dropped = 0;
	#version = 0;

	/** Makes an empty ring holding at most `capacity` items (a positive integer). */
	constructor(capacity: number) {
		Ring.#check(capacity);
		this.#capacity = capacity;
		this.#items = new Array<T | undefined>(capacity);
	}

	/** Number of items held now. */
	get size(): number {
		return this.#size;
	}

	/** Most items the ring holds. */
	get capacity(): number {
		return this.#capacity;
	}

	/** Total items overwritten or cut by `resize` since creation (not reset by `clear`). */
	get dropped(): number {
		return this.#dropped;
	}

	/** Increases on every mutation; compare it to skip recomputing views. */
	get version(): number {
		return this.#version;
	}

	/** Appends an item, overwriting the oldest when full. */
	push(item: T): void {
		if (this.#size < this.#capacity) {
			this.#items[(this.#head + this.#size) % this.#capacity] = item;
			this.#size++;
		} else {
			this.#items[this.#head] = item;
			this.#head = (this.#head + 1) % this.#capacity;
			this.#dropped++;
		}

		this.#version++;
	}

	/** Appends items in order, as repeated `push` would, but bumps `version` once. */
	pushMany(items: readonly T[]): void {
		if (items.length === 0) {
			return;
		}

		// Only the last `capacity` items can survive; skip writing the rest.
		const skip = Math.max(0, items.length - this.#capacity);
		const before = this.#size;
		for (let i = skip; i < items.length; i++) {
			const item = items[i] as T;
			if (this.#size < this.#capacity) {
				this.#items[(this.#head + this.#size) % this.#capacity] = item;
				this.#size++;
			} else {
				this.#items[this.#head] = item;
				this.#head = (this.#head + 1) % this.#capacity;
			}
		}

		// Each pushed item beyond the free room displaced one older item.
		this.#dropped += items.length - (this.#size - before);
		this.#version++;
	}

	/** The item at logical index `i` (0 = oldest; negative counts from the newest), or undefined. */
	at(i: number): T | undefined {
		const index = i < 0 ? this.#size + i : i;
		if (!Number.isInteger(index) || index < 0 || index >= this.#size) {
			return undefined;
		}

		return this.#items[(this.#head + index) % this.#capacity];
	}

	/** The newest item, or undefined when empty. */
	last(): T | undefined {
		return this.at(this.#size - 1);
	}

	/** Copies every item out, oldest first. */
	toArray(): T[] {
		return this.slice(0, this.#size);
	}

	/**
	 * Copies the logical range [start, end), oldest first, with Array#slice's
	 * rules for negative and out-of-range bounds; copies only that window.
	 */
	slice(start = 0, end: number = this.#size): T[] {
		const from = Ring.#clamp(start, this.#size);
		const to = Ring.#clamp(end, this.#size);
		const out: T[] = [];
		for (let i = from; i < to; i++) {
			out.push(this.#items[(this.#head + i) % this.#capacity] as T);
		}

		return out;
	}

	/** Removes every item; the capacity and `dropped` stay. */
	clear(): void {
		this.#items = new Array<T | undefined>(this.#capacity);
		this.#head = 0;
		this.#size = 0;
		this.#version++;
	}

	/** Changes the capacity, keeping the newest items that fit; the cut ones count as dropped. */
	resize(capacity: number): void {
		Ring.#check(capacity);
		const keep = this.slice(Math.max(0, this.#size - capacity));
		this.#dropped += this.#size - keep.length;
		this.#items = new Array<T | undefined>(capacity);
		for (const [i, item] of keep.entries()) {
			this.#items[i] = item;
		}

		this.#capacity = capacity;
		this.#head = 0;
		this.#size = keep.length;
		this.#version++;
	}

	static #check(capacity: number): void {
		if (!Number.isInteger(capacity) || capacity < 1) {
			throw new RangeError(`Ring capacity must be a positive integer, got ${capacity}`);
		}
	}

	static #clamp(index: number, size: number): number {
		const i = Math.trunc(index);
		if (Number.isNaN(i)) {
			return 0;
		}

		return i < 0 ? Math.max(0, size + i) : Math.min(i, size);
	}
}
