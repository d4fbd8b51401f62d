// Derived state: the drawn rows, the cursor and scroll that follow them, and the selection
// summary, recomputed after the tree, the vector filter, the folding or the orientation
// changed. Whatever did not change is handed back as it was, so that components which select
// it (the header, the rows) do not draw again.

import {bannerLines} from '../banner.js';
import {computeLayout, scrollFor} from '../layout.js';
import type {AppState} from '../state.js';
import {blockTreeFor, buildRows} from '../tree-rows.js';
import type {ActionContext} from './context.js';
import {summarize} from './selection.js';

/** How many tree rows fit on screen (paging and scrolling use it). */
export function visibleTreeRows(s: Pick<AppState, 'viewport' | 'error'>): number {
	return computeLayout(s.viewport, bannerLines(s.error).length).treeRows;
}

/**
 * The patch plus everything derived from it. The cursor stays on the row with `keepId` (by
 * default the row it is on); a hidden instance gives way to its block row.
 */
export function relayout(
	ctx: ActionContext,
	patch: Partial<AppState>,
	keepId?: string,
): Partial<AppState> {
	const prev = ctx.get();
	const s = {...prev, ...patch};
	if (!s.tree) return patch;
	const blockTree = blockTreeFor(s.tree.graph, s.filter);
	const rows = buildRows(s.tree.graph, blockTree, s.expanded, s.orientation);
	const want = keepId ?? prev.rows[prev.cursor]?.id;
	let cursor = want ? rows.findIndex((r) => r.id === want) : -1;
	if (cursor < 0 && want?.startsWith('t:')) {
		const block = s.tree.graph.nodes.get(want.slice(2))?.block;
		if (block) cursor = rows.findIndex((r) => r.id === `b:${block}`);
	}
	if (cursor < 0) cursor = Math.min(s.cursor, rows.length - 1);
	if (cursor < 0) cursor = 0;
	const scroll = scrollFor(cursor, s.scroll, visibleTreeRows(s), rows.length);
	const summaryChanged =
		s.tree !== prev.tree || s.filter !== prev.filter || s.selection !== prev.selection;
	const summary = summaryChanged ? summarize(s) : prev.summary;
	return {...patch, blockTree, rows, cursor, scroll, summary};
}
