// A bounded FIFO of the most recent items: the raw log and per-test output can be millions of
// lines, and memory must not grow with them (the full log is on disk).
export class RingBuffer<T> {
	readonly capacity: number;
	private readonly items: (T | undefined)[];
	private start = 0;
	private size = 0;
	/** Items pushed since creation, including those already dropped. */
	total = 0;

	constructor(capacity: number) {
		this.capacity = Math.max(1, capacity);
		// Grows on demand: most per-test buffers hold a few lines, not `capacity`.
		this.items = [];
	}

	get length(): number {
		return this.size;
	}

	push(item: T): void {
		this.total++;
		if (this.size < this.capacity) {
			this.items.push(item);
			this.size++;
			return;
		}
		this.items[this.start] = item;
		this.start = (this.start + 1) % this.capacity;
	}

	/** Item `i` counting from the oldest kept one. */
	at(i: number): T | undefined {
		if (i < 0 || i >= this.size) return undefined;
		return this.items[(this.start + i) % this.capacity];
	}

	/** Items [from, to) counting from the oldest kept one. */
	slice(from: number, to: number): T[] {
		const out: T[] = [];
		const end = Math.min(to, this.size);
		for (let i = Math.max(0, from); i < end; i++)
			out.push(this.items[(this.start + i) % this.capacity] as T);
		return out;
	}
}
