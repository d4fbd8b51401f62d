// What a build of some targets builds: the targets plus everything they read through
// `target:` contexts, transitively. (Kept here until src/core/graph exports its own query.)

import type {Graph} from '../graph/types.js';

export function closureOf(graph: Graph, names: Iterable<string>): Set<string> {
	const out = new Set<string>();
	const stack = [...names];
	while (stack.length > 0) {
		const name = stack.pop() as string;
		if (out.has(name)) continue;
		const node = graph.nodes.get(name);
		if (!node) continue;
		out.add(name);
		for (const input of node.inputs.values()) if (!out.has(input)) stack.push(input);
	}
	return out;
}
