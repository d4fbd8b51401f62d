import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {inspectLines, stageLines} from '../../../src/core/app/inspect.js';
import {filePersistence, persistKey} from '../../../src/core/app/persist.js';
import {listItems, toggleListItem, varKind} from '../../../src/core/app/variables.js';
import {watchFiles} from '../../../src/core/watch.js';
import {listValue, makeGraph, makeTree} from './fixtures.js';

describe('variables', () => {
	const info = {
		name: 'tc',
		value: listValue(['nightly']),
		defaultValue: listValue(['nightly', 'stable']),
		source: 'env' as const,
	};
	it('treats JSON-array variables as toggles over current, default and added values', () => {
		expect(varKind(info)).toBe('list');
		const items = listItems(info, undefined, ['beta']);
		expect(items).toEqual([
			{value: 'nightly', on: true},
			{value: 'stable', on: false},
			{value: 'beta', on: false},
		]);
		expect(toggleListItem(items, 'stable')).toBe('["nightly","stable"]');
		expect(toggleListItem(items, 'nightly')).toBe('[]');
	});
});

describe('persistence', () => {
	it('saves and loads per file set, ignoring damaged files', () => {
		const dir = mkdtempSync(join(tmpdir(), 'bt-state-'));
		const p = filePersistence({BAKETREE_STATE_DIR: dir});
		const key = persistKey(['docker/bake.hcl'], '/repo');
		expect(key).not.toBe(persistKey(['docker/bake.hcl'], '/other'));
		expect(key).not.toBe(persistKey(['docker/bake.hcl', 'x.hcl'], '/repo'));
		expect(key).toBe(persistKey(['/repo/docker/bake.hcl'], '/elsewhere'));
		expect(key).toMatch(/^[0-9a-f]{16}$/);
		expect(p.load(key)).toBeUndefined();
		p.save(key, {cursor: 't:a', selection: ['a'], filter: {x: ['1']}});
		expect(p.load(key)).toEqual({cursor: 't:a', selection: ['a'], filter: {x: ['1']}});
		writeFileSync(join(dir, 'ui', `${key}.json`), '{broken');
		expect(p.load(key)).toBeUndefined();
	});
});

describe('watch', () => {
	it('reports a changed file once per burst, also when replaced by rename', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'bt-watch-'));
		const file = join(dir, 'bake.hcl');
		writeFileSync(file, 'a');
		const seen: string[][] = [];
		const w = watchFiles(['bake.hcl'], (c) => seen.push([...c]), {cwd: dir, debounceMs: 30});
		writeFileSync(file, 'b');
		writeFileSync(file, 'c');
		writeFileSync(join(dir, 'other.txt'), 'x');
		await new Promise((r) => setTimeout(r, 200));
		writeFileSync(join(dir, 'tmp'), 'd');
		const {renameSync} = await import('node:fs');
		renameSync(join(dir, 'tmp'), file);
		await new Promise((r) => setTimeout(r, 200));
		w.close();
		expect(seen).toEqual([['bake.hcl'], ['bake.hcl']]);
	});
});

describe('inspector', () => {
	it('finds the lines of a Dockerfile stage', () => {
		const text = 'FROM a AS base\nRUN x\n\nFROM base AS app\nRUN y\nFROM --platform=$X b AS last\n';
		expect(stageLines(text, 'app')).toEqual({from: 4, lines: ['FROM base AS app', 'RUN y']});
		expect(stageLines(text, undefined).from).toBe(6);
		expect(stageLines(text, 'nope').lines).toEqual([]);
	});

	it('shows origin, inherits, inputs, closure, args with their origin and the stage', () => {
		const graph = makeGraph([{name: 'base'}, {name: 'app', inputs: {base: 'base'}}]);
		const range = (line: number) => ({
			file: 'bake.hcl',
			start: {line, col: 1, offset: 0},
			end: {line, col: 2, offset: 1},
		});
		const tree = makeTree(graph, {
			targets: [
				{name: '_common', args: {A: '1'}},
				{name: 'base'},
				{name: 'app', inherits: ['_common'], args: {B: '2'}},
			],
		});
		const origins = tree.raw.targetOrigins as Map<string, unknown>;
		origins.set('_common', {
			block: '_common',
			blockRanges: [range(1)],
			matrix: new Map(),
			fieldRanges: {args: range(2)},
		});
		origins.set('app', {
			block: 'app',
			blockRanges: [range(10)],
			matrix: new Map(),
			fieldRanges: {args: range(12)},
		});
		const row = {
			id: 't:app',
			kind: 'target' as const,
			label: 'app',
			block: 'app',
			prefix: '',
			count: 1,
			total: 1,
			expanded: false,
			inputs: ['base'],
			target: 'app',
		};
		const lines = inspectLines({
			tree,
			row,
			instances: ['app'],
			resolved: {context: '.', dockerfile: 'Dockerfile', args: {A: '1', B: '2'}, target: 'app'},
			set: [],
			dockerfile: {path: 'Dockerfile', text: 'FROM x AS app\nRUN make\n'},
		}).map((l) => l.text);
		expect(lines).toContain('defined at bake.hcl:10');
		expect(lines).toContain('inherits _common');
		expect(lines).toContain('a build of it builds 2 targets');
		expect(lines).toContain('  base ← base');
		expect(lines).toContain('  A=1  ← _common (bake.hcl:2)');
		expect(lines).toContain('  B=2  ← bake.hcl:12');
		expect(lines).toContain('   2 RUN make');
		const failed = inspectLines({
			tree,
			row,
			instances: ['app'],
			problem: 'target app: no',
			set: [],
		});
		expect(failed.find((l) => l.text === 'target app: no')?.style).toBe('error');
	});
});
