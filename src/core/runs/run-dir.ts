// One folder per build run in the state directory. The stream is appended with synchronous
// writes as each chunk arrives, so killing baketree (or a crash) loses nothing already read.
//
//   run.json      command line, cwd, targets, builder, start time
//   vars.json     the bake variables passed (declared ones only, never the whole environment)
//   stream.log    buildx's stderr exactly as received (rawjson + text lines)
//   stdout.log    buildx's stdout
//   exit.json     {"exitCode": N, "endedAt": ...}
//   metadata.json written by buildx (--metadata-file), on success

import {closeSync, mkdirSync, openSync, writeFileSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import {type Env, runsDir} from '../state-dir.js';

export const RUN_FILES = {
	run: 'run.json',
	vars: 'vars.json',
	stream: 'stream.log',
	stdout: 'stdout.log',
	exit: 'exit.json',
	metadata: 'metadata.json',
} as const;

export interface RunInfo {
	readonly id: string;
	readonly startedAt: string;
	readonly argv: readonly string[];
	readonly cwd: string;
	readonly targets: readonly string[];
	readonly builder?: string | undefined;
}

export interface RunHandle {
	readonly id: string;
	readonly dir: string;
	readonly metadataFile: string;
	appendStream(chunk: Buffer): void;
	appendStdout(chunk: Buffer): void;
	/** The exact command line, once known (written to run.json). */
	recordArgv(argv: readonly string[]): void;
	finish(exitCode: number | null): void;
}

function newRunId(now: Date): string {
	const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
	return `${stamp}-${Math.random().toString(16).slice(2, 6).padEnd(4, '0')}`;
}

export interface CreateRunOptions {
	readonly env: Env;
	readonly argv: readonly string[];
	readonly cwd: string;
	readonly targets: readonly string[];
	readonly builder?: string | undefined;
	readonly vars: Readonly<Record<string, string>>;
	readonly now?: Date;
}

export function createRun(o: CreateRunOptions): RunHandle {
	const now = o.now ?? new Date();
	const id = newRunId(now);
	const dir = join(runsDir(o.env), id);
	mkdirSync(dir, {recursive: true});
	const info: RunInfo = {
		id,
		startedAt: now.toISOString(),
		argv: o.argv,
		cwd: o.cwd,
		targets: o.targets,
		...(o.builder ? {builder: o.builder} : {}),
	};
	const writeInfo = (i: RunInfo) =>
		writeFileSync(join(dir, RUN_FILES.run), `${JSON.stringify(i, null, 2)}\n`);
	writeInfo(info);
	writeFileSync(join(dir, RUN_FILES.vars), `${JSON.stringify(o.vars, null, 2)}\n`);
	const stream = openSync(join(dir, RUN_FILES.stream), 'a');
	const stdout = openSync(join(dir, RUN_FILES.stdout), 'a');
	let open = true;
	return {
		id,
		dir,
		metadataFile: join(dir, RUN_FILES.metadata),
		appendStream: (chunk) => {
			if (open) writeSync(stream, chunk);
		},
		appendStdout: (chunk) => {
			if (open) writeSync(stdout, chunk);
		},
		recordArgv: (argv) => writeInfo({...info, argv}),
		finish: (exitCode) => {
			if (!open) return;
			open = false;
			closeSync(stream);
			closeSync(stdout);
			const exit = {exitCode, endedAt: new Date().toISOString()};
			writeFileSync(join(dir, RUN_FILES.exit), `${JSON.stringify(exit)}\n`);
		},
	};
}
