// The tree as text, root at the bottom as a bake file reads (top-down on request). Each block
// is one line with its instance count (matrix blocks collapsed), or one line per instance when
// expanded. A node is drawn under its first input; extra inputs are named on its line.

import type {Graph} from './graph/types.js';

export interface TreeTextOptions {
	/** Root at the top instead of the bottom. */
	readonly topDown?: boolean;
	/** One line per instance instead of one per block. */
	readonly instances?: boolean;
	/** Only these nodes (e.g. the closure of requested targets); all when absent. */
	readonly only?: ReadonlySet<string>;
}

interface Item {
	readonly key: string;
	readonly label: string;
	/** The unit this item is drawn under (first input), or undefined for a root. */
	readonly parent?: string;
	readonly extra: string[];
}

function items(graph: Graph, opts: TreeTextOptions): Item[] {
	const unit = (name: string) => (opts.instances ? name : (graph.nodes.get(name)?.block ?? name));
	const out = new Map<string, Item & {extra: string[]}>();
	for (const node of graph.nodes.values()) {
		if (opts.only && !opts.only.has(node.name)) continue;
		const key = unit(node.name);
		const inputs = [...node.inputs.entries()].filter(([, t]) => graph.nodes.has(t));
		const preferred = inputs.find(([k]) => k === 'input') ?? inputs[0];
		const parent = preferred ? unit(preferred[1]) : undefined;
		const extra = inputs
			.filter((e) => e !== preferred)
			.map(([k, t]) => `${k}=${unit(t)}`)
			.filter((s, i, a) => a.indexOf(s) === i);
		const existing = out.get(key);
		if (existing) {
			for (const e of extra) if (!existing.extra.includes(e)) existing.extra.push(e);
			continue;
		}
		const block = graph.blocks.get(node.block);
		const count = !opts.instances && block?.hasMatrix ? ` ×${block.instances.length}` : '';
		const item: Item & {extra: string[]} = {key, label: `${key}${count}`, extra};
		out.set(key, parent !== undefined && parent !== key ? {...item, parent} : item);
	}
	return [...out.values()];
}

/** Lines of the tree, root at the bottom unless `topDown`. */
export function renderTree(graph: Graph, opts: TreeTextOptions = {}): string[] {
	const all = items(graph, opts);
	const byKey = new Map(all.map((i) => [i.key, i]));
	const children = new Map<string, Item[]>();
	const roots: Item[] = [];
	for (const i of all) {
		const p = i.parent !== undefined ? byKey.get(i.parent) : undefined;
		if (p) children.set(p.key, [...(children.get(p.key) ?? []), i]);
		else roots.push(i);
	}
	const lines: string[] = [];
	const seen = new Set<string>();
	const walk = (i: Item, prefix: string, last: boolean, top: boolean) => {
		const extra = i.extra.length ? `  [${i.extra.join(', ')}]` : '';
		const branch = top ? '' : last ? (opts.topDown ? '└─ ' : '┌─ ') : '├─ ';
		lines.push(`${prefix}${branch}${i.label}${extra}`);
		if (seen.has(i.key)) return;
		seen.add(i.key);
		const kids = children.get(i.key) ?? [];
		const childPrefix = top ? '' : `${prefix}${last ? '   ' : '│  '}`;
		for (const [n, k] of kids.entries()) walk(k, childPrefix, n === kids.length - 1, false);
	};
	for (const r of roots) walk(r, '', true, true);
	// Nodes on a cycle have no root above them; show them too.
	for (const i of all) if (!seen.has(i.key)) walk(i, '', true, true);
	return opts.topDown ? lines : lines.reverse();
}
