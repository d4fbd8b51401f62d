// The selection: targets picked with Space (a block row picks all of its shown instances), and
// the header's summary of it. Hidden instances stay selected but do not count until the
// vector filter shows them again.

import {closureOfAll} from '../../build/plan.js';
import {matchesFilter} from '../filter.js';
import type {AppState} from '../state.js';
import type {ActionContext} from './context.js';

export interface SelectionActions {
	toggleSelect(): void;
	clearSelection(): void;
}

/** Selected targets that pass the vector filter and still exist, in selection order. */
export function effectiveSelection(s: Pick<AppState, 'tree' | 'selection' | 'filter'>): string[] {
	if (!s.tree) return [];
	const out: string[] = [];
	for (const name of s.selection) {
		const node = s.tree.graph.nodes.get(name);
		if (node && matchesFilter(node, s.filter)) out.push(name);
	}
	return out;
}

/** How many targets are selected, and how many a build of them runs. */
export function summarize(s: Pick<AppState, 'tree' | 'selection' | 'filter'>): AppState['summary'] {
	if (!s.tree) return {selected: 0, closure: 0};
	const effective = effectiveSelection(s);
	return {selected: effective.length, closure: closureOfAll(s.tree.graph, effective).length};
}

/** The targets the row under the cursor stands for: its instance, or a block's instances. */
export function cursorTargets(s: AppState): readonly string[] {
	const row = s.rows[s.cursor];
	if (!row) return [];
	return row.target ? [row.target] : (s.blockTree?.instances.get(row.block) ?? []);
}

export function selectionActions({get, set}: ActionContext): SelectionActions {
	return {
		toggleSelect() {
			const s = get();
			if (!s.rows[s.cursor] || !s.tree) return;
			const names = cursorTargets(s);
			const selection = new Set(s.selection);
			const all = names.every((n) => selection.has(n));
			for (const n of names) {
				if (all) selection.delete(n);
				else selection.add(n);
			}
			set({selection, summary: summarize({...s, selection})});
		},
		clearSelection() {
			const selection = new Set<string>();
			set({selection, summary: summarize({...get(), selection})});
		},
	};
}
