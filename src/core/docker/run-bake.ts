// Runs `docker buildx bake` and streams its stderr (the rawjson progress) chunk by chunk.
// Cancel: SIGINT (buildx cancels the solve and closes running vertexes with "context
// canceled"), then SIGTERM after a grace period. Exit code 130 means canceled.

import {execa} from 'execa';
import {type BakeArgsOptions, bakeArgs} from './bake-args.js';

export interface RunBakeOptions extends BakeArgsOptions {
	readonly docker: string;
	readonly cwd?: string;
	/** The process environment to start from (the child does not otherwise inherit). */
	readonly env: Readonly<Record<string, string | undefined>>;
	/** Bake variables, passed as environment. */
	readonly vars?: Readonly<Record<string, string>>;
	readonly onStderr: (chunk: Buffer) => void;
	readonly onStdout?: (chunk: Buffer) => void;
	readonly graceMs?: number;
}

export interface BakeProcess {
	readonly argv: readonly string[];
	cancel(): void;
	readonly done: Promise<number>;
}

export const EXIT_CANCELED = 130;

export function runBake(o: RunBakeOptions): BakeProcess {
	const args = bakeArgs(o);
	const env: Record<string, string> = {};
	for (const [k, v] of Object.entries(o.env)) if (v !== undefined) env[k] = v;
	Object.assign(env, o.vars ?? {});
	const child = execa(o.docker, args, {
		cwd: o.cwd,
		env,
		extendEnv: false,
		stdin: 'ignore',
		buffer: false,
		reject: false,
		// Our own SIGINT handling decides what happens; do not let execa kill on parent exit late.
		cleanup: true,
	});
	child.stderr?.on('data', (c: Buffer) => o.onStderr(c));
	child.stdout?.on('data', (c: Buffer) => o.onStdout?.(c));
	let timer: NodeJS.Timeout | undefined;
	let canceled = false;
	const done = child.then((r) => {
		if (timer) clearTimeout(timer);
		if (typeof r.exitCode === 'number') return r.exitCode;
		// Killed by a signal: SIGINT/SIGTERM after our cancel are a cancellation.
		if (canceled || r.signal === 'SIGINT') return EXIT_CANCELED;
		return r.signal === 'SIGTERM' ? 143 : 1;
	});
	return {
		argv: [o.docker, ...args],
		cancel() {
			if (canceled) return;
			canceled = true;
			child.kill('SIGINT');
			timer = setTimeout(() => child.kill('SIGTERM'), o.graceMs ?? 5000);
			timer.unref();
		},
		done,
	};
}
