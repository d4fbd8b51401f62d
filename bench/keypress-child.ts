// Keypress-to-frame on a 10,000-instance tree, in a process of its own: bench/tui.bench.ts
// builds this file with esbuild like the CLI's code (production React, the bundle's plugins:
// scripts/bundle-plugins.mjs), runs it with colours forced on (styled cells cost Ink more than
// plain ones, as in a terminal), and reads the figures it prints as JSON. Each figure is the
// time from the key to the frame written (store action + Ink render of the visible rows).

import {PassThrough, Writable} from 'node:stream';
import {render} from 'ink';
import {createElement} from 'react';
import {handleKey} from '../src/core/app/keys.js';
import {createAppStore} from '../src/core/app/store.js';
import {App} from '../src/ui/App.js';
import {StoreContext} from '../src/ui/context.js';
import {syntheticTree} from '../test/unit/app/fixtures.js';

interface Figure {
	name: string;
	value: number;
	unit: string;
	goal?: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;

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

process.stdout.write(`${JSON.stringify(await keypressToFrame())}\n`);
