// `baketree print` as a whole process (Node start included, dist/cli.js run as a program, as a
// shell runs `baketree`) on generated trees in tuwunel's style: 80 blocks / 749 instances
// (goal < 200 ms) and 80 blocks / 10,421 instances (< 1.5 s).
// Three figures per tree, all always reported: the cold figure with the output cache off
// (BAKETREE_NO_CACHE=1: every run evaluates) but V8's code cache in use, the same with no code
// cache either (the first run after a build), and a repeated run answered from a warm cache.

import {execFileSync} from 'node:child_process';
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {delimiter, dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {
	instanceCount,
	LARGE,
	MEDIUM,
	type TreeShape,
	writeTree,
} from '../test/fixtures/gen/generate-tree.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)] as number;
}

type Env = Record<string, string>;

// Runs per figure. This 2-core VM's timings spread by tens of milliseconds from run to run:
// eleven runs give a median that a single slow or fast run does not move.
const RUNS = 11;

/**
 * Runs `baketree print` as a user's shell does: dist/cli.js as a program, whose first lines start
 * Node with its flags (scripts/bundle.mjs, LAUNCHER_START). The Node running the bench comes
 * first on PATH, so the one measured is the one `node -e 0` is measured with.
 */
function print(dir: string, file: string, env: Env, stdout: 'ignore' | 'pipe'): Buffer | null {
	return execFileSync(join(root, 'dist/cli.js'), ['print', '-f', file], {
		cwd: dir,
		stdio: ['ignore', stdout, 'inherit'],
		env: {PATH: `${dirname(process.execPath)}${delimiter}${process.env['PATH'] ?? ''}`, ...env},
		maxBuffer: 1 << 30,
	});
}

function timePrint(dir: string, file: string, env: Env, runs = RUNS): number {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		print(dir, file, env, 'ignore');
		times.push(performance.now() - t0);
	}
	return median(times);
}

export async function benchPrint(): Promise<
	{name: string; value: number; unit: string; goal?: string}[]
> {
	execFileSync(process.execPath, [join(root, 'scripts/bundle.mjs')], {cwd: root, stdio: 'inherit'});
	const dir = mkdtempSync(join(tmpdir(), 'baketree-bench-'));
	try {
		const shapes: [string, TreeShape, string][] = [
			['medium', MEDIUM, '< 200'],
			['large', LARGE, '< 1500'],
		];
		const out = [];
		// For scale: what no CLI can go under on this machine, now.
		const startTimes: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			const t0 = performance.now();
			execFileSync(process.execPath, ['-e', '0'], {stdio: 'ignore', env: {}});
			startTimes.push(performance.now() - t0);
		}
		out.push({
			name: `node -e 0: process start alone (median of ${RUNS})`,
			value: Math.round(median(startTimes)),
			unit: 'ms',
		});
		for (const [name, shape, goal] of shapes) {
			const treeDir = join(dir, name);
			const file = writeTree(treeDir, shape);
			const n = instanceCount(shape);
			// Every run evaluates. The code cache (src/launcher.ts) is written by the first run and
			// read by the others, as on a user's machine; the first run after a build has none.
			const codeEnv = {BAKETREE_NO_CACHE: '1', BAKETREE_CACHE_DIR: join(dir, `code-${name}`)};
			out.push({
				name: `print: whole process, no output cache, ${n} instances (median of ${RUNS})`,
				value: Math.round(timePrint(treeDir, file, codeEnv)),
				unit: 'ms',
				goal,
			});
			out.push({
				name: `print: same, first run of a build (no code cache either)`,
				value: Math.round(timePrint(treeDir, file, {...codeEnv, BAKETREE_NO_CODE_CACHE: '1'})),
				unit: 'ms',
			});
			// The warm cache: one run fills it, then every run is a hit, checked to be one.
			const cacheEnv = {BAKETREE_CACHE_DIR: join(dir, `cache-${name}`)};
			const evaluated = print(treeDir, file, {BAKETREE_NO_CACHE: '1'}, 'pipe');
			const filled = print(treeDir, file, cacheEnv, 'pipe');
			const entries = readdirSync(join(cacheEnv.BAKETREE_CACHE_DIR, 'output'));
			if (entries.length !== 1)
				throw new Error(`expected one cache entry, found ${entries.length}`);
			const hit = print(treeDir, file, cacheEnv, 'pipe');
			if (
				!evaluated?.equals(filled ?? Buffer.alloc(0)) ||
				!evaluated.equals(hit ?? Buffer.alloc(0))
			)
				throw new Error('a cached print differs from an evaluated one');
			out.push({
				name: `print: whole process, cache hit, ${n} instances (median of ${RUNS})`,
				value: Math.round(timePrint(treeDir, file, cacheEnv)),
				unit: 'ms',
				goal,
			});
		}
		return out;
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}
