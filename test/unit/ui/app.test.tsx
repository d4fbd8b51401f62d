import {render} from 'ink-testing-library';
import {describe, expect, it, vi} from 'vitest';
import {createAppStore} from '../../../src/core/app/store.js';
import type {AppDeps, TreeResult} from '../../../src/core/app/types.js';
import {DiagnosticError} from '../../../src/core/diagnostics.js';
import {createBuildStore} from '../../../src/core/progress/store.js';
import {App} from '../../../src/ui/App.js';
import {StoreContext} from '../../../src/ui/context.js';
import {smallTree} from '../app/fixtures.js';

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

async function mount(
	opts: {columns?: number; rows?: number; load?: () => TreeResult; deps?: Partial<AppDeps>} = {},
) {
	const tree = smallTree();
	const store = createAppStore(
		{loadTree: opts.load ?? (() => tree), readFile: async () => '', now: () => 0, ...opts.deps},
		{files: ['docker/bake.hcl'], env: {}, set: [], vars: {}, topDown: false},
		{columns: opts.columns ?? 100, rows: opts.rows ?? 24},
	);
	await store.getState().load();
	const r = render(
		<StoreContext.Provider value={store}>
			<App />
		</StoreContext.Provider>,
	);
	await tick();
	const frame = () => r.lastFrame() ?? '';
	const press = async (keys: string) => {
		r.stdin.write(keys);
		await tick();
	};
	/** Waits for views that load their code when first opened (the build view). */
	const frameWith = async (text: string, timeoutMs = 5000) => {
		const deadline = Date.now() + timeoutMs;
		while (!frame().includes(text) && Date.now() < deadline) await tick(10);
		return frame();
	};
	return {store, r, frame, press, frameWith};
}

