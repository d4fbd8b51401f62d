// The one generic way baketree runs a long child process and follows its output live:
// argument array (never a shell), cancel with SIGINT then SIGTERM then SIGKILL after grace
// periods, and the exit code. Output comes either interleaved (stdout and stderr in arrival
// order, as text chunks and whole lines: complement) or per stream as raw bytes (buildx, whose
// rawjson is on stderr and must stay apart from stdout), or both.

import {StringDecoder} from 'node:string_decoder';
import {execa} from 'execa';
import {batchedLines} from './line-splitter.js';

export interface RunStreamingOptions {
	readonly command: string;
	readonly args: readonly string[];
	readonly cwd?: string | undefined;
	/** The child's whole environment (not merged with ours: pass `{...env, extra}` for that). */
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** Text for the child's standard input (then closed); default: no standard input. */
	readonly input?: string | undefined;
	/** Raw text as received from stdout or stderr, in arrival order. */
	readonly onChunk?: (chunk: string) => void;
	/** Whole lines (without terminator), batched per chunk, in arrival order. */
	readonly onLines?: (lines: readonly string[]) => void;
	/** Raw bytes of stdout alone (not decoded: chunks may split characters). */
	readonly onStdout?: (chunk: Buffer) => void;
	/** Raw bytes of stderr alone. */
	readonly onStderr?: (chunk: Buffer) => void;
	/** Time between SIGINT and SIGTERM on cancel (default 5 s); SIGKILL follows as long again. */
	readonly graceMs?: number | undefined;
	/**
	 * Run in its own process group (default), so that cancel reaches a script's children
	 * (docker logs -f …) too. False: stay in ours, so a terminal Ctrl-C reaches the child
	 * directly and the child is killed when baketree exits.
	 */
	readonly ownGroup?: boolean;
}

export interface StreamingResult {
	/** The exit code; undefined when killed by a signal or never started. */
	readonly exitCode: number | undefined;
	readonly signal: string | undefined;
	readonly canceled: boolean;
	/** Why the command could not run at all (e.g. not found); undefined otherwise. */
	readonly error: string | undefined;
}

export interface StreamingRun {
	readonly pid: number | undefined;
	/** Asks the child (its whole process group) to stop: SIGINT, then SIGTERM, then SIGKILL. */
	cancel(): void;
	readonly done: Promise<StreamingResult>;
}

const asBuffer = (chunk: Buffer | string): Buffer =>
	typeof chunk === 'string' ? Buffer.from(chunk) : chunk;

export function runStreaming(options: RunStreamingOptions): StreamingRun {
	const grace = options.graceMs ?? 5000;
	const ownGroup = options.ownGroup ?? true;
	const interleaved = options.onChunk !== undefined || options.onLines !== undefined;
	// A stream nobody reads would fill its pipe and stall the child: send it nowhere instead.
	const wanted = (perStream: unknown) => (interleaved || perStream ? 'pipe' : 'ignore');
	const child = execa(options.command, [...options.args], {
		cwd: options.cwd,
		env: options.env ? stringEnv(options.env) : undefined,
		extendEnv: options.env === undefined,
		...(options.input !== undefined ? {input: options.input} : {stdin: 'ignore' as const}),
		stdout: wanted(options.onStdout),
		stderr: wanted(options.onStderr),
		all: interleaved,
		buffer: false,
		reject: false,
		detached: ownGroup,
		cleanup: !ownGroup,
		// Signals are ours to send (see cancel); do not let execa add its own.
		forceKillAfterDelay: false,
	});
	const {onChunk, onLines} = options;
	const decoder = new StringDecoder('utf8');
	// Lines come straight from the bytes, in one batch per chunk.
	const lines = batchedLines((batch) => onLines?.(batch));
	let canceled = false;
	const timers: NodeJS.Timeout[] = [];

	if (interleaved) {
		child.all?.on('data', (chunk: Buffer | string) => {
			const bytes = asBuffer(chunk);
			if (onChunk) {
				const text = decoder.write(bytes);
				if (text !== '') onChunk(text);
			}
			if (onLines) {
				lines.write(bytes);
			}
		});
	}
	const {onStdout, onStderr} = options;
	if (onStdout) child.stdout?.on('data', (c: Buffer | string) => onStdout(asBuffer(c)));
	if (onStderr) child.stderr?.on('data', (c: Buffer | string) => onStderr(asBuffer(c)));

	const signal = (sig: NodeJS.Signals) => {
		const pid = child.pid;
		if (pid === undefined) return;
		if (!ownGroup) {
			child.kill(sig);
			return;
		}
		try {
			process.kill(-pid, sig);
		} catch {
			child.kill(sig);
		}
	};

	const done = child.then((result) => {
		for (const t of timers) clearTimeout(t);
		if (onChunk) {
			const rest = decoder.end();
			if (rest !== '') onChunk(rest);
		}
		if (onLines) {
			lines.end();
		}
		const notStarted = result.failed && result.exitCode === undefined && !result.signal;
		return {
			exitCode: result.exitCode,
			signal: result.signal,
			canceled,
			error: notStarted ? (result.originalMessage ?? result.shortMessage) : undefined,
		};
	});

	return {
		pid: child.pid,
		cancel() {
			if (canceled) return;
			canceled = true;
			signal('SIGINT');
			timers.push(setTimeout(() => signal('SIGTERM'), grace).unref());
			timers.push(setTimeout(() => signal('SIGKILL'), 2 * grace).unref());
		},
		done,
	};
}

export function stringEnv(
	env: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
	return out;
}
