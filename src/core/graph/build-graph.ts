// Builds the dependency graph from every resolved target instance: nodes grouped by the block
// that generated them, edges from `target:` contexts after inherits are merged.

import type {RawConfig} from '../bake/config.js';
import type {TargetLinks} from '../bake/resolve/links.js';
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

// The walks below (cycles, depth, roots) run over node numbers (definition order) and arrays of
// them, not over names and Maps: a graph is built on every start and reload, mostly before V8
// has compiled anything, where each Map iteration and spread of names costs.

/**
 * `resolved` holds the links of every target of `raw` (contexts and description after inherits,
 * overrides, normalisation: ../bake/resolve/links.ts). Targets missing from it still become
 * nodes, with their raw contexts.
 */
export function buildGraph(raw: RawConfig, resolved: ReadonlyMap<string, TargetLinks>): Graph {
	const nodes = new Map<string, MutableNode>();
	const list: MutableNode[] = [];
	const blocks = new Map<
		string,
		{name: string; instances: string[]; hasMatrix: boolean; range?: BlockInfo['range']}
	>();
	const axes = new Map<string, {values: string[]; seen: Set<string>; blocks: string[]}>();
	// Matrix values are shared by every instance that has them: each is formatted once.
	const texts = new Map<Value, string>();
	for (const rt of raw.targets) {
		if (nodes.has(rt.name)) continue;
		const origin = raw.targetOrigins.get(rt.name);
		const blockName = origin?.block ?? rt.name;
		const vector = new Map<string, string>();
		origin?.matrix.forEach((v, k) => {
			let text = texts.get(v);
			if (text === undefined) {
				text = vectorText(v);
				texts.set(v, text);
			}
			vector.set(k, text);
		});
		const t = resolved.get(rt.name);
		const contexts = t ? (t.contexts ?? {}) : (rt.contexts ?? {});
		const inputs = new Map<string, string>();
		for (const k in contexts) {
			const v = contexts[k];
			if (typeof v === 'string' && v.startsWith('target:')) inputs.set(k, v.slice(7));
		}
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
		list.push(node);
		let block = blocks.get(blockName);
		if (!block) {
			block = {name: blockName, instances: [], hasMatrix: false};
			if (range) block.range = range;
			blocks.set(blockName, block);
		}
		block.instances.push(rt.name);
		if (vector.size > 0) block.hasMatrix = true;
		vector.forEach((value, axis) => {
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
		});
	}
	// Each node's inputs that are nodes, as numbers, in the order its contexts name them.
	const index = new Map<MutableNode, number>();
	for (let i = 0; i < list.length; i++) index.set(list[i] as MutableNode, i);
	const succ: number[][] = new Array(list.length);
	const dangling: [string, string, string][] = [];
	for (let i = 0; i < list.length; i++) {
		const node = list[i] as MutableNode;
		const out: number[] = [];
		node.inputs.forEach((target, key) => {
			const dep = nodes.get(target);
			if (dep) {
				dep.dependents.push(node.name);
				out.push(index.get(dep) as number);
			} else dangling.push([node.name, key, target]);
		});
		succ[i] = out;
	}
	for (const node of list)
		if (node.dependents.length > 1) node.dependents = [...new Set(node.dependents)].sort();
	const cycles = findCycles(list, succ);
	computeDepth(list, succ);
	const roots: string[] = [];
	const leaves: string[] = [];
	for (let i = 0; i < list.length; i++) {
		const n = list[i] as MutableNode;
		if ((succ[i] as number[]).length === 0) roots.push(n.name);
		if (n.dependents.length === 0) leaves.push(n.name);
	}
	const axisList: MatrixAxis[] = [];
	axes.forEach((a, name) => {
		axisList.push({name, values: a.values, blocks: a.blocks});
	});
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
function computeDepth(list: readonly MutableNode[], succ: readonly (readonly number[])[]): void {
	const state = new Uint8Array(list.length); // 1 = in progress, 2 = done
	const stack: number[] = [];
	// How many of the top node's inputs were pushed: the next one to visit.
	const next: number[] = [];
	for (let start = 0; start < list.length; start++) {
		if (state[start] !== 0) continue;
		state[start] = 1;
		stack.push(start);
		next.push(0);
		while (stack.length > 0) {
			const top = stack.length - 1;
			const v = stack[top] as number;
			const deps = succ[v] as readonly number[];
			// Inputs are taken last to first, as the walk always has (it popped them off a list).
			const k = next[top] as number;
			if (k < deps.length) {
				next[top] = k + 1;
				const w = deps[deps.length - 1 - k] as number;
				if (state[w] === 0) {
					state[w] = 1;
					stack.push(w);
					next.push(0);
				}
				continue;
			}
			stack.pop();
			next.pop();
			let depth = 0;
			for (let j = 0; j < deps.length; j++) {
				const w = deps[j] as number;
				if (state[w] === 2) depth = Math.max(depth, (list[w] as MutableNode).depth + 1);
			}
			(list[v] as MutableNode).depth = depth;
			state[v] = 2;
		}
	}
}

/** Strongly connected components with more than one node (or a self-link), as closed paths. */
function findCycles(
	list: readonly MutableNode[],
	succ: readonly (readonly number[])[],
): string[][] {
	const n = list.length;
	let counter = 0;
	const idx = new Int32Array(n).fill(-1);
	const low = new Int32Array(n);
	const onStack = new Uint8Array(n);
	const stack: number[] = [];
	const out: string[][] = [];
	const work: number[] = [];
	const nextEdge: number[] = [];
	const visit = (v: number) => {
		idx[v] = counter;
		low[v] = counter;
		counter++;
		stack.push(v);
		onStack[v] = 1;
		work.push(v);
		nextEdge.push(0);
	};
	for (let start = 0; start < n; start++) {
		if (idx[start] !== -1) continue;
		visit(start);
		while (work.length > 0) {
			const top = work.length - 1;
			const v = work[top] as number;
			const edges = succ[v] as readonly number[];
			const e = nextEdge[top] as number;
			if (e < edges.length) {
				nextEdge[top] = e + 1;
				const w = edges[e] as number;
				if (idx[w] === -1) visit(w);
				else if (onStack[w] === 1) low[v] = Math.min(low[v] as number, idx[w] as number);
				continue;
			}
			work.pop();
			nextEdge.pop();
			if (work.length > 0) {
				const parent = work[work.length - 1] as number;
				low[parent] = Math.min(low[parent] as number, low[v] as number);
			}
			if (low[v] === idx[v]) {
				const comp: number[] = [];
				let x: number;
				do {
					x = stack.pop() as number;
					onStack[x] = 0;
					comp.push(x);
				} while (x !== v);
				if (comp.length > 1 || edges.includes(v))
					out.push(cyclePath(comp, succ).map((i) => (list[i] as MutableNode).name));
			}
		}
	}
	return out;
}

/** A closed path through a component, starting at its first-defined member. */
function cyclePath(comp: readonly number[], succ: readonly (readonly number[])[]): number[] {
	const members = new Set(comp);
	const start = comp[comp.length - 1] as number;
	const path = [start];
	const seen = new Set([start]);
	let cur = start;
	for (;;) {
		const next = (succ[cur] as readonly number[]).find(
			(s) => members.has(s) && (s === start || !seen.has(s)),
		);
		if (next === undefined || next === start) break;
		path.push(next);
		seen.add(next);
		cur = next;
	}
	path.push(start);
	return path;
}
