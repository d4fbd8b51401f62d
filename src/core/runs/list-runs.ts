// Reading saved runs back: `baketree runs` and `baketree replay RUN`.

import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {type Env, runsDir} from '../state-dir.js';
import {RUN_FILES, type RunInfo} from './run-dir.js';

export interface SavedRun extends RunInfo {
	readonly dir: string;
	/** null while running, after a crash, or when killed before buildx ended. */
	readonly exitCode: number | null;
	readonly endedAt: string | undefined;
	readonly streamBytes: number;
}

function readJson(path: string): unknown {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return undefined;
	}
}

export function isRunDir(dir: string): boolean {
	return existsSync(join(dir, RUN_FILES.run));
}

export function readRun(dir: string): SavedRun | undefined {
	const info = readJson(join(dir, RUN_FILES.run)) as RunInfo | undefined;
	if (!info || typeof info !== 'object') return undefined;
	const exit = readJson(join(dir, RUN_FILES.exit)) as
		| {exitCode?: number | null; endedAt?: string}
		| undefined;
	let streamBytes = 0;
	try {
		streamBytes = statSync(join(dir, RUN_FILES.stream)).size;
	} catch {}
	return {
		...info,
		targets: Array.isArray(info.targets) ? info.targets : [],
		argv: Array.isArray(info.argv) ? info.argv : [],
		dir,
		exitCode: typeof exit?.exitCode === 'number' ? exit.exitCode : null,
		endedAt: exit?.endedAt,
		streamBytes,
	};
}

/** Saved runs, newest first. */
export function listRuns(env: Env): SavedRun[] {
	const root = runsDir(env);
	let names: string[];
	try {
		names = readdirSync(root);
	} catch {
		return [];
	}
	return names
		.sort()
		.reverse()
		.map((n) => readRun(join(root, n)))
		.filter((r): r is SavedRun => r !== undefined);
}

export type ReplaySource =
	| {readonly kind: 'run'; readonly run: SavedRun; readonly stream: string}
	| {readonly kind: 'file'; readonly path: string};

/**
 * `replay` argument: a run folder, a stream file, a run id (or unique prefix), or "last".
 * Returns undefined when nothing matches.
 */
export function resolveReplaySource(arg: string, env: Env, cwd: string): ReplaySource | undefined {
	const path = resolve(cwd, arg);
	if (existsSync(path)) {
		if (statSync(path).isDirectory()) {
			const run = readRun(path);
			return run ? {kind: 'run', run, stream: join(path, RUN_FILES.stream)} : undefined;
		}
		return {kind: 'file', path};
	}
	const runs = listRuns(env);
	const matches = arg === 'last' ? runs.slice(0, 1) : runs.filter((r) => r.id.startsWith(arg));
	const run = matches.length === 1 ? matches[0] : undefined;
	return run ? {kind: 'run', run, stream: join(run.dir, RUN_FILES.stream)} : undefined;
}
