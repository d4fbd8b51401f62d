import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildCommand} from '../../../src/core/app/build-command.js';
import {handleKey, helpSections, keyHints} from '../../../src/core/app/keys.js';
import {createAppStore} from '../../../src/core/app/store.js';
import type {AppDeps, ComplementRequest} from '../../../src/core/app/types.js';
import {
	type BuildHandle,
	type StartBuildOptions,
	startBuild,
} from '../../../src/core/build/start-build.js';
import {createComplementStore} from '../../../src/core/complement/store.js';
import {bakeArgs} from '../../../src/core/docker/bake-args.js';
import {createBuildStore} from '../../../src/core/progress/store.js';
import {smallTree, strValue} from './fixtures.js';

const VARS = [{name: 'suffix', value: strValue('x'), source: 'default' as const}];

/** A build starts once its code is loaded (a promise): let that settle. */
const settled = () => new Promise((r) => setTimeout(r, 0));

function setup(over: Partial<AppDeps> = {}, env: Record<string, string> = {}) {
	const builds: StartBuildOptions[] = [];
	const complements: ComplementRequest[] = [];
	let canceled = 0;
	const deps: AppDeps = {
		loadTree: () => smallTree({variables: VARS}),
		readFile: async () => '',
		now: () => 0,
		entitlementsOf: (_tree, name) => (name === 'runtime--debian' ? ['network.host'] : undefined),
		startBuild: (opts) => {
			builds.push(opts);
			return {
				store: createBuildStore({title: 't'}),
				cancel: () => {},
				done: Promise.resolve(0),
				stop: async () => {},
			};
		},
		startComplement: async (req) => {
			complements.push(req);
			return {
				target: req.target,
				store: createComplementStore(),
				cancel: () => void canceled++,
				stop: async () => void canceled++,
			};
		},
		...over,
	};
	const store = createAppStore(deps, {
		files: ['docker/bake.hcl'],
		env,
		set: [],
		// PATH is not a declared variable: it must not reach the build as a variable.
		vars: {suffix: 'y', PATH: '/evil'},
		topDown: false,
		cwd: '/tree',
	});
	const press = (...keys: string[]) => {
		for (const k of keys) handleKey(store.getState(), k);
	};
	return {store, press, builds, complements, canceled: () => canceled};
}

