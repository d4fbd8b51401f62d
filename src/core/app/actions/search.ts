// `/` search: the hits for the query as typed, a cursor over them, and the jump on Enter. The
// index is built on the first query and kept while the tree and the vector filter stay.

import {buildSearchIndex, type SearchIndex} from '../search.js';
import type {ActionContext} from './context.js';

export interface SearchActions {
	searchInput(query: string): void;
	searchMove(delta: number): void;
	searchAccept(): void;
}

export function searchActions({get, set}: ActionContext): SearchActions {
	let cached: {index: SearchIndex; of: object; filter: object} | null = null;
	return {
		searchInput(query) {
			const s = get();
			if (!s.tree) return;
			if (cached?.of !== s.tree.graph || cached.filter !== s.filter)
				cached = {
					index: buildSearchIndex(s.tree.graph, s.filter),
					of: s.tree.graph,
					filter: s.filter,
				};
			set({mode: {kind: 'search', query, cursor: 0}, searchHits: cached.index.search(query)});
		},
		searchMove(delta) {
			const s = get();
			if (s.mode.kind !== 'search') return;
			const cursor = Math.max(0, Math.min(s.mode.cursor + delta, s.searchHits.length - 1));
			set({mode: {...s.mode, cursor}});
		},
		searchAccept() {
			const s = get();
			if (s.mode.kind !== 'search') return;
			const hit = s.searchHits[s.mode.cursor];
			set({mode: {kind: 'normal'}});
			if (hit) get().jumpTo(hit.id);
		},
	};
}
