// Builds the dependency graph from every resolved target instance: nodes grouped by the block
// that generated them, edges from `target:` contexts after inherits are merged.

import type {RawConfig} from '../bake/config.js';
import type {Target} from '../bake/resolve/target.js';
import {valueToString} from '../cty/format.js';
import {jsonEncode} from '../cty/json.js';
import type {Value} from '../cty/value.js';
import type {BlockInfo, Graph, GraphNode, MatrixAxis} from './types.js';

function vectorText(v: Value): string {
	try {
		return valueToString(v);
	} catch {
		return jsonEncode(v);
	}
}

interface MutableNode {
	name: string;
	block: string;
	vector: Map<string, string>;
	description?: string;
	inputs: Map<string, string>;
	dependents: string[];
	depth: number;
	range?: GraphNode['range'];
}

/**
 * `resolved` holds every target of `raw` (after inherits, overrides, normalisation). Targets
 * missing from it (their resolution failed) still become nodes, with their raw contexts.
 */
export function buildGraph(raw: RawConfig, resolved: ReadonlyMap<string, Target>): Graph {
	const nodes = new Map<string, MutableNode>();
	const blocks = new Map<
		string,
		{name: string; instances: string[]; hasMatrix: boolean; range?: BlockInfo['range']}
	>();
	const axes = new Map<string, {values: string[]; seen: Set<string>; blocks: string[]}>();
	// Matrix values are shared by every instance that has them: each is formatted once.
	const texts = new Map<Value, string>();
	const textOf = (v: Value): string => {
		let s = texts.get(v);
		if (s === undefined) {
			s = vectorText(v);
			texts.set(v, s);
		}
		return s;
	};
	for (const rt of raw.targets) {
		if (nodes.has(rt.name)) continue;
		const origin = raw.targetOrigins.get(rt.name);
		const blockName = origin?.block ?? rt.name;
		const vector = new Map<string, string>();
		for (const [k, v] of origin?.matrix ?? []) vector.set(k, textOf(v));
		const t = resolved.get(rt.name);
		const contexts = t ? (t.contexts ?? {}) : (rt.contexts ?? {});
		const inputs = new Map<string, string>();
		for (const [k, v] of Object.entries(contexts))
			if (typeof v === 'string' && v.startsWith('target:')) inputs.set(k, v.slice(7));
		const description = (t?.description || rt.description) ?? undefined;
		const node: MutableNode = {
			name: rt.name,
			block: blockName,
			vector,
			inputs,
			dependents: [],
			depth: 0,
		};
		if (description) node.description = description;
		const range = origin?.blockRanges[0];
		if (range) node.range = range;
		nodes.set(rt.name, node);
		let block = blocks.get(blockName);
		if (!block) {
			block = {name: blockName, instances: [], hasMatrix: false};
			if (range) block.range = range;
			blocks.set(blockName, block);
		}
		block.instances.push(rt.name);
		if (vector.size > 0) block.hasMatrix = true;
		for (const [axis, value] of vector) {
			let a = axes.get(axis);
			if (!a) {
				a = {values: [], seen: new Set(), blocks: []};
				axes.set(axis, a);
			}
			if (!a.seen.has(value)) {
				a.seen.add(value);
				a.values.push(value);
			}
			if (a.blocks[a.blocks.length - 1] !== blockName && !a.blocks.includes(blockName))
				a.blocks.push(blockName);
		}
	}
	const dangling: [string, string, string][] = [];
	for (const node of nodes.values()) {
		for (const [key, target] of node.inputs) {
			const dep = nodes.get(target);
			if (dep) dep.dependents.push(node.name);
			else dangling.push([node.name, key, target]);
		}
	}
	for (const node of nodes.values()) node.dependents = [...new Set(node.dependents)].sort();
	const cycles = findCycles(nodes);
	computeDepth(nodes);
	const roots: string[] = [];
	const leaves: string[] = [];
	for (const n of nodes.values()) {
		if (![...n.inputs.values()].some((t) => nodes.has(t))) roots.push(n.name);
		if (n.dependents.length === 0) leaves.push(n.name);
	}
	const axisList: MatrixAxis[] = [...axes].map(([name, a]) => ({
		name,
		values: a.values,
		blocks: a.blocks,
	}));
	return {
		nodes: nodes as ReadonlyMap<string, GraphNode>,
		blocks: blocks as ReadonlyMap<string, BlockInfo>,
		roots,
		leaves,
		axes: axisList,
		cycles,
		dangling,
	};
}

