// What a command may touch of the outside world. Commands take this instead of reaching for
// `process` so that tests can run them in-process and read what they printed.

export interface CliIo {
	readonly argv0: string;
	readonly cwd: string;
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly stdout: {write(chunk: string): unknown; readonly isTTY?: boolean; columns?: number};
	readonly stderr: {write(chunk: string): unknown; readonly isTTY?: boolean};
	readonly stdinIsTTY: boolean;
}

export function processIo(): CliIo {
	return {
		argv0: 'baketree',
		cwd: process.cwd(),
		env: process.env,
		stdout: process.stdout,
		stderr: process.stderr,
		stdinIsTTY: Boolean(process.stdin.isTTY),
	};
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
