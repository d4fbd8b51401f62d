import {describe, expect, it} from 'vitest';
import {buildCommand, commandLine} from '../../../src/core/app/build-command.js';
import {handleKey, keyHints} from '../../../src/core/app/keys.js';
import {createAppStore} from '../../../src/core/app/store.js';
import type {AppDeps, LoadTreeInput, PersistedUi, TreeResult} from '../../../src/core/app/types.js';
import {DiagnosticError} from '../../../src/core/diagnostics.js';
import {listValue, smallTree, strValue} from './fixtures.js';

const VARS = [
	{
		name: 'rust_toolchains',
		value: listValue(['nightly', 'stable']),
		defaultValue: listValue(['nightly', 'stable']),
		source: 'default' as const,
	},
	{name: 'verbose', value: {kind: 'bool', value: false} as const, source: 'default' as const},
	{name: 'suffix', value: strValue('x'), source: 'default' as const},
];

function setup(
	opts: {
		load?: (i: LoadTreeInput) => TreeResult;
		saved?: PersistedUi;
		deps?: Partial<AppDeps>;
	} = {},
) {
	const calls: LoadTreeInput[] = [];
	const saved = new Map<string, PersistedUi>();
	if (opts.saved) saved.set('k', opts.saved);
	const tree = smallTree({variables: VARS});
	const deps: AppDeps = {
		loadTree: (input) => {
			calls.push(input);
			return opts.load ? opts.load(input) : tree;
		},
		readFile: async (p) => `# ${p}`,
		now: () => 0,
		persistence: {load: (k) => saved.get(k), save: (k, ui) => void saved.set(k, ui)},
		...opts.deps,
	};
	const store = createAppStore(
		deps,
		{
			files: ['docker/bake.hcl'],
			env: {},
			set: ['*.platform=linux/amd64'],
			vars: {},
			topDown: false,
			persistKey: 'k',
		},
		{columns: 120, rows: 30},
	);
	const press = (...keys: string[]) => {
		for (const k of keys) handleKey(store.getState(), k);
	};
	const row = () => store.getState().rows[store.getState().cursor];
	return {store, calls, saved, press, row, tree};
}

