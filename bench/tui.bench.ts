// TUI figures: time to first frame of the bundled CLI in a pseudo-terminal on a tuwunel-sized
// tree (test/fixtures/gen MEDIUM, 749 instances), with the time to the first paint (the header
// saying which file is read) beside it; and keypress-to-frame on a 10,000-instance tree
// measured in-process (store action + Ink render of the visible rows, up to the frame write),
// in colour as a terminal shows it.

import {execFileSync} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough, Writable} from 'node:stream';
import {handleKey} from '../src/core/app/keys.js';
import {createAppStore} from '../src/core/app/store.js';
import {ROOT, spawnCli} from '../test/e2e/pty.js';
import {MEDIUM, writeTree} from '../test/fixtures/gen/generate-tree.js';
import {syntheticTree} from '../test/unit/app/fixtures.js';

interface Figure {
	name: string;
	value: number;
	unit: string;
	goal?: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;

/**
 * Medians over five starts: the first paint (header, "reading FILE…") and the tree drawn. The
 * code cache (src/launcher.ts) is written when the first start quits and read by the others,
 * unless `env` turns it off.
 */
async function firstFrame(
	env: Record<string, string> = {},
): Promise<{paint: number; tree: number}> {
	const dir = mkdtempSync(join(tmpdir(), 'bt-bench-'));
	writeTree(dir, MEDIUM);
	const cache = mkdtempSync(join(tmpdir(), 'bt-bench-cache-'));
	const paints: number[] = [];
	const trees: number[] = [];
	for (let i = 0; i < 5; i++) {
		const start = performance.now();
		const s = spawnCli(['-f', 'docker/bake.hcl'], {
			cwd: dir,
			env: {
				BAKETREE_STATE_DIR: mkdtempSync(join(tmpdir(), 'bt-bs-')),
				BAKETREE_CACHE_DIR: cache,
				...env,
			},
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
}

class FrameSink extends Writable {
	columns = 140;
	rows = 45;
	// Not a TTY for Ink: on a TTY it hides the cursor, and restore-cursor then prints "show the
	// cursor" on this process's own stderr at exit, into the bench's output. Frames are the same.
	isTTY = false;
	private waiters: (() => void)[] = [];
	override _write(_chunk: unknown, _enc: BufferEncoding, done: () => void): void {
		for (const w of this.waiters.splice(0)) w();
		done();
	}
	/** Resolves on the next write; false when none comes (the key changed nothing on screen). */
	next(timeoutMs = 1000): Promise<boolean> {
		return new Promise((r) => {
			const timer = setTimeout(() => r(false), timeoutMs);
			this.waiters.push(() => {
				clearTimeout(timer);
				r(true);
			});
		});
	}
}

/** A terminal-like stdin: Ink's useInput needs raw mode. Keys go straight to the store here. */
function fakeStdin(): NodeJS.ReadStream {
	const s = new PassThrough() as unknown as NodeJS.ReadStream & {setRawMode(): void};
	Object.assign(s, {isTTY: true, setRawMode: () => s, ref: () => s, unref: () => s});
	return s;
}

async function keypressToFrame(): Promise<Figure[]> {
	// Measure React as the bundle runs it (production build), not its development build.
	process.env['NODE_ENV'] = 'production';
	// Colours on, as in a terminal (chalk reads this when Ink loads it): styled cells cost Ink
	// more than plain ones, and a bench run with its output piped would otherwise draw none.
	const colour = process.env['FORCE_COLOR'];
	process.env['FORCE_COLOR'] = '1';
	const [{render}, {createElement}, {App}, {StoreContext}] = await Promise.all([
		import('ink'),
		import('react'),
		import('../src/ui/App.js'),
		import('../src/ui/context.js'),
	]);
	if (colour === undefined) delete process.env['FORCE_COLOR'];
	else process.env['FORCE_COLOR'] = colour;
	const tree = syntheticTree(10_000);
	const instances = tree.graph.nodes.size;
	const store = createAppStore(
		{loadTree: () => tree, readFile: async () => '', now: () => 0},
		{files: ['bake.hcl'], env: {}, set: [], vars: {}, topDown: false},
		{columns: 140, rows: 45},
	);
	await store.getState().load();
	const out = new FrameSink();
	const app = render(createElement(StoreContext.Provider, {value: store}, createElement(App)), {
		stdout: out as unknown as NodeJS.WriteStream,
		stdin: fakeStdin(),
		patchConsole: false,
		exitOnCtrlC: false,
		maxFps: 1000,
	});
	await new Promise((r) => setTimeout(r, 100));
	const press = async (key: string): Promise<number> => {
		const frame = out.next();
		const start = performance.now();
		handleKey(store.getState(), key);
		if (!(await frame)) throw new Error(`no frame after key ${key}`);
		const t = performance.now() - start;
		// Let Ink's throttle window pass so every press gets a frame of its own.
		await new Promise((r) => setTimeout(r, 3));
		return t;
	};
	// Open three big blocks (about 3,000 rows), then move through them.
	for (const b of ['deps', 'build', 'unit']) {
		store.getState().jumpTo(`b:${b}`);
		store.getState().expand(true);
	}
	const moves: number[] = [];
	store.getState().moveTo(Math.floor(store.getState().rows.length / 2));
	const keys = ['G', 'k', 'k', 'j', 'pageup', 'pagedown', 'g', 'j'];
	for (let i = 0; i < 70; i++) moves.push(await press(keys[i % keys.length] as string));
	const expands: number[] = [];
	for (let i = 0; i < 6; i++) {
		store.getState().jumpTo('b:install');
		expands.push(await press(i % 2 === 0 ? 'l' : 'h'));
	}
	store.getState().setFocus('axes');
	const filters: number[] = [];
	for (let i = 0; i < 6; i++) {
		store.getState().axisMove(-1e9);
		store.getState().axisMove(1);
		filters.push(await press('space'));
	}
	store.getState().setFocus('tree');
	await press('/');
	const typing: number[] = [];
	for (const ch of 'complement-testee') typing.push(await press(ch));
	app.unmount();
	return [
		{
			name: `tui: keypress-to-frame, move (${instances} instances, ${store.getState().rows.length} rows) median`,
			value: median(moves),
			unit: 'ms',
			goal: '< 50',
		},
		{name: 'tui: keypress-to-frame, move p95', value: p95(moves), unit: 'ms', goal: '< 50'},
		{
			name: 'tui: keypress-to-frame, expand/collapse a block median',
			value: median(expands),
			unit: 'ms',
			goal: '< 50',
		},
		{
			name: 'tui: keypress-to-frame, toggle a vector value median',
			value: median(filters),
			unit: 'ms',
			goal: '< 50',
		},
		{
			name: 'tui: keypress-to-frame, search as you type median',
			value: median(typing),
			unit: 'ms',
			goal: '< 50',
		},
	];
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
