// Splits a byte stream into lines without holding more than one partial line. Used for
// buildx's stderr (live and from disk): it is mixed JSON and text, one item per line.
//
// Memory (replays of 500 MB streams): lines are cut out of the bytes and decoded one by one,
// never by decoding a whole chunk into one big string and slicing it. V8 slices of a big
// string keep the whole parent alive, and big strings go to the large-object space, which
// only a full GC frees; both let RSS climb far past what is live. A UTF-8 multi-byte
// sequence never contains byte 0x0A, so splitting bytes on '\n' is safe.

const NL = 10;
const CR = 13;

export class LineSplitter {
	/** Bytes of the unfinished line (copied: never pins a caller's chunk). */
	#pieces: Buffer[] = [];
	readonly #onLine: (line: string) => void;

	constructor(onLine: (line: string) => void) {
		this.#onLine = onLine;
	}

	write(chunk: Buffer | string): void {
		const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		let nl = buf.indexOf(NL);
		if (nl < 0) {
			if (buf.length > 0) this.#pieces.push(Buffer.from(buf));
			return;
		}
		let start = 0;
		if (this.#pieces.length > 0) {
			this.#pieces.push(buf.subarray(0, nl));
			const line = Buffer.concat(this.#pieces);
			this.#pieces = [];
			this.#emit(line, 0, line.length);
			start = nl + 1;
			nl = buf.indexOf(NL, start);
		}
		while (nl >= 0) {
			this.#emit(buf, start, nl);
			start = nl + 1;
			nl = buf.indexOf(NL, start);
		}
		if (start < buf.length) this.#pieces.push(Buffer.from(buf.subarray(start)));
	}

	/** Emits the last line if the stream did not end with a newline. */
	end(): void {
		if (this.#pieces.length === 0) return;
		const rest = Buffer.concat(this.#pieces);
		this.#pieces = [];
		if (rest.length > 0) this.#onLine(rest.toString('utf8'));
	}

	#emit(buf: Buffer, start: number, end: number): void {
		const stop = end > start && buf[end - 1] === CR ? end - 1 : end;
		this.#onLine(buf.toString('utf8', start, stop));
	}
}
