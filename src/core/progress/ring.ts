// A bounded FIFO: the newest `capacity` items. Logs in memory are always bounded; the full
// stream is on disk in the run folder.

export class Ring<T> {
	readonly capacity: number;
	#items: T[] = [];
	#start = 0;
	/** Items ever pushed (so views can tell how many were dropped). */
	total = 0;

	constructor(capacity: number) {
		this.capacity = Math.max(1, capacity);
	}

	get length(): number {
		return this.#items.length;
	}

	push(item: T): void {
		this.total++;
		if (this.#items.length < this.capacity) {
			this.#items.push(item);
			return;
		}
		this.#items[this.#start] = item;
		this.#start = (this.#start + 1) % this.capacity;
	}

	/** The item at position i, 0 = oldest kept. */
	at(i: number): T | undefined {
		if (i < 0 || i >= this.#items.length) return undefined;
		return this.#items[(this.#start + i) % this.#items.length];
	}

	/** Items [from, to) in order, oldest first. */
	slice(from = 0, to = this.#items.length): T[] {
		const out: T[] = [];
		const end = Math.min(to, this.#items.length);
		for (let i = Math.max(0, from); i < end; i++) out.push(this.at(i) as T);
		return out;
	}

	clear(): void {
		this.#items = [];
		this.#start = 0;
		this.total = 0;
	}
}
