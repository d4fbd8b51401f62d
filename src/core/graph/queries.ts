// Questions the views ask of a graph: what a build of a target also builds, what depends on
// it, which instances match a matrix selection.

import type {Graph} from './types.js';

function walk(graph: Graph, start: string, next: (name: string) => Iterable<string>): string[] {
	if (!graph.nodes.has(start)) return [];
	const seen = new Set<string>([start]);
	const queue = [start];
	for (let i = 0; i < queue.length; i++) {
		for (const n of next(queue[i] as string)) {
			if (seen.has(n) || !graph.nodes.has(n)) continue;
			seen.add(n);
			queue.push(n);
		}
	}
	return queue;
}

/** The target and everything it reads through `target:` contexts (what bake builds with it). */
export function closure(graph: Graph, name: string): string[] {
	return walk(graph, name, (n) => graph.nodes.get(n)?.inputs.values() ?? []);
}

/** The target and everything that reads it, directly or not. */
export function dependentsClosure(graph: Graph, name: string): string[] {
	return walk(graph, name, (n) => graph.nodes.get(n)?.dependents ?? []);
}

/**
 * Instances whose vector matches the selection: for each axis with a non-empty set, an
 * instance that has the axis must hold one of the selected values (instances without the
 * axis are kept: a `sys`-only block still belongs to every `cargo_profile`).
 */
export function filterByVector(
	graph: Graph,
	selection: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
	const out: string[] = [];
	for (const node of graph.nodes.values()) {
		let ok = true;
		for (const [axis, values] of selection) {
			if (values.size === 0) continue;
			const v = node.vector.get(axis);
			if (v !== undefined && !values.has(v)) {
				ok = false;
				break;
			}
		}
		if (ok) out.push(node.name);
	}
	return out;
}

/** Nodes that no requested root reaches: not in the closure of any leaf's ancestry from roots. */
export function unreachable(graph: Graph, requested: readonly string[]): string[] {
	const reached = new Set(requested.flatMap((r) => closure(graph, r)));
	return [...graph.nodes.keys()].filter((n) => !reached.has(n));
}
