// Build log lines in memory: bounded rings, and the per-vertex splitter that turns buildx's
// base64 log chunks into lines.
//
// Memory (replays of 500 MB streams churn through millions of log lines): a ring slot lives
// long enough to reach V8's old generation, whose next full GC comes only after it has grown
// to a few times what is live. So what a kept line costs decides peak RSS: a ring keeps just
// the digest and a flat text string (no LogLine object, no V8 slice pinning a parent string);
// LogLine objects are made only when a view asks for lines.

export interface LogLine {
	readonly digest: string;
	/** Sanitized (SGR colours kept). */
	readonly text: string;
}

/** The newest `capacity` log lines, oldest first. */
export class LogRing {
	readonly capacity: number;
	#digests: string[] = [];
	#texts: string[] = [];
	#start = 0;
	/** Lines ever pushed (so views can tell how many were dropped). */
	total = 0;

	constructor(capacity: number) {
		this.capacity = Math.max(1, capacity);
	}

	get length(): number {
		return this.#texts.length;
	}

	push(digest: string, text: string): void {
		this.total++;
		if (this.#texts.length < this.capacity) {
			this.#digests.push(digest);
			this.#texts.push(text);
			return;
		}
		this.#digests[this.#start] = digest;
		this.#texts[this.#start] = text;
		this.#start = (this.#start + 1) % this.capacity;
	}

	/** The line at position i, 0 = oldest kept. */
	at(i: number): LogLine | undefined {
		const n = this.#texts.length;
		if (i < 0 || i >= n) return undefined;
		const k = (this.#start + i) % n;
		return {digest: this.#digests[k] as string, text: this.#texts[k] as string};
	}

	/** Lines [from, to) in order, oldest first. */
	slice(from = 0, to = this.#texts.length): LogLine[] {
		const out: LogLine[] = [];
		const end = Math.min(to, this.#texts.length);
		for (let i = Math.max(0, from); i < end; i++) out.push(this.at(i) as LogLine);
		return out;
	}

	clear(): void {
		this.#digests = [];
		this.#texts = [];
		this.#start = 0;
		this.total = 0;
	}
}

const NL = 10;

/**
 * Splits one vertex's log bytes into lines. Bytes are split on '\n' (never inside a UTF-8
 * sequence) and each line is decoded on its own, so a kept line is a flat string.
 */
export class LogSplitter {
	/** Bytes of the unfinished line (a copy: callers may reuse their buffer). */
	#partial: Buffer | undefined;
	readonly #maxPartial: number;

	constructor(maxPartial: number) {
		this.#maxPartial = maxPartial;
	}

	/** Feeds bytes [0, length) of `buf`; `onLine` gets each completed line. */
	write(buf: Buffer, length: number, onLine: (raw: string) => void): void {
		let start = 0;
		let nl = indexOfNl(buf, 0, length);
		if (this.#partial !== undefined && nl >= 0) {
			const line = Buffer.concat([this.#partial, buf.subarray(0, nl)]);
			this.#partial = undefined;
			onLine(line.toString('utf8'));
			start = nl + 1;
			nl = indexOfNl(buf, start, length);
		}
		while (nl >= 0) {
			onLine(buf.toString('utf8', start, nl));
			start = nl + 1;
			nl = indexOfNl(buf, start, length);
		}
		if (start >= length) return;
		const rest = buf.subarray(start, length);
		this.#partial =
			this.#partial === undefined ? Buffer.from(rest) : Buffer.concat([this.#partial, rest]);
		if (this.#partial.length > this.#maxPartial) this.end(onLine);
	}

	/** Emits what is left of a line that never got its newline. */
	end(onLine: (raw: string) => void): void {
		const rest = this.#partial;
		this.#partial = undefined;
		if (rest !== undefined && rest.length > 0) onLine(rest.toString('utf8'));
	}
}

function indexOfNl(buf: Buffer, from: number, length: number): number {
	if (from >= length) return -1;
	const i = buf.indexOf(NL, from);
	return i < length ? i : -1;
}

let scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * Decodes base64 into a shared scratch buffer (valid until the next call) and returns the
 * byte count: one log message at a time, no Buffer per message left for the GC.
 */
export function decodeBase64(data: string): {buf: Buffer; length: number} {
	const max = Math.ceil(data.length / 4) * 3;
	if (max > scratch.length) scratch = Buffer.allocUnsafe(max);
	return {buf: scratch, length: scratch.write(data, 'base64')};
}
