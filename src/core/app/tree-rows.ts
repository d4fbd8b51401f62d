// Turns the instance graph into the drawn tree: one row per block (matrix blocks collapsed to
// their instance count), instances under an expanded block, dependents nested under what they
// are built from. A block with several input blocks hangs under its deepest input (the one
// that puts it highest) and lists the others on its line.
//
// Rows are computed top-down (pre-order); the bottom-up view is the same list reversed with
// the corner connectors flipped, which keeps the root at the bottom as a bake file reads.

import type {Graph, GraphNode} from '../graph/types.js';
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
	for (const b of instances.keys()) if (!order.includes(b)) order.push(b);
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
	const rows: TreeRow[] = [];
	const seen = new Set<string>();
	const targetInputs = (node: GraphNode | undefined): string[] =>
		node ? [...new Set(node.inputs.values())] : [];
	const walk = (block: string, lead: string, self: string, childLead: string): void => {
		if (seen.has(block)) return;
		seen.add(block);
		const names = tree.instances.get(block) ?? [];
		const total = graph.blocks.get(block)?.instances.length ?? names.length;
		const kids = tree.children.get(block) ?? [];
		const collapsible = isCollapsible(graph, block);
		const open = collapsible && expanded.has(block);
		const blockInputs = tree.inputs.get(block) ?? [];
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
				inputs: targetInputs(graph.nodes.get(name)),
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
				inputs: blockInputs,
			});
		}
		const items = (open ? names.length : 0) + kids.length;
		let i = 0;
		if (open) {
			// Reversed here so that, once the whole list is flipped, instances read in order.
			for (const name of orientation === 'bottom-up' ? [...names].reverse() : names) {
				i++;
				const last = i === items;
				rows.push({
					id: `t:${name}`,
					kind: 'instance',
					label: name,
					block,
					prefix: `${childLead}${last ? '└╴' : '├╴'}`,
					count: 1,
					total: 1,
					expanded: false,
					inputs: targetInputs(graph.nodes.get(name)),
					target: name,
				});
			}
		}
		for (const kid of kids) {
			i++;
			const last = i === items;
			walk(kid, childLead, last ? '└─ ' : '├─ ', `${childLead}${last ? '   ' : '│  '}`);
		}
	};
	for (const root of tree.roots) walk(root, '', '', '');
	if (orientation === 'top-down') return rows;
	rows.reverse();
	return rows.map((r) => ({...r, prefix: r.prefix.replace(/└/g, '┌')}));
}
