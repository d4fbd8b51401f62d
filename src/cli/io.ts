// What a command may touch of the outside world. Commands take this instead of reaching for
// `process` so that tests can run them in-process and read what they printed.

import {closeSync, openSync, readSync} from 'node:fs';
import type {ReadStream} from 'node:tty';
import {directStdout, onOutputFailure} from './output.js';

export interface CliIo {
	readonly argv0: string;
	readonly cwd: string;
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly stdout: {write(chunk: string): unknown; readonly isTTY?: boolean; columns?: number};
	readonly stderr: {write(chunk: string): unknown; readonly isTTY?: boolean};
	readonly stdinIsTTY: boolean;
	/**
	 * All of standard input as text (`-f -`): read once, the same text on every call. Throws a
	 * UsageError when standard input cannot be read.
	 */
	readonly readStdin: () => string;
	/**
	 * Work to finish before the CLI ends because its standard output failed (a reader that
	 * stopped early, see output.ts): a build still running is stopped and saved first.
	 * Returns the function that removes it. Absent where output cannot fail (tests' buffers).
	 */
	readonly onOutputFailure?: (finish: () => Promise<unknown>) => () => void;
}

/** Whether this run wrote to standard error (see processIo): only then may it hold unwritten text. */
let stderrUsed = false;
export const stderrWasUsed = (): boolean => stderrUsed;

/**
 * The real process's io. `direct`: standard output is written straight to its descriptor
 * (output.ts), for a command that only writes to it; standard error is made on first use.
 */
export function processIo(opts: {direct?: boolean} = {}): CliIo {
	return {
		argv0: 'baketree',
		cwd: process.cwd(),
		env: process.env,
		stdout: opts.direct ? directStdout() : process.stdout,
		stderr: {
			write(chunk: string) {
				stderrUsed = true;
				return process.stderr.write(chunk);
			},
			get isTTY() {
				return process.stderr.isTTY;
			},
		},
		// Asked only by the commands that read keys: making process.stdin (and loading node:tty
		// for it) costs every other command a few milliseconds of its start.
		get stdinIsTTY() {
			return Boolean(process.stdin.isTTY);
		},
		readStdin: once(() => readAll(0)),
		onOutputFailure,
	};
}

function once(read: () => string): () => string {
	let text: string | undefined;
	return () => {
		text ??= read();
		return text;
	};
}

/** Reads a file descriptor to its end, also when it is non-blocking (a pipe set up that way). */
function readAll(fd: number): string {
	const chunks: Buffer[] = [];
	const buf = Buffer.allocUnsafe(1 << 16);
	const pause = new Int32Array(new SharedArrayBuffer(4));
	for (;;) {
		let n: number;
		try {
			n = readSync(fd, buf, 0, buf.length, null);
		} catch (err) {
			const code = (err as NodeJS.ErrnoException).code;
			if (code === 'EAGAIN') {
				Atomics.wait(pause, 0, 0, 10);
				continue;
			}
			if (code === 'EOF') break;
			const why = err instanceof Error ? err.message : String(err);
			throw new UsageError(`-f -: cannot read the bake definition from standard input: ${why}`);
		}
		if (n === 0) break;
		chunks.push(Buffer.from(buf.subarray(0, n)));
	}
	return Buffer.concat(chunks).toString('utf8');
}

/**
 * The controlling terminal as a key source, for when standard input is taken (`-f -`);
 * undefined when there is none.
 */
export function openTerminalKeys(): ReadStream | undefined {
	let fd: number;
	try {
		fd = openSync('/dev/tty', 'r');
	} catch {
		return undefined;
	}
	const tty = process.getBuiltinModule('node:tty');
	if (tty.isatty(fd)) return new tty.ReadStream(fd);
	closeSync(fd);
	return undefined;
}

/** Collects output in memory; used by tests and by commands that must not print half a result. */
export function bufferIo(overrides: Partial<CliIo> = {}): CliIo & {out(): string; err(): string} {
	let out = '';
	let err = '';
	return {
		argv0: 'baketree',
		cwd: process.cwd(),
		env: {},
		stdinIsTTY: false,
		readStdin: () => '',
		...overrides,
		stdout: {
			write(chunk: string) {
				out += chunk;
				return true;
			},
			isTTY: false,
		},
		stderr: {
			write(chunk: string) {
				err += chunk;
				return true;
			},
			isTTY: false,
		},
		out: () => out,
		err: () => err,
	};
}

/** A bad command line or bad input: printed as is on stderr, exit code 1 (or `code`). */
export class UsageError extends Error {
	readonly code: number;
	constructor(message: string, code = 1) {
		super(message);
		this.name = 'UsageError';
		this.code = code;
	}
}
