// The axes pane: a cursor over the matrix axes and their values, and the vector filter it
// edits (toggle one value, keep only one, or clear an axis by toggling its header line).

import {clearAxis, soloFilterValue, toggleFilterValue} from '../filter.js';
import {axisItems} from '../panels.js';
import type {ActionContext} from './context.js';
import {relayout} from './relayout.js';

export interface AxesActions {
	axisMove(delta: number): void;
	axisToggle(solo?: boolean): void;
}

export function axesActions(ctx: ActionContext): AxesActions {
	const {get, set} = ctx;
	return {
		axisMove(delta) {
			const n = axisItems(get().tree).length;
			set({axisCursor: Math.max(0, Math.min(get().axisCursor + delta, n - 1))});
		},
		axisToggle(solo = false) {
			const s = get();
			const item = axisItems(s.tree)[s.axisCursor];
			if (!item) return;
			const filter =
				item.kind === 'axis'
					? clearAxis(s.filter, item.axis.name)
					: solo
						? soloFilterValue(s.filter, item.axis, item.value)
						: toggleFilterValue(s.filter, item.axis, item.value);
			set(relayout(ctx, {filter}));
		},
	};
}
