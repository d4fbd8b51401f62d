// Hand-made graphs for store, reducer and component tests (and the TUI bench), so that the
// explorer can be tested without the evaluator. `makeGraph` fills in what the evaluator would
// derive: dependents, depth, roots, leaves, axes and blocks.

import type {TreeResult} from '../../../src/core/app/types.js';
import type {RawConfig, RawTarget, VariableInfo} from '../../../src/core/bake/config.js';
import type {Value} from '../../../src/core/cty/value.js';
import type {BlockInfo, Graph, GraphNode, MatrixAxis} from '../../../src/core/graph/types.js';

export interface NodeSpec {
	readonly name: string;
	readonly block?: string;
	readonly vector?: Readonly<Record<string, string>>;
	/** context key -> target name */
	readonly inputs?: Readonly<Record<string, string>>;
	readonly description?: string;
	/** Block has a matrix even with one instance (defaults to: vector is not empty). */
	readonly matrix?: boolean;
}

export function makeGraph(specs: readonly NodeSpec[]): Graph {
	const dependents = new Map<string, string[]>();
	for (const s of specs)
		for (const to of Object.values(s.inputs ?? {})) {
			const list = dependents.get(to) ?? [];
			if (!list.includes(s.name)) list.push(s.name);
			dependents.set(to, list);
		}
	const byName = new Map(specs.map((s) => [s.name, s]));
	const depth = new Map<string, number>();
	const depthOf = (name: string, path: Set<string>): number => {
		const known = depth.get(name);
		if (known !== undefined) return known;
		if (path.has(name)) return 0;
		path.add(name);
		let d = 0;
		for (const to of Object.values(byName.get(name)?.inputs ?? {}))
			if (byName.has(to)) d = Math.max(d, depthOf(to, path) + 1);
		path.delete(name);
		depth.set(name, d);
		return d;
	};
	const nodes = new Map<string, GraphNode>();
	const blocks = new Map<string, {instances: string[]; hasMatrix: boolean}>();
	const axes = new Map<string, {values: string[]; blocks: string[]}>();
	for (const s of specs) {
		const block = s.block ?? s.name;
		const vector = new Map(Object.entries(s.vector ?? {}));
		nodes.set(s.name, {
			name: s.name,
			block,
			vector,
			...(s.description ? {description: s.description} : {}),
			inputs: new Map(Object.entries(s.inputs ?? {})),
			dependents: [...(dependents.get(s.name) ?? [])].sort(),
			depth: depthOf(s.name, new Set()),
		});
		const b = blocks.get(block) ?? {instances: [], hasMatrix: false};
		b.instances.push(s.name);
		b.hasMatrix ||= s.matrix ?? vector.size > 0;
		blocks.set(block, b);
		for (const [k, v] of vector) {
			const a = axes.get(k) ?? {values: [], blocks: []};
			if (!a.values.includes(v)) a.values.push(v);
			if (!a.blocks.includes(block)) a.blocks.push(block);
			axes.set(k, a);
		}
	}
	const blockInfos = new Map<string, BlockInfo>(
		[...blocks].map(([name, b]) => [name, {name, instances: b.instances, hasMatrix: b.hasMatrix}]),
	);
	const axisList: MatrixAxis[] = [...axes].map(([name, a]) => ({name, ...a}));
	return {
		nodes,
		blocks: blockInfos,
		roots: [...nodes.values()].filter((n) => n.inputs.size === 0).map((n) => n.name),
		leaves: [...nodes.values()].filter((n) => n.dependents.length === 0).map((n) => n.name),
		axes: axisList,
		cycles: [],
		dangling: [],
	};
}

export function strValue(value: string): Value {
	return {kind: 'string', value};
}

export function listValue(values: readonly string[]): Value {
	return {kind: 'tuple', items: values.map(strValue)};
}

export function makeTree(
	graph: Graph,
	extra: {variables?: VariableInfo[]; targets?: RawTarget[]} = {},
): TreeResult {
	const raw: RawConfig = {
		groups: [],
		targets: extra.targets ?? [...graph.nodes.keys()].map((name) => ({name})),
		targetOrigins: new Map(),
		groupOrigins: new Map(),
		variables: extra.variables ?? [],
		sources: new Map(),
	};
	return {raw, resolved: {}, graph};
}

