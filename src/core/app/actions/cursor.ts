// Moving the cursor: by rows and pages, to a row id (opening the block an instance hides in),
// and along the graph's edges with `[` (an input) and `]` (a dependent), where pressing the
// same key again cycles through the others.

import {matchesFilter} from '../filter.js';
import type {Viewport} from '../layout.js';
import {scrollFor} from '../layout.js';
import type {AppState} from '../state.js';
import type {BlockTree} from '../tree-rows.js';
import type {TreeResult} from '../types.js';
import type {ActionContext} from './context.js';
import {requestDockerfile} from './inspector.js';
import {relayout, visibleTreeRows} from './relayout.js';

export interface CursorActions {
	resize(vp: Viewport): void;
	move(delta: number): void;
	moveTo(index: number): void;
	page(direction: 1 | -1): void;
	jump(direction: 'input' | 'dependent'): void;
	jumpTo(id: string): boolean;
}

/** Puts the cursor on row `index` (clamped), scrolling as little as keeps it in view. */
export function setCursor(ctx: ActionContext, index: number): void {
	const s = ctx.get();
	const cursor = Math.max(0, Math.min(index, s.rows.length - 1));
	ctx.set({
		cursor,
		scroll: scrollFor(cursor, s.scroll, visibleTreeRows(s), s.rows.length),
		inspectScroll: 0,
	});
	requestDockerfile(ctx);
}

/** The row a block is drawn as: its own line, or its one target's for a plain target. */
function rowIdForBlock(tree: TreeResult, block: string, bt: BlockTree | null): string {
	const info = tree.graph.blocks.get(block);
	const names = bt?.instances.get(block) ?? info?.instances ?? [];
	if (info && !info.hasMatrix && info.instances.length === 1)
		return `t:${names[0] ?? info.instances[0]}`;
	return `b:${block}`;
}

/** Row ids the cursor row can jump to: what it is built from, what is built from it. */
export function jumpTargets(s: AppState, id: string): {inputs: string[]; dependents: string[]} {
	const tree = s.tree;
	if (!tree) return {inputs: [], dependents: []};
	const graph = tree.graph;
	if (id.startsWith('b:')) {
		const block = id.slice(2);
		const names = s.blockTree?.instances.get(block) ?? [];
		const inputs = (s.blockTree?.inputs.get(block) ?? []).map((b) =>
			rowIdForBlock(tree, b, s.blockTree),
		);
		const deps = new Set<string>();
		for (const n of names)
			for (const d of graph.nodes.get(n)?.dependents ?? []) {
				const node = graph.nodes.get(d);
				if (node && node.block !== block && matchesFilter(node, s.filter)) deps.add(node.block);
			}
		return {inputs, dependents: [...deps].map((b) => rowIdForBlock(tree, b, s.blockTree))};
	}
	const node = graph.nodes.get(id.slice(2));
	if (!node) return {inputs: [], dependents: []};
	const visible = (n: string): boolean => {
		const x = graph.nodes.get(n);
		return x !== undefined && matchesFilter(x, s.filter);
	};
	return {
		inputs: [...new Set(node.inputs.values())].filter(visible).map((n) => `t:${n}`),
		dependents: node.dependents.filter(visible).map((n) => `t:${n}`),
	};
}

export function cursorActions(ctx: ActionContext): CursorActions {
	const {get, set} = ctx;
	let lastJump: {origin: string; direction: string; index: number; landed: string} | null = null;
	return {
		resize(vp) {
			const s = {...get(), viewport: vp};
			set({viewport: vp, scroll: scrollFor(s.cursor, s.scroll, visibleTreeRows(s), s.rows.length)});
		},
		move(delta) {
			setCursor(ctx, get().cursor + delta);
		},
		moveTo(index) {
			setCursor(ctx, index < 0 ? get().rows.length + index : index);
		},
		page(direction) {
			setCursor(ctx, get().cursor + direction * Math.max(1, visibleTreeRows(get()) - 1));
		},
		jump(direction) {
			const s = get();
			const row = s.rows[s.cursor];
			if (!row || !s.tree) return;
			const prev = lastJump;
			const continuing = prev !== null && prev.landed === row.id && prev.direction === direction;
			const origin = continuing ? prev.origin : row.id;
			const targets = jumpTargets(s, origin);
			const list = direction === 'input' ? targets.inputs : targets.dependents;
			if (list.length === 0) {
				set({
					message: direction === 'input' ? 'no inputs: this is a root' : 'nothing depends on this',
				});
				return;
			}
			const i = continuing ? (prev.index + 1) % list.length : 0;
			const id = list[i] as string;
			if (!get().jumpTo(id)) return;
			lastJump = {origin, direction, index: i, landed: get().rows[get().cursor]?.id ?? id};
			const key = direction === 'input' ? '[' : ']';
			const more = list.length > 1 ? ` (${i + 1}/${list.length}, ${key} for the next)` : '';
			set({message: `${direction} ${id.slice(2)}${more}`});
		},
		jumpTo(id) {
			const s = get();
			if (!s.tree) return false;
			let patch: Partial<AppState> = {};
			if (id.startsWith('t:')) {
				const node = s.tree.graph.nodes.get(id.slice(2));
				if (!node) return false;
				if (!matchesFilter(node, s.filter)) {
					set({message: `${node.name} is hidden by the vector filter`});
					return false;
				}
				if (
					rowIdForBlock(s.tree, node.block, s.blockTree).startsWith('b:') &&
					!s.expanded.has(node.block)
				)
					patch = {expanded: new Set(s.expanded).add(node.block)};
			}
			// Only a block that opens changes the rows; otherwise the row is there already.
			const next = patch.expanded ? relayout(ctx, patch, id) : {};
			const index = (next.rows ?? s.rows).findIndex((r) => r.id === id);
			if (index < 0) return false;
			set({...next, focus: 'tree'});
			setCursor(ctx, index);
			return true;
		},
	};
}