describe('App', () => {
	it('draws header, tree from the root up, side pane and footer within rows - 1', async () => {
		const {frame, r} = await mount();
		const lines = frame().split('\n');
		expect(lines.length).toBe(23);
		expect(lines[0]).toContain('docker/bake.hcl');
		expect(lines[0]).toContain('9 blocks · 109 instances · 0 selected');
		const sys = lines.findIndex((l) => l.includes('▸ system ×2'));
		const rust = lines.findIndex((l) => l.includes('▸ rust ×4'));
		expect(sys).toBeGreaterThan(rust);
		expect(frame()).toContain('⇐ rust + source');
		expect(lines.at(-1)).toContain('Space select');
		r.unmount();
	});

	it('selects with space, shows it in the header, and opens search with /', async () => {
		const {frame, press, r} = await mount();
		await press(' ');
		expect(frame()).toContain('2 selected (builds 2)');
		expect(frame()).toMatch(/● +▸ system/);
		await press('/');
		await press('book');
		expect(frame()).toContain('/ book');
		expect(frame()).toContain('the user book');
		await press('\r');
		expect(frame()).toContain('book');
		expect(frame()).toContain('Tree (root at the bottom)');
		r.unmount();
	});

	it('switches side tabs with Tab and shows the axes', async () => {
		const {frame, press, r} = await mount();
		await press('\t');
		await press('\t');
		expect(frame()).toContain('cargo_profile  3/3');
		expect(frame()).toContain('[x] release');
		await press('G'); // the last axis is cargo_profile: release, test, bench
		await press('k');
		await press('k');
		await press(' ');
		expect(frame()).toContain('[ ] release');
		expect(frame()).toContain('vector cargo_profile=test,bench');
		r.unmount();
	});

	it('shows help on ? and the build command on b', async () => {
		const {frame, press, r} = await mount();
		await press('?');
		expect(frame()).toContain('Keys');
		expect(frame()).toContain('input/dependent');
		await press('\x1b');
		await tick(60);
		await press('b');
		expect(frame()).toContain(
			'docker buildx bake --progress=rawjson -f docker/bake.hcl -- system--debian system--ubuntu',
		);
		r.unmount();
	});

	it('says when the terminal is too small', async () => {
		const {frame, r} = await mount({columns: 30, rows: 8});
		expect(frame()).toContain('Terminal too small');
		r.unmount();
	});

	it('shows a positioned error banner over the last good tree', async () => {
		let fail = false;
		const tree = smallTree();
		const {frame, store, r} = await mount({
			load: () => {
				if (fail) {
					const range = {
						file: 'docker/bake.hcl',
						start: {line: 2, col: 3, offset: 0},
						end: {line: 2, col: 6, offset: 3},
					};
					throw new DiagnosticError(
						[{severity: 'error', summary: 'Missing newline', detail: '', range}],
						new Map([['docker/bake.hcl', 'x\n  foo bar\n']]),
					);
				}
				return tree;
			},
		});
		fail = true;
		await store.getState().load('file');
		await tick();
		expect(frame()).toContain('docker/bake.hcl:2:3: error: Missing newline');
		expect(frame()).toContain('showing the last good tree');
		expect(frame()).toContain('▸ system ×2');
		r.unmount();
	});

	it('B shows the command; b asks about entitlements, then the build view; q returns', async () => {
		const build = createBuildStore({title: 'system--debian system--ubuntu'});
		const {frame, frameWith, press, store, r} = await mount({
			deps: {
				entitlementsOf: (_t, name) => (name === 'system--ubuntu' ? ['network.host'] : undefined),
				startBuild: () => ({
					store: build,
					cancel: () => {},
					done: new Promise(() => {}),
					stop: async () => {},
				}),
			},
		});
		await press('B');
		// The preview passes the entitlement the build will grant once asked.
		const command =
			'docker buildx bake --progress=rawjson -f docker/bake.hcl --allow=network.host --';
		expect(await frameWith(command)).toContain(command);
		await press('\x1b');
		await press('b');
		// Waits rather than trusting one tick: a loaded machine draws later.
		expect(await frameWith('Your build requests additional privileges:')).toContain(
			'Your build requests additional privileges:',
		);
		expect(frame()).toContain(' - network.host');
		await press('y');
		expect(store.getState().mode.kind).toBe('build');
		expect(await frameWith('system--debian system--ubuntu')).toContain(
			'system--debian system--ubuntu',
		);
		// The build view reads its own keys: q goes back to the tree, not out of the app.
		await press('q');
		expect(store.getState().quitting).toBe(false);
		expect(await frameWith('the build goes on: b shows it again')).toContain(
			'the build goes on: b shows it again',
		);
		expect(frame()).toContain('Tree (root at the bottom)');
		r.unmount();
	});
	it('keeps the keys typed before the build view has come up for it', async () => {
		const build = createBuildStore({title: 'system--debian'});
		const {frameWith, store, r} = await mount({
			deps: {
				startBuild: () => ({
					store: build,
					cancel: () => {},
					done: new Promise(() => {}),
					stop: async () => {},
				}),
			},
		});
		// b starts the build; q comes in the same moment, before the view has loaded its code
		// and attached its key handler: it is the view's, and takes the user back to the tree.
		r.stdin.write('b');
		r.stdin.write('q');
		expect(await frameWith('the build goes on: b shows it again')).toContain(
			'the build goes on: b shows it again',
		);
		expect(store.getState().mode.kind).not.toBe('build');
		expect(store.getState().quitting).toBe(false);
		r.unmount();
	});
	it('quits on Ctrl-C while a build is still starting', async () => {
		const {store, r, frame, frameWith} = await mount({
			// A build that never starts: the view stays on "opening…".
			deps: {startBuild: () => new Promise(() => {})},
		});
		r.stdin.write('b');
		expect(await frameWith('opening…')).toContain('opening…');
		expect(store.getState().mode.kind).toBe('build');
		expect(frame()).toContain('opening…');
		r.stdin.write('\x03');
		await vi.waitFor(() => expect(store.getState().quitting).toBe(true));
		expect(store.getState().quitting).toBe(true);
		r.unmount();
	});
});