export interface SyntheticSize {
	readonly sys: number;
	readonly toolchains: number;
	readonly profiles: number;
	readonly feats: number;
	/** How many cargo blocks are stacked on `deps`. */
	readonly cargoBlocks: number;
}

const CARGO_BLOCKS = [
	'build',
	'unit',
	'install',
	'smoke',
	'complement-testee',
	'docker',
	'deb',
	'rpm',
];

/**
 * A tuwunel-shaped tree: system <- runtime, rust <- system, source <- runtime,
 * deps <- (rust, source), then cargo blocks on deps, and an unmatrixed `book` on source.
 */
export function syntheticSpecs(size: SyntheticSize): NodeSpec[] {
	const range = (n: number, p: string): string[] => Array.from({length: n}, (_, i) => `${p}${i}`);
	const sys = size.sys <= 2 ? ['debian', 'ubuntu'].slice(0, size.sys) : range(size.sys, 'sys');
	const tcs =
		size.toolchains <= 2
			? ['nightly', 'stable'].slice(0, size.toolchains)
			: range(size.toolchains, 'tc');
	const profiles =
		size.profiles <= 3
			? ['release', 'test', 'bench'].slice(0, size.profiles)
			: range(size.profiles, 'p');
	const feats = size.feats <= 2 ? ['default', 'all'].slice(0, size.feats) : range(size.feats, 'f');
	const out: NodeSpec[] = [];
	for (const s of sys) {
		out.push({
			name: `system--${s}`,
			block: 'system',
			vector: {sys_name: s},
			description: 'the base system',
		});
		out.push({
			name: `runtime--${s}`,
			block: 'runtime',
			vector: {sys_name: s},
			inputs: {system: `system--${s}`},
		});
		for (const t of tcs)
			out.push({
				name: `rust--${t}--${s}`,
				block: 'rust',
				vector: {rust_toolchain: t, sys_name: s},
				inputs: {system: `system--${s}`},
				description: 'rust toolchain',
			});
		for (const f of feats)
			out.push({
				name: `source--${f}--${s}`,
				block: 'source',
				vector: {feat_set: f, sys_name: s},
				inputs: {runtime: `runtime--${s}`},
			});
	}
	out.push({
		name: 'book',
		inputs: {source: `source--${feats[0]}--${sys[0]}`},
		description: 'the user book',
	});
	const blocks = ['deps', ...CARGO_BLOCKS.slice(0, size.cargoBlocks)];
	for (const [bi, block] of blocks.entries())
		for (const p of profiles)
			for (const t of tcs)
				for (const f of feats)
					for (const s of sys) {
						const tail = `${p}--${t}--${f}--${s}`;
						const inputs: Record<string, string> =
							bi === 0
								? {rust: `rust--${t}--${s}`, source: `source--${f}--${s}`}
								: {[blocks[bi === 1 ? 0 : 1] as string]: `${blocks[bi === 1 ? 0 : 1]}--${tail}`};
						out.push({
							name: `${block}--${tail}`,
							block,
							vector: {cargo_profile: p, rust_toolchain: t, feat_set: f, sys_name: s},
							inputs,
						});
					}
	return out;
}

/** About `n` instances, tuwunel-shaped. */
export function syntheticTree(instances: number): TreeResult {
	const perCargo = Math.max(1, Math.round(instances / 9));
	// Spread the instances of one cargo block over the four axes.
	const side = Math.max(2, Math.round(perCargo ** 0.25));
	const profiles = Math.max(1, Math.round(perCargo / side ** 3));
	return makeTree(
		makeGraph(syntheticSpecs({sys: side, toolchains: side, feats: side, profiles, cargoBlocks: 8})),
	);
}

/** The small tree most tests use: 2 sys × 2 toolchains × 3 profiles × 2 feats, 3 cargo blocks. */
export function smallTree(extra: {variables?: VariableInfo[]} = {}): TreeResult {
	return makeTree(
		makeGraph(syntheticSpecs({sys: 2, toolchains: 2, profiles: 3, feats: 2, cargoBlocks: 3})),
		extra,
	);
}
