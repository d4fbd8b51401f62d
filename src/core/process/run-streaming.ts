// The one generic way baketree runs a long child process and follows its output live:
// argument array (never a shell), stdout and stderr interleaved in arrival order, raw chunks
// and whole lines, cancel with SIGINT then SIGTERM after a grace period, and the exit code.
// Used by `baketree complement`; meant for docker/buildx runs too.

import {StringDecoder} from 'node:string_decoder';
import {execa} from 'execa';
import {LineSplitter} from './line-splitter.js';

export interface RunStreamingOptions {
	readonly command: string;
	readonly args: readonly string[];
	readonly cwd?: string;
	/** The child's whole environment (not merged with ours: pass `{...env, extra}` for that). */
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** Raw text as received from stdout or stderr, in arrival order. */
	readonly onChunk?: (chunk: string) => void;
	/** Whole lines (without terminator), batched per chunk, in arrival order. */
	readonly onLines?: (lines: readonly string[]) => void;
	/** Time between SIGINT and SIGTERM on cancel (default 5 s); SIGKILL follows as long again. */
	readonly graceMs?: number;
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

export function runStreaming(options: RunStreamingOptions): StreamingRun {
	const grace = options.graceMs ?? 5000;
	const child = execa(options.command, [...options.args], {
		cwd: options.cwd,
		env: options.env ? stringEnv(options.env) : undefined,
		extendEnv: options.env === undefined,
		stdin: 'ignore',
		all: true,
		buffer: false,
		reject: false,
		// Own process group, so that cancel reaches a script's children (docker logs -f …) too.
		detached: true,
		// Signals are ours to send (see cancel); do not let execa add its own.
		forceKillAfterDelay: false,
	});
	const splitter = new LineSplitter();
	const decoder = new StringDecoder('utf8');
	let canceled = false;
	const timers: NodeJS.Timeout[] = [];

	const emit = (text: string) => {
		if (text === '') return;
		options.onChunk?.(text);
		if (options.onLines) {
			const lines = splitter.push(text);
			if (lines.length > 0) options.onLines(lines);
		}
	};
	child.all?.on('data', (chunk: Buffer | string) => {
		emit(typeof chunk === 'string' ? chunk : decoder.write(chunk));
	});

	const signal = (sig: NodeJS.Signals) => {
		const pid = child.pid;
		if (pid === undefined) return;
		try {
			process.kill(-pid, sig);
		} catch {
			child.kill(sig);
		}
	};

	const done = child.then((result) => {
		for (const t of timers) clearTimeout(t);
		emit(decoder.end());
		const rest = splitter.end();
		if (rest.length > 0) options.onLines?.(rest);
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

function stringEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
	return out;
}
