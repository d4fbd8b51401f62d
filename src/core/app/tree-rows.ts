// Turns the instance graph into the drawn tree: one row per block (matrix blocks collapsed to
// their instance count), instances under an expanded block, dependents nested under what they
// are built from. A block with several input blocks hangs under its deepest input (the one
// that puts it highest) and lists the others on its line.
//
// Rows are computed top-down (pre-order); the bottom-up view is the same list reversed with
// the corner connectors flipped, which keeps the root at the bottom as a bake file reads.
//
// Both run on every fold and filter change of trees with ten thousand instances, so block
// trees are kept per filter and each target's inputs are listed once per graph.

import type {Graph} from '../graph/types.js';
import {matchesFilter} from './filter.js';
import type {Orientation, TreeRow, VectorFilter} from './types.js';

export interface BlockTree {
	/** Matching instances per block, in expansion order; blocks without any are absent. */
	readonly instances: ReadonlyMap<string, readonly string[]>;
	/** Input blocks of each block (from its matching instances), in first-seen order. */
	readonly inputs: ReadonlyMap<string, readonly string[]>;
	readonly children: ReadonlyMap<string, readonly string[]>;
	readonly roots: readonly string[];
}

/** Distinct targets each node reads, per graph: every fold or filter draws them again. */
const inputsByGraph = new WeakMap<Graph, Map<string, readonly string[]>>();

function inputTargets(graph: Graph, name: string): readonly string[] {
	let all = inputsByGraph.get(graph);
	if (!all) {
		all = new Map();
		inputsByGraph.set(graph, all);
	}
	let targets = all.get(name);
	if (!targets) {
		const node = graph.nodes.get(name);
		targets = node ? [...new Set(node.inputs.values())] : [];
		all.set(name, targets);
	}
	return targets;
}

export function buildBlockTree(graph: Graph, filter: VectorFilter): BlockTree {
	const instances = new Map<string, string[]>();
	const depth = new Map<string, number>();
	const inputs = new Map<string, string[]>();
	for (const node of graph.nodes.values()) {
		if (!matchesFilter(node, filter)) continue;
		const list = instances.get(node.block);
		if (list) list.push(node.name);
		else instances.set(node.block, [node.name]);
		depth.set(node.block, Math.max(depth.get(node.block) ?? 0, node.depth));
		let ins = inputs.get(node.block);
		if (!ins) {
			ins = [];
			inputs.set(node.block, ins);
		}
		for (const input of node.inputs.values()) {
			const from = graph.nodes.get(input)?.block;
			if (from !== undefined && from !== node.block && !ins.includes(from)) ins.push(from);
		}
	}
	// Blocks in definition order keep the tree stable between reloads.
	const order = [...graph.blocks.keys()].filter((b) => instances.has(b));
	const ordered = new Set(order);
	for (const b of instances.keys()) if (!ordered.has(b)) order.push(b);
	const children = new Map<string, string[]>();
	const roots: string[] = [];
	for (const block of order) {
		const ins = (inputs.get(block) ?? []).filter((b) => instances.has(b));
		let parent: string | undefined;
		for (const b of ins)
			if (parent === undefined || (depth.get(b) ?? 0) > (depth.get(parent) ?? 0)) parent = b;
		if (parent === undefined) roots.push(block);
		else {
			const list = children.get(parent);
			if (list) list.push(block);
			else children.set(parent, [block]);
		}
	}
	// Blocks caught in a cycle are never reached from a root: hang them at the top level.
	const reached = new Set<string>();
	const visit = (b: string): void => {
		if (reached.has(b)) return;
		reached.add(b);
		for (const c of children.get(b) ?? []) visit(c);
	};
	for (const r of roots) visit(r);
	for (const b of order) {
		if (!reached.has(b)) {
			roots.push(b);
			visit(b);
		}
	}
	return {instances, inputs, children, roots};
}

/** One key per filter, whatever order its axes and values were toggled in. */
function filterKey(filter: VectorFilter): string {
	const axes = [...filter].map(([axis, kept]) => [axis, [...kept].sort()] as const);
	axes.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	// JSON keeps values apart whatever they contain (`linux/amd64,linux/arm64` is one value).
	return JSON.stringify(axes);
}

/** Block trees kept per graph: switching a value off and on again is common. */
const BLOCK_TREES_KEPT = 16;
const blockTrees = new WeakMap<Graph, Map<string, BlockTree>>();

