// Runs `docker buildx bake` and streams its stderr (the rawjson progress) chunk by chunk,
// stdout apart. Spawning and cancelling is the process module's: SIGINT (buildx cancels the
// solve and closes running vertexes with "context canceled"), then SIGTERM after a grace
// period. Exit code 130 means canceled.

import {runStreaming} from '../process/run-streaming.js';
import {type BakeArgsOptions, bakeArgs} from './bake-args.js';

export interface RunBakeOptions extends BakeArgsOptions {
	readonly docker: string;
	readonly cwd?: string;
	/** The process environment to start from (the child does not otherwise inherit). */
	readonly env: Readonly<Record<string, string | undefined>>;
	/** Bake variables, passed as environment. */
	readonly vars?: Readonly<Record<string, string>>;
	/** The definition `-f -` names, given to buildx on its standard input. */
	readonly stdin?: string | undefined;
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
	const run = runStreaming({
		command: o.docker,
		args,
		cwd: o.cwd,
		env: {...o.env, ...o.vars},
		input: o.stdin,
		graceMs: o.graceMs,
		// Same process group as baketree: a terminal Ctrl-C reaches buildx as it would without us,
		// and buildx dies with us.
		ownGroup: false,
		onStderr: o.onStderr,
		...(o.onStdout ? {onStdout: o.onStdout} : {}),
	});
	const done = run.done.then((r) => {
		if (r.exitCode !== undefined) return r.exitCode;
		// Killed by a signal: SIGINT/SIGTERM after our cancel are a cancellation.
		if (r.canceled || r.signal === 'SIGINT') return EXIT_CANCELED;
		// Could not start at all (docker vanished since preflight): a plain failure.
		return r.signal === 'SIGTERM' ? 143 : 1;
	});
	return {argv: [o.docker, ...args], cancel: () => run.cancel(), done};
}