describe('launching builds and Complement from the tree', () => {
	it('b builds the selection with its closure, waits-for, declared variables only', async () => {
		const {store, press, builds} = setup();
		await store.getState().load();
		store.getState().jumpTo('t:rust--stable--ubuntu');
		press('space');
		const cursor = store.getState().cursor;
		press('b');
		await settled();
		expect(store.getState().mode.kind).toBe('build');
		expect(builds).toHaveLength(1);
		const b = builds[0] as StartBuildOptions;
		expect(b.targets).toEqual(['rust--stable--ubuntu']);
		expect(b.knownTargets).toEqual(['rust--stable--ubuntu', 'system--ubuntu']);
		expect(b.waitsFor?.('rust--stable--ubuntu')).toEqual(['system--ubuntu']);
		expect(b.closure?.(['book'])).toEqual([
			'book',
			'source--default--debian',
			'runtime--debian',
			'system--debian',
		]);
		expect(b.vars).toEqual({suffix: 'y'});
		expect(b.allow).toEqual([]);
		expect(b.cwd).toBe('/tree');
		expect(b.files).toEqual(['docker/bake.hcl']);
		// The build view owns its keys; the tree keymap does nothing meanwhile.
		expect(handleKey(store.getState(), 'j')).toBe(false);
		expect(keyHints(store.getState())).toEqual([]);
		store.getState().closeBuild();
		expect(store.getState().mode.kind).toBe('normal');
		expect(store.getState().cursor).toBe(cursor);
		expect([...store.getState().selection]).toEqual(['rust--stable--ubuntu']);
	});

	it('asks before granting the entitlements the closure requests', async () => {
		const {store, press, builds} = setup();
		await store.getState().load();
		store.getState().jumpTo('t:book');
		press('b');
		expect(store.getState().mode).toEqual({kind: 'allow', entitlements: ['network.host']});
		expect(keyHints(store.getState()).map((h) => h.key)).toEqual(['y', 'n']);
		press('n');
		expect(builds).toHaveLength(0);
		expect(store.getState().mode.kind).toBe('normal');
		expect(store.getState().message).toMatch(/not granted/);
		press('b', 'y');
		await settled();
		expect(builds).toHaveLength(1);
		expect(builds[0]?.allow).toEqual(['network.host']);
		expect(store.getState().mode.kind).toBe('build');
	});

	it('B previews exactly what b passes to buildx, the granted entitlements included', async () => {
		const {store, press, builds} = setup();
		await store.getState().load();
		store.getState().jumpTo('t:book');
		press('B');
		expect(store.getState().mode.kind).toBe('command');
		const preview = buildCommand(store.getState().buildRequest());
		expect(preview.argv).toContain('--allow=network.host');
		press('escape', 'b', 'y');
		await settled();
		const b = builds[0] as StartBuildOptions;
		const run = {
			files: b.files ?? [],
			set: b.set ?? [],
			allow: b.allow ?? [],
			targets: b.targets,
		};
		expect(preview.argv).toEqual(['docker', ...bakeArgs(run)]);
		expect(preview.env).toEqual(b.vars);
	});

	it('a second b while the build code loads starts one build', async () => {
		let resolve: (h: BuildHandle) => void = () => {};
		const starts: StartBuildOptions[] = [];
		const {store, press} = setup({
			startBuild: (opts) => {
				starts.push(opts);
				return new Promise<BuildHandle>((r) => {
					resolve = r;
				});
			},
		});
		await store.getState().load();
		press('b');
		// The second b goes to the build view while it comes up, not to the tree; asked to open
		// a build again meanwhile (as the tree's b would), the store still starts only one.
		press('b');
		store.getState().openBuild();
		expect(starts).toHaveLength(1);
		resolve({
			store: createBuildStore({title: 't'}),
			cancel: () => {},
			done: Promise.resolve(0),
			stop: async () => {},
		});
		await settled();
		expect(store.getState().mode.kind).toBe('build');
	});

	it('shows a preflight failure with its fix and keeps browsing', async () => {
		const state = mkdtempSync(join(tmpdir(), 'bt-launch-'));
		const {store, press} = setup(
			{startBuild: (o) => startBuild({...o, dockerFlag: join(state, 'no-docker')})},
			{BAKETREE_STATE_DIR: state, PATH: ''},
		);
		await store.getState().load();
		press('b');
		await settled();
		const build = store.getState().build;
		expect(await build?.done).toBe(1);
		const problem = build?.store.getState().problem;
		expect(problem?.problem).toBeTruthy();
		expect(problem?.fix).toBeTruthy();
		store.getState().closeBuild();
		const before = store.getState().cursor;
		press('k');
		expect(store.getState().cursor).toBe(before - 1);
	});

	it('C runs Complement for the instance with its matrix values as environment', async () => {
		const {store, press, complements, canceled} = setup();
		await store.getState().load();
		press('C');
		expect(store.getState().message).toMatch(/instance/);
		expect(store.getState().jumpTo('t:rust--nightly--debian')).toBe(true);
		press('C');
		await new Promise((r) => setTimeout(r, 0));
		expect(complements).toEqual([
			{target: 'rust--nightly--debian', env: {rust_toolchain: 'nightly', sys_name: 'debian'}},
		]);
		expect(store.getState().mode.kind).toBe('complement');
		store.getState().closeComplement();
		expect(canceled()).toBe(1);
		expect(store.getState().mode.kind).toBe('normal');
	});

	it('lists b, B and C in the footer and the help from the one table', async () => {
		const {store} = setup();
		await store.getState().load();
		const footer = keyHints(store.getState()).map((h) => h.key);
		const help = helpSections().flatMap((s) => s.hints.map((h) => h.key));
		for (const k of ['b', 'B', 'C']) {
			expect(footer).toContain(k);
			expect(help).toContain(k);
		}
	});
});
