// Turns a stream of bytes into lines: the one splitter for every output baketree follows
// (buildx's rawjson stderr, the Complement suite's output, live or read back from a saved file).
//
// - Chunks may end anywhere, even inside a UTF-8 sequence: bytes are split on '\n' (a multi-byte
//   sequence never contains byte 0x0A) and each line is decoded on its own.
// - A CR before the '\n' is dropped; a last line without a newline comes out at `end()`.
// - Memory (replays of 500 MB streams): only the unfinished line is held, as copied bytes (never
//   a caller's chunk, which may be reused), and never more than `maxLineBytes` of it: a line
//   that runs on across chunks is cut there, at a character boundary, and goes on as the next
//   line (nothing is dropped). Lines are decoded one by one from the bytes, never sliced out of
//   one big decoded chunk: V8 slices keep their whole parent string alive, and big strings go to
//   the large-object space, which only a full GC frees; both let RSS climb far past what is live.
//   A chunk of ASCII only (most output) is decoded as latin1, the same text made much faster.

import {isAscii} from 'node:buffer';

const NL = 10;
const CR = 13;

/** Far above any real line: only output that never ends its lines gets cut. */
const DEFAULT_MAX_LINE_BYTES = 16 << 20;

export class LineSplitter {
	/** Bytes of the unfinished line, in order. */
	#pieces: Buffer[] = [];
	#pendingBytes = 0;
	readonly #onLine: (line: string) => void;
	readonly #maxLineBytes: number;

	constructor(onLine: (line: string) => void, maxLineBytes = DEFAULT_MAX_LINE_BYTES) {
		this.#onLine = onLine;
		this.#maxLineBytes = Math.max(4, maxLineBytes);
	}

	/** Feeds a chunk; `onLine` gets every line it completes. Text is taken as UTF-8. */
	write(chunk: Buffer | string): void {
		const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		let nl = buf.indexOf(NL);
		if (nl < 0) {
			this.#keep(buf);
			return;
		}
		let start = 0;
		if (this.#pieces.length > 0) {
			const head = buf.subarray(0, nl);
			if (this.#pendingBytes + nl > this.#maxLineBytes) this.#keep(head);
			else this.#pieces.push(head);
			const line = Buffer.concat(this.#pieces);
			this.#pieces = [];
			this.#pendingBytes = 0;
			this.#emit(line, 0, line.length, 'utf8');
			start = nl + 1;
			nl = buf.indexOf(NL, start);
		}
		const encoding = isAscii(buf) ? 'latin1' : 'utf8';
		while (nl >= 0) {
			this.#emit(buf, start, nl, encoding);
			start = nl + 1;
			nl = buf.indexOf(NL, start);
		}
		if (start < buf.length) this.#keep(buf.subarray(start));
	}

	/** Ends the stream: emits the last line if it had no newline. */
	end(): void {
		if (this.#pieces.length === 0) return;
		const rest = Buffer.concat(this.#pieces);
		this.#pieces = [];
		this.#pendingBytes = 0;
		if (rest.length > 0) this.#emit(rest, 0, rest.length, 'utf8');
	}

	#emit(buf: Buffer, start: number, end: number, encoding: 'utf8' | 'latin1'): void {
		const stop = end > start && buf[end - 1] === CR ? end - 1 : end;
		this.#onLine(buf.toString(encoding, start, stop));
	}

	/** Holds (a copy of) bytes of the unfinished line, cutting it when it grows too long. */
	#keep(bytes: Buffer): void {
		if (bytes.length === 0) return;
		this.#pieces.push(Buffer.from(bytes));
		this.#pendingBytes += bytes.length;
		if (this.#pendingBytes <= this.#maxLineBytes) return;
		let rest = Buffer.concat(this.#pieces);
		while (rest.length > this.#maxLineBytes) {
			let cut = this.#maxLineBytes;
			// Never inside a character: back up to the first byte of the one that would be split.
			while (cut > 0 && ((rest[cut] as number) & 0xc0) === 0x80) cut--;
			if (cut === 0) cut = this.#maxLineBytes;
			this.#onLine(rest.toString('utf8', 0, cut));
			rest = rest.subarray(cut);
		}
		this.#pieces = rest.length > 0 ? [Buffer.from(rest)] : [];
		this.#pendingBytes = rest.length;
	}
}

/**
 * Lines in batches: each write hands `onLines` the lines it completed, together (one state
 * update per chunk of output, not per line); `end()` hands over the last one.
 */
export function batchedLines(onLines: (lines: string[]) => void): {
	write(chunk: Buffer | string): void;
	end(): void;
} {
	let batch: string[] = [];
	const splitter = new LineSplitter((line) => batch.push(line));
	const flush = () => {
		if (batch.length === 0) return;
		const lines = batch;
		batch = [];
		onLines(lines);
	};
	return {
		write(chunk) {
			splitter.write(chunk);
			flush();
		},
		end() {
			splitter.end();
			flush();
		},
	};
}
