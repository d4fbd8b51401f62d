// TUI figures: time to first frame of the bundled CLI (dist/cli.js run as a program, as
// `baketree` and `npm start` run it; see test/e2e/pty.ts) in a pseudo-terminal on a tuwunel-sized
// tree (test/fixtures/gen MEDIUM, 749 instances), with the time to the first paint (the header
// saying which file is read) beside it; and keypress-to-frame on a 10,000-instance tree,
// measured in a process of its own built with the CLI bundle's plugins (bench/keypress-child.ts).

import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build} from 'esbuild';
import {uiPlugins} from '../scripts/bundle-plugins.mjs';
import {ROOT, spawnCli} from '../test/e2e/pty.js';
import {MEDIUM, writeTree} from '../test/fixtures/gen/generate-tree.js';

interface Figure {
	name: string;
	value: number;
	unit: string;
	goal?: string;
}

// Starts per figure: one start's time spreads by tens of milliseconds on this 2-core VM.
const STARTS = 9;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * Medians over STARTS starts: the first paint (header, "reading FILE…") and the tree drawn. The
 * code cache (src/launcher.ts) is written when the first start quits and read by the others,
 * unless `env` turns it off.
 */
async function firstFrame(
	env: Record<string, string> = {},
): Promise<{paint: number; tree: number}> {
	// One scratch folder for the tree, the cache and each start's state; removed at the end.
	const scratch = mkdtempSync(join(tmpdir(), 'bt-bench-'));
	try {
		const dir = join(scratch, 'tree');
		writeTree(dir, MEDIUM);
		const cache = join(scratch, 'cache');
		const paints: number[] = [];
		const trees: number[] = [];
		for (let i = 0; i < STARTS; i++) {
			const start = performance.now();
			const s = spawnCli(['-f', 'docker/bake.hcl'], {
				cwd: dir,
				env: {BAKETREE_STATE_DIR: join(scratch, `state-${i}`), BAKETREE_CACHE_DIR: cache, ...env},
			});
			let paint: number | undefined;
			// Poll the raw output (cheap) rather than the emulated screen.
			while (!s.output().includes('system ×1')) {
				if (paint === undefined && s.output().includes('reading docker/bake.hcl'))
					paint = performance.now() - start;
				if (performance.now() - start > 20_000) throw new Error('no first frame within 20 s');
				await new Promise((r) => setTimeout(r, 2));
			}
			const tree = performance.now() - start;
			trees.push(tree);
			paints.push(paint ?? tree);
			s.press('q');
			await s.exit;
		}
		return {paint: median(paints), tree: median(trees)};
	} finally {
		rmSync(scratch, {recursive: true, force: true});
	}
}

/** Runs bench/keypress-child.ts, built with the CLI bundle's plugins (see its header). */
async function keypressToFrame(): Promise<Figure[]> {
	const dir = mkdtempSync(join(tmpdir(), 'bt-bench-keys-'));
	try {
		const script = join(dir, 'keypress.mjs');
		await build({
			absWorkingDir: ROOT,
			entryPoints: ['bench/keypress-child.ts'],
			outfile: script,
			bundle: true,
			platform: 'node',
			format: 'esm',
			target: 'node20',
			jsx: 'automatic',
			minify: true,
			define: {'process.env.NODE_ENV': '"production"'},
			alias: {'react-devtools-core': './scripts/empty-module.mjs'},
			external: ['node-pty'],
			plugins: uiPlugins(ROOT),
			// Ink's CommonJS dependencies require() Node's modules.
			banner: {
				js: "import {createRequire} from 'node:module';const require = createRequire(import.meta.url);",
			},
			logLevel: 'warning',
		});
		const out = execFileSync(process.execPath, [script], {
			env: {PATH: process.env['PATH'] ?? '', FORCE_COLOR: '1'},
			encoding: 'utf8',
		});
		return JSON.parse(out) as Figure[];
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

export async function benchTui(): Promise<Figure[]> {
	const keys = await keypressToFrame();
	execFileSync(process.execPath, ['scripts/bundle.mjs'], {cwd: ROOT});
	const first = await firstFrame();
	const uncached = await firstFrame({BAKETREE_NO_CODE_CACHE: '1'});
	return [
		{
			name: 'tui: time to first frame, 749 instances (MEDIUM) (bundled, pty)',
			value: first.tree,
			unit: 'ms',
			goal: '< 300',
		},
		{name: 'tui: time to first paint (header, reading the file)', value: first.paint, unit: 'ms'},
		{
			name: 'tui: time to first frame, first start of a build (no code cache)',
			value: uncached.tree,
			unit: 'ms',
		},
		...keys,
	];
}