/** Longest distance from a root, iteratively (trees are deep and wide); cycle members stop. */
function computeDepth(nodes: Map<string, MutableNode>): void {
	const state = new Map<string, number>(); // 1 = in progress, 2 = done
	for (const start of nodes.keys()) {
		if (state.get(start) === 2) continue;
		const stack: [string, string[]][] = [];
		const push = (name: string) => {
			state.set(name, 1);
			const n = nodes.get(name) as MutableNode;
			stack.push([name, [...n.inputs.values()].filter((t) => nodes.has(t))]);
		};
		push(start);
		while (stack.length > 0) {
			const top = stack[stack.length - 1] as [string, string[]];
			const next = top[1].pop();
			if (next !== undefined) {
				if (!state.has(next)) push(next);
				continue;
			}
			stack.pop();
			const n = nodes.get(top[0]) as MutableNode;
			let depth = 0;
			for (const t of n.inputs.values()) {
				const dep = nodes.get(t);
				if (dep && state.get(t) === 2) depth = Math.max(depth, dep.depth + 1);
			}
			n.depth = depth;
			state.set(top[0], 2);
		}
	}
}

/** Strongly connected components with more than one node (or a self-link), as closed paths. */
function findCycles(nodes: Map<string, MutableNode>): string[][] {
	let index = 0;
	const idx = new Map<string, number>();
	const low = new Map<string, number>();
	const onStack = new Set<string>();
	const stack: string[] = [];
	const out: string[][] = [];
	const succ = (n: string) =>
		[...(nodes.get(n) as MutableNode).inputs.values()].filter((t) => nodes.has(t));
	for (const start of nodes.keys()) {
		if (idx.has(start)) continue;
		const work: [string, string[]][] = [];
		const visit = (v: string) => {
			idx.set(v, index);
			low.set(v, index);
			index++;
			stack.push(v);
			onStack.add(v);
			work.push([v, succ(v)]);
		};
		visit(start);
		while (work.length > 0) {
			const frame = work[work.length - 1] as [string, string[]];
			const [v, rest] = frame;
			const w = rest.shift();
			if (w !== undefined) {
				if (!idx.has(w)) visit(w);
				else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, idx.get(w) as number));
				continue;
			}
			work.pop();
			const parent = work[work.length - 1];
			if (parent) low.set(parent[0], Math.min(low.get(parent[0]) as number, low.get(v) as number));
			if (low.get(v) === idx.get(v)) {
				const comp: string[] = [];
				let x: string | undefined;
				do {
					x = stack.pop() as string;
					onStack.delete(x);
					comp.push(x);
				} while (x !== v);
				if (comp.length > 1 || succ(v).includes(v)) out.push(cyclePath(comp, succ));
			}
		}
	}
	return out;
}

/** A closed path through a component, starting at its first-defined member. */
function cyclePath(comp: string[], succ: (n: string) => string[]): string[] {
	const members = new Set(comp);
	const start = comp[comp.length - 1] as string;
	const path = [start];
	const seen = new Set([start]);
	let cur = start;
	for (;;) {
		const next = succ(cur).find((s) => members.has(s) && (s === start || !seen.has(s)));
		if (next === undefined || next === start) break;
		path.push(next);
		seen.add(next);
		cur = next;
	}
	path.push(start);
	return path;
}
