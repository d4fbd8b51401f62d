// Fuzzy search over blocks and instances (fuse.js): names weigh most, then block labels,
// then descriptions. Only instances that pass the vector filter are searchable.

import Fuse from 'fuse.js';
import type {Graph} from '../graph/types.js';
import {matchesFilter} from './filter.js';
import type {SearchHit, VectorFilter} from './types.js';

export interface SearchIndex {
	search(query: string, limit?: number): SearchHit[];
}

export function buildSearchIndex(graph: Graph, filter: VectorFilter): SearchIndex {
	const hits: SearchHit[] = [];
	const blocks = new Set<string>();
	for (const node of graph.nodes.values()) {
		if (!matchesFilter(node, filter)) continue;
		const info = graph.blocks.get(node.block);
		const collapsible = info ? info.hasMatrix || info.instances.length > 1 : false;
		if (collapsible && !blocks.has(node.block)) {
			blocks.add(node.block);
			hits.push({id: `b:${node.block}`, label: node.block, block: node.block, kind: 'block'});
		}
		hits.push({
			id: `t:${node.name}`,
			label: node.name,
			block: node.block,
			kind: collapsible ? 'instance' : 'target',
			...(node.description ? {description: node.description} : {}),
		});
	}
	const fuse = new Fuse(hits, {
		keys: [
			{name: 'label', weight: 3},
			{name: 'block', weight: 1},
			{name: 'description', weight: 0.5},
		],
		threshold: 0.35,
		ignoreLocation: true,
	});
	// Lower-cased once here rather than once per hit on every key typed.
	const labels = hits.map((h) => h.label.toLowerCase());
	return {
		search(query, limit = 50) {
			const q = query.trim();
			if (!q) return [];
			// Fast path for large trees: when enough names contain the query as typed, those are
			// the answer (shortest first, so a block comes before its instances); fuzzy otherwise.
			const needle = q.toLowerCase();
			const exact = hits.filter((_, i) => labels[i]?.includes(needle));
			if (exact.length >= limit || (exact.length > 0 && hits.length > 2000)) {
				exact.sort((a, b) => a.label.length - b.label.length);
				return exact.slice(0, limit);
			}
			return fuse.search(q, {limit}).map((r) => r.item);
		},
	};
}
