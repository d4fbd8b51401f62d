// What the tree shows of itself: matrix blocks opened to their instances or folded to one
// line, and which way up it is drawn. The cursor stays on the row it was on (or on the block
// an instance folds into).

import type {ActionContext} from './context.js';
import {relayout} from './relayout.js';

export interface FoldingActions {
	expand(open?: boolean): void;
	collapseAll(): void;
	flipOrientation(): void;
}

export function foldingActions(ctx: ActionContext): FoldingActions {
	const {get, set} = ctx;
	return {
		expand(open) {
			const s = get();
			const row = s.rows[s.cursor];
			if (!row) return;
			if (row.kind !== 'block') {
				// On an instance, "collapse" closes its block and lands on it.
				if (open === false && row.kind === 'instance') {
					const expanded = new Set(s.expanded);
					expanded.delete(row.block);
					set(relayout(ctx, {expanded}, `b:${row.block}`));
				}
				return;
			}
			const want = open ?? !row.expanded;
			if (want === row.expanded) return;
			const expanded = new Set(s.expanded);
			if (want) expanded.add(row.block);
			else expanded.delete(row.block);
			set(relayout(ctx, {expanded}, row.id));
		},
		collapseAll() {
			const row = get().rows[get().cursor];
			const keep = row?.kind === 'instance' ? `b:${row.block}` : row?.id;
			set(relayout(ctx, {expanded: new Set()}, keep));
		},
		flipOrientation() {
			const s = get();
			set(relayout(ctx, {orientation: s.orientation === 'bottom-up' ? 'top-down' : 'bottom-up'}));
		},
	};
}
