import {describe, expect, it} from 'vitest';
import {NO_FILTER, toggleFilterValue} from '../../../src/core/app/filter.js';
import {plainTree} from '../../../src/core/app/plain.js';
import {blockTreeFor, buildBlockTree, buildRows} from '../../../src/core/app/tree-rows.js';
import type {TreeRow, VectorFilter} from '../../../src/core/app/types.js';
import {makeGraph, makeTree, smallTree} from './fixtures.js';

const text = (rows: {prefix: string; label: string}[]) => rows.map((r) => r.prefix + r.label);

describe('tree rows', () => {
	it('draws the root at the bottom and each block above what it is built from', () => {
		const {graph} = smallTree();
		const rows = buildRows(graph, buildBlockTree(graph, NO_FILTER), new Set(), 'bottom-up');
		const labels = rows.map((r) => r.label);
		expect(labels.at(-1)).toBe('system');
		expect(labels.indexOf('runtime')).toBeLessThan(labels.indexOf('system'));
		expect(labels.indexOf('source')).toBeLessThan(labels.indexOf('runtime'));
		expect(labels.indexOf('deps')).toBeLessThan(labels.indexOf('source'));
		expect(labels.indexOf('build')).toBeLessThan(labels.indexOf('deps'));
		// Corners point down towards the parent in the bottom-up view.
		expect(text(rows).join('\n')).not.toContain('└');
		expect(rows.find((r) => r.label === 'rust')?.prefix).toBe('┌─ ');
	});

	it('top-down is the same tree with the root first', () => {
		const {graph} = smallTree();
		const bt = buildBlockTree(graph, NO_FILTER);
		const up = buildRows(graph, bt, new Set(), 'bottom-up');
		const down = buildRows(graph, bt, new Set(), 'top-down');
		expect(down[0]?.label).toBe('system');
		expect(down.map((r) => r.id)).toEqual(up.map((r) => r.id).reverse());
		expect(down.find((r) => r.label === 'rust')?.prefix).toBe('└─ ');
	});

	it('collapses matrix blocks to their count and expands them to instances', () => {
		const {graph} = smallTree();
		const bt = buildBlockTree(graph, NO_FILTER);
		const closed = buildRows(graph, bt, new Set(), 'top-down');
		const rust = closed.find((r) => r.id === 'b:rust');
		expect(rust).toMatchObject({kind: 'block', count: 4, total: 4, expanded: false});
		expect(closed.some((r) => r.kind === 'instance')).toBe(false);
		const open = buildRows(graph, bt, new Set(['rust']), 'top-down');
		const i = open.findIndex((r) => r.id === 'b:rust');
		expect(open.slice(i + 1, i + 5).map((r) => r.label)).toEqual([
			'rust--nightly--debian',
			'rust--stable--debian',
			'rust--nightly--ubuntu',
			'rust--stable--ubuntu',
		]);
		// Bottom-up, instances still read in expansion order from the top.
		const up = buildRows(graph, bt, new Set(['rust']), 'bottom-up');
		const inst = up.filter((r) => r.kind === 'instance').map((r) => r.label);
		expect(inst[0]).toBe('rust--nightly--debian');
	});

	it('hangs a block with several inputs under its deepest input and lists all of them', () => {
		const {graph} = smallTree();
		const bt = buildBlockTree(graph, NO_FILTER);
		expect(bt.inputs.get('deps')).toEqual(['rust', 'source']);
		expect(bt.children.get('source')).toContain('deps');
		expect(bt.children.get('rust') ?? []).not.toContain('deps');
	});

	it('a target without a matrix is one row of its own', () => {
		const {graph} = smallTree();
		const rows = buildRows(graph, buildBlockTree(graph, NO_FILTER), new Set(), 'top-down');
		expect(rows.find((r) => r.label === 'book')).toMatchObject({
			kind: 'target',
			id: 't:book',
			target: 'book',
		});
	});

	it('the vector filter changes counts and drops blocks left empty', () => {
		const {graph} = smallTree();
		const axis = graph.axes.find((a) => a.name === 'cargo_profile');
		if (!axis) throw new Error('no axis');
		let f = toggleFilterValue(NO_FILTER, axis, 'bench');
		f = toggleFilterValue(f, axis, 'test');
		const bt = buildBlockTree(graph, f);
		expect(bt.instances.get('deps')?.length).toBe(8);
		// system has no cargo_profile: not filtered by it.
		expect(bt.instances.get('system')?.length).toBe(2);
		f = toggleFilterValue(f, axis, 'release');
		expect(buildBlockTree(graph, f).instances.has('deps')).toBe(false);
	});

	it('keeps block trees per filter, whatever order its values were toggled in', () => {
		const {graph} = smallTree();
		const profile = graph.axes.find((a) => a.name === 'cargo_profile');
		const sys = graph.axes.find((a) => a.name === 'sys_name');
		if (!profile || !sys) throw new Error('no axis');
		const one = toggleFilterValue(toggleFilterValue(NO_FILTER, profile, 'bench'), sys, 'ubuntu');
		const other = toggleFilterValue(toggleFilterValue(NO_FILTER, sys, 'ubuntu'), profile, 'bench');
		const kept = blockTreeFor(graph, one);
		expect(blockTreeFor(graph, other)).toBe(kept);
		expect(kept).toEqual(buildBlockTree(graph, one));
		expect(blockTreeFor(graph, NO_FILTER)).not.toBe(kept);
		expect(blockTreeFor(graph, NO_FILTER).instances.get('deps')?.length).toBe(24);
		// Another graph (a reload) never gets this one's trees.
		expect(blockTreeFor(smallTree().graph, one)).not.toBe(kept);
	});

	it('reuses the instance rows of a block opened again, and only those that still fit', () => {
		const {graph} = smallTree();
		const bt = blockTreeFor(graph, NO_FILTER);
		const open = buildRows(graph, bt, new Set(['rust', 'deps']), 'bottom-up');
		const again = buildRows(graph, bt, new Set(['rust']), 'bottom-up');
		const rust = (rows: readonly TreeRow[]) => rows.filter((r) => r.block === 'rust' && r.target);
		expect(rust(again)).toHaveLength(4);
		rust(again).forEach((r, i) => {
			expect(r).toBe(rust(open)[i]);
		});
		// Drawn the other way up, the same instances are other rows (other corners, other order).
		const down = rust(buildRows(graph, bt, new Set(['rust']), 'top-down'));
		expect(down.map((r) => r.label)).toEqual(rust(again).map((r) => r.label));
		expect(down.at(-1)?.prefix).not.toBe(rust(again).at(0)?.prefix);
		expect(down[0]).not.toBe(rust(again)[0]);
	});

	it('tells filters apart whatever their values contain', () => {
		const graph = makeGraph([
			{name: 'a--1', block: 'a', vector: {platforms: 'amd64,arm64'}},
			{name: 'a--2', block: 'a', vector: {platforms: 'amd64'}},
			{name: 'a--3', block: 'a', vector: {platforms: 'arm64'}},
		]);
		const one = new Map([['platforms', new Set(['amd64,arm64'])]]);
		const two = new Map([['platforms', new Set(['amd64', 'arm64'])]]);
		expect(blockTreeFor(graph, one).instances.get('a')).toEqual(['a--1']);
		expect(blockTreeFor(graph, two).instances.get('a')).toEqual(['a--2', 'a--3']);
	});

	it('forgets the least recently used filters first', () => {
		const {graph} = smallTree();
		const profile = graph.axes.find((a) => a.name === 'cargo_profile');
		const feat = graph.axes.find((a) => a.name === 'feat_set');
		const sys = graph.axes.find((a) => a.name === 'sys_name');
		const tc = graph.axes.find((a) => a.name === 'rust_toolchain');
		if (!profile || !feat || !sys || !tc) throw new Error('no axis');
		// Every combination of a solo value on each axis: 3 × 2 × 2 × 2 = 24 filters.
		const filters = profile.values.flatMap((p) =>
			feat.values.flatMap((f) =>
				sys.values.flatMap((s) =>
					tc.values.map(
						(t) =>
							new Map([
								['cargo_profile', new Set([p])],
								['feat_set', new Set([f])],
								['sys_name', new Set([s])],
								['rust_toolchain', new Set([t])],
							]),
					),
				),
			),
		);
		const first = blockTreeFor(graph, filters[0] as VectorFilter);
		const recent = blockTreeFor(graph, filters[1] as VectorFilter);
		for (const f of filters.slice(2, 16)) blockTreeFor(graph, f);
		// Using the first again makes the second the oldest: 17 filters seen, 16 kept.
		expect(blockTreeFor(graph, filters[0] as VectorFilter)).toBe(first);
		blockTreeFor(graph, filters[16] as VectorFilter);
		expect(blockTreeFor(graph, filters[0] as VectorFilter)).toBe(first);
		expect(blockTreeFor(graph, filters[1] as VectorFilter)).not.toBe(recent);
	});

	it('survives cycles: every block still shows once', () => {
		const graph = makeGraph([
			{name: 'a', inputs: {x: 'b'}},
			{name: 'b', inputs: {x: 'a'}},
			{name: 'c'},
		]);
		const rows = buildRows(graph, buildBlockTree(graph, NO_FILTER), new Set(), 'top-down');
		expect(rows.map((r) => r.label).sort()).toEqual(['a', 'b', 'c']);
	});

	it('prints a plain tree without a terminal', () => {
		const out = plainTree(
			makeTree(makeGraph([{name: 'base'}, {name: 'app', inputs: {base: 'base'}}])),
			'bottom-up',
		);
		expect(out).toBe('┌─ app\nbase\n');
	});
});