describe('app store', () => {
	it('starts on the root at the bottom and moves up towards dependents', async () => {
		const {store, press, row} = setup();
		await store.getState().load();
		expect(store.getState().cursor).toBe(store.getState().rows.length - 1);
		expect(row()?.label).toBe('system');
		press('k');
		expect(row()?.label).toBe('runtime');
		press('G');
		expect(row()?.label).toBe('system');
		press('g');
		expect(store.getState().cursor).toBe(0);
	});

	it('expands and collapses a block with l/h and keeps the cursor on it', async () => {
		const {store, press, row} = setup();
		await store.getState().load();
		press('k', 'k'); // runtime, then source
		expect(row()?.label).toBe('source');
		const before = store.getState().rows.length;
		press('l');
		expect(store.getState().rows.length).toBe(before + 4);
		expect(row()?.id).toBe('b:source');
		press('k');
		expect(row()?.kind).toBe('instance');
		press('h');
		expect(row()?.id).toBe('b:source');
		expect(store.getState().rows.length).toBe(before);
	});

	it('selects with space and summarises the selection and its closure', async () => {
		const {store, press, row} = setup();
		await store.getState().load();
		const deps = store.getState().rows.findIndex((r) => r.id === 'b:deps');
		store.getState().moveTo(deps);
		press('space');
		expect(store.getState().summary.selected).toBe(24);
		// 24 deps + 4 rust + 4 source + 2 runtime + 2 system
		expect(store.getState().summary.closure).toBe(36);
		expect(row()?.id).toBe('b:deps');
		press('space');
		expect(store.getState().summary.selected).toBe(0);
	});

	it('vector filter applies to tree, search and selection', async () => {
		const {store, press} = setup();
		await store.getState().load();
		store.getState().moveTo(store.getState().rows.findIndex((r) => r.id === 'b:deps'));
		press('space');
		press('a');
		expect(store.getState().focus).toBe('axes');
		// Axes list: first axis header, then its values. Find "stable".
		const items = store.getState().tree?.graph.axes ?? [];
		const toolchain = items.findIndex((a) => a.name === 'rust_toolchain');
		let index = 0;
		for (let i = 0; i < toolchain; i++) index += 1 + (items[i]?.values.length ?? 0);
		store.getState().axisMove(index + 2 - store.getState().axisCursor); // rust_toolchain=stable
		press('space');
		expect(store.getState().filter.get('rust_toolchain')).toEqual(new Set(['nightly']));
		expect(store.getState().rows.find((r) => r.id === 'b:deps')?.count).toBe(12);
		expect(store.getState().summary.selected).toBe(12);
		press('/');
		for (const ch of 'deps--release--stable') press(ch);
		expect(store.getState().searchHits.some((h) => h.label.includes('stable'))).toBe(false);
		press('escape');
		expect(
			store
				.getState()
				.buildRequest()
				.targets.every((t) => t.includes('nightly')),
		).toBe(true);
	});

	it('search jumps to an instance and opens its block', async () => {
		const {store, press, row} = setup();
		await store.getState().load();
		press('/');
		for (const ch of 'rust--stable--ubuntu') press(ch);
		expect(store.getState().searchHits[0]?.label).toBe('rust--stable--ubuntu');
		press('enter');
		expect(store.getState().mode.kind).toBe('normal');
		expect(row()?.id).toBe('t:rust--stable--ubuntu');
		expect(store.getState().expanded.has('rust')).toBe(true);
	});

	it('jumps to inputs and dependents, cycling through several', async () => {
		const {store, press, row} = setup();
		await store.getState().load();
		store.getState().jumpTo('b:deps');
		press('[');
		expect(row()?.id).toBe('b:rust');
		press('[');
		expect(row()?.id).toBe('b:source');
		press('[');
		expect(row()?.id).toBe('b:rust');
		store.getState().jumpTo('b:system');
		press(']');
		expect(['b:runtime', 'b:rust']).toContain(row()?.id);
	});

	it('editing a list variable toggles values and re-evaluates with --var JSON', async () => {
		const {store, press, calls} = setup();
		await store.getState().load();
		press('v');
		press('j'); // first item of rust_toolchains: nightly
		press('space');
		await Promise.resolve();
		await new Promise((r) => setTimeout(r, 0));
		expect(calls.at(-1)?.vars).toEqual({rust_toolchains: '["stable"]'});
		expect(store.getState().vars).toEqual({rust_toolchains: '["stable"]'});
		// Add a value with the "+ add value" row.
		store.getState().varMove(2); // nightly(off) -> stable -> add
		press('enter');
		for (const ch of 'beta') press(ch);
		press('enter');
		await new Promise((r) => setTimeout(r, 0));
		expect(calls.at(-1)?.vars).toEqual({rust_toolchains: '["stable","beta"]'});
		expect(buildCommand(store.getState().buildRequest()).env).toEqual({
			rust_toolchains: '["stable","beta"]',
		});
	});

	it('a bad value shows its error and keeps the last good tree', async () => {
		let fail = false;
		const {store, press, tree} = setup({
			load: () => {
				if (fail)
					throw new DiagnosticError([
						{
							severity: 'error',
							summary: 'Invalid value',
							detail: 'no',
							range: {
								file: 'b.hcl',
								start: {line: 3, col: 1, offset: 0},
								end: {line: 3, col: 4, offset: 3},
							},
						},
					]);
				return smallTree({variables: VARS});
			},
		});
		await store.getState().load();
		const good = store.getState().tree;
		fail = true;
		press('v');
		store.getState().varMove(100); // the last row: suffix, a text variable
		const last = store.getState().varCursor;
		expect(last).toBeGreaterThan(0);
		press('enter');
		expect(store.getState().mode.kind).toBe('edit');
		press('y');
		press('enter');
		await new Promise((r) => setTimeout(r, 0));
		expect(store.getState().error?.diagnostics[0]?.summary).toBe('Invalid value');
		expect(store.getState().error?.variable).toBeDefined();
		expect(store.getState().tree).toBe(good);
		expect(tree).toBeDefined();
		fail = false;
		press('x');
		await new Promise((r) => setTimeout(r, 0));
		expect(store.getState().error).toBeNull();
	});

	it('a file change reloads and keeps cursor, selection and vectors', async () => {
		const {store} = setup();
		await store.getState().load();
		store.getState().jumpTo('t:rust--stable--debian');
		store.getState().toggleSelect();
		await store.getState().load('file');
		const s = store.getState();
		expect(s.rows[s.cursor]?.id).toBe('t:rust--stable--debian');
		expect([...s.selection]).toEqual(['rust--stable--debian']);
		expect(s.message).toMatch(/reloaded/);
	});

	it('r reloads, reads the Dockerfiles again and says so', async () => {
		// Every target's Dockerfile is docker/Dockerfile; its text changes between reads.
		let text = 'FROM a';
		const reads: string[] = [];
		const {store, press, calls} = setup({
			deps: {
				resolvedTarget: () => ({dockerfile: 'docker/Dockerfile', context: '.'}),
				readFile: async (p: string) => {
					reads.push(p);
					return p === 'docker/Dockerfile' ? text : `# ${p}`;
				},
			},
		});
		await store.getState().load();
		store.getState().jumpTo('t:rust--stable--debian');
		await new Promise((r) => setTimeout(r, 0));
		expect(store.getState().dockerfiles.get('docker/Dockerfile')).toEqual({text: 'FROM a'});
		expect(store.getState().message).toBeFalsy();
		text = 'FROM b';
		press('r');
		await new Promise((r) => setTimeout(r, 0));
		expect(calls).toHaveLength(2);
		expect(store.getState().message).toBe('reloaded');
		expect(store.getState().dockerfiles.get('docker/Dockerfile')).toEqual({text: 'FROM b'});
		expect(reads.filter((p) => p === 'docker/Dockerfile')).toHaveLength(2);
	});

	it('remembers cursor, vectors and selection, and restores them', async () => {
		const first = setup();
		await first.store.getState().load();
		first.store.getState().jumpTo('t:rust--stable--debian');
		first.store.getState().toggleSelect();
		first.press('q');
		expect(first.store.getState().quitting).toBe(true);
		const saved = first.saved.get('k');
		expect(saved?.cursor).toBe('t:rust--stable--debian');
		const second = setup({saved: {...saved, filter: {sys_name: ['debian']}}});
		await second.store.getState().load();
		expect(second.row()?.id).toBe('t:rust--stable--debian');
		expect(second.store.getState().summary.selected).toBe(1);
		expect(second.store.getState().rows.find((r) => r.id === 'b:deps')?.count).toBe(12);
	});

	it('B shows the build command for the selection, or the cursor row', async () => {
		const {store, press} = setup();
		await store.getState().load();
		press('B');
		expect(store.getState().mode.kind).toBe('command');
		const line = commandLine(buildCommand(store.getState().buildRequest()));
		expect(line).toBe(
			"docker buildx bake --progress=rawjson -f docker/bake.hcl --set '*.platform=linux/amd64' -- system--debian system--ubuntu",
		);
		press('escape');
		expect(store.getState().mode.kind).toBe('normal');
	});

	it('keeps what a change leaves alone, so that nothing reading it draws again', async () => {
		const {store, press} = setup();
		await store.getState().load();
		const {summary, rows, blockTree} = store.getState();
		// Jumping to a row that is shown already moves the cursor only.
		expect(store.getState().jumpTo('b:deps')).toBe(true);
		expect(store.getState().rows).toBe(rows);
		// Folding rebuilds the rows but neither the summary nor the filtered block tree.
		press('l');
		expect(store.getState().rows).not.toBe(rows);
		expect(store.getState().summary).toBe(summary);
		expect(store.getState().blockTree).toBe(blockTree);
		// Selecting changes the summary; so does a filter that hides part of the selection.
		press('space');
		const selected = store.getState().summary;
		expect(selected).toEqual({selected: 24, closure: 36});
		press('a');
		const toolchain = (store.getState().tree?.graph.axes ?? []).findIndex(
			(a) => a.name === 'rust_toolchain',
		);
		const axes = store.getState().tree?.graph.axes ?? [];
		let index = 0;
		for (let i = 0; i < toolchain; i++) index += 1 + (axes[i]?.values.length ?? 0);
		store.getState().axisMove(index + 1 - store.getState().axisCursor);
		press('space');
		expect(store.getState().summary.selected).toBe(12);
	});

	it('footer hints follow the focused pane and mode', async () => {
		const {store, press} = setup();
		await store.getState().load();
		expect(keyHints(store.getState()).map((h) => h.label)).toContain('select');
		press('tab');
		expect(store.getState().focus).toBe('inspector');
		press('tab');
		expect(keyHints(store.getState()).map((h) => h.label)).toContain('toggle value');
		press('/');
		expect(keyHints(store.getState()).map((h) => h.label)).toContain('jump');
	});

	it('scrolls to keep the cursor visible and pages by the visible height', async () => {
		const {store, press} = setup();
		await store.getState().load();
		store.getState().resize({columns: 120, rows: 12});
		for (const b of ['rust', 'source', 'deps', 'build']) {
			store.getState().jumpTo(`b:${b}`);
			press('l');
		}
		const s = store.getState();
		expect(s.rows.length).toBeGreaterThan(60);
		press('G');
		press('pageup');
		const {cursor, scroll, rows} = store.getState();
		expect(cursor).toBeLessThan(rows.length - 1);
		expect(cursor).toBeGreaterThanOrEqual(scroll);
		expect(cursor).toBeLessThan(scroll + 8);
	});
});