/** `buildBlockTree`, remembered for the last few filters of each graph. */
export function blockTreeFor(graph: Graph, filter: VectorFilter): BlockTree {
	let kept = blockTrees.get(graph);
	if (!kept) {
		kept = new Map();
		blockTrees.set(graph, kept);
	}
	const key = filterKey(filter);
	let tree = kept.get(key);
	if (tree) {
		// Most recently used last: the first one is the one to drop.
		kept.delete(key);
	} else {
		tree = buildBlockTree(graph, filter);
		if (kept.size >= BLOCK_TREES_KEPT) kept.delete(kept.keys().next().value as string);
	}
	kept.set(key, tree);
	return tree;
}

/**
 * The instance rows of open blocks, kept per list of instances (one list per block, filter and
 * graph: see blockTreeFor) and per place in the tree. Folding one block, or switching between
 * filters seen before, then reuses thousands of rows instead of allocating them again, and the
 * rows drawn compare equal at once.
 */
const instanceRows = new WeakMap<readonly string[], Map<string, readonly TreeRow[]>>();

function isCollapsible(graph: Graph, block: string): boolean {
	const info = graph.blocks.get(block);
	return info ? info.hasMatrix || info.instances.length > 1 : false;
}

export function buildRows(
	graph: Graph,
	tree: BlockTree,
	expanded: ReadonlySet<string>,
	orientation: Orientation,
): TreeRow[] {
	const up = orientation === 'bottom-up';
	// Bottom-up, the last child is drawn above its parent: its corner points down.
	const lastBranch = up ? '┌─ ' : '└─ ';
	const lastLeaf = up ? '┌╴' : '└╴';
	const rows: TreeRow[] = [];
	const seen = new Set<string>();
	/** A block's instances under it; the last one closes the branch unless blocks follow. */
	const openRows = (
		block: string,
		names: readonly string[],
		childLead: string,
		blocksFollow: boolean,
	): readonly TreeRow[] => {
		let kept = instanceRows.get(names);
		if (!kept) {
			kept = new Map();
			instanceRows.set(names, kept);
		}
		const place = `${orientation}|${blocksFollow}|${childLead}`;
		const cached = kept.get(place);
		if (cached) return cached;
		const out: TreeRow[] = [];
		// Walked backwards bottom-up so that, once the whole list is flipped, instances read
		// in order.
		const n = names.length;
		for (let k = 0; k < n; k++) {
			const name = names[up ? n - 1 - k : k] as string;
			const last = k === n - 1 && !blocksFollow;
			out.push({
				id: `t:${name}`,
				kind: 'instance',
				label: name,
				block,
				prefix: childLead + (last ? lastLeaf : '├╴'),
				count: 1,
				total: 1,
				expanded: false,
				inputs: inputTargets(graph, name),
				target: name,
			});
		}
		kept.set(place, out);
		return out;
	};
	const walk = (block: string, lead: string, self: string, childLead: string): void => {
		if (seen.has(block)) return;
		seen.add(block);
		const names = tree.instances.get(block) ?? [];
		const total = graph.blocks.get(block)?.instances.length ?? names.length;
		const kids = tree.children.get(block) ?? [];
		const collapsible = isCollapsible(graph, block);
		const open = collapsible && expanded.has(block);
		if (!collapsible && names.length === 1 && names[0] !== undefined) {
			const name = names[0];
			rows.push({
				id: `t:${name}`,
				kind: 'target',
				label: name,
				block,
				prefix: lead + self,
				count: 1,
				total,
				expanded: false,
				inputs: inputTargets(graph, name),
				target: name,
			});
		} else {
			rows.push({
				id: `b:${block}`,
				kind: 'block',
				label: block,
				block,
				prefix: lead + self,
				count: names.length,
				total,
				expanded: open,
				inputs: tree.inputs.get(block) ?? [],
			});
		}
		if (open) for (const row of openRows(block, names, childLead, kids.length > 0)) rows.push(row);
		const items = (open ? names.length : 0) + kids.length;
		let i = open ? names.length : 0;
		for (const kid of kids) {
			i++;
			const last = i === items;
			walk(kid, childLead, last ? lastBranch : '├─ ', `${childLead}${last ? '   ' : '│  '}`);
		}
	};
	for (const root of tree.roots) walk(root, '', '', '');
	if (up) rows.reverse();
	return rows;
}
