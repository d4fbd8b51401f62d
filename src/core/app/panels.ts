// The rows of the axes and variables panels, as pure functions of the state, so that the
// store (cursor moves, toggles) and the components (drawing) walk the same list.

import type {VariableInfo} from '../bake/config.js';
import type {MatrixAxis} from '../graph/types.js';
import type {TreeResult} from './types.js';
import {type ListItem, listItems, type VarKind, varKind} from './variables.js';

export type AxisItem =
	| {readonly kind: 'axis'; readonly axis: MatrixAxis}
	| {readonly kind: 'value'; readonly axis: MatrixAxis; readonly value: string};

export function axisItems(tree: TreeResult | null): AxisItem[] {
	const out: AxisItem[] = [];
	for (const axis of tree?.graph.axes ?? []) {
		out.push({kind: 'axis', axis});
		for (const value of axis.values) out.push({kind: 'value', axis, value});
	}
	return out;
}

export type VarItem =
	| {readonly kind: 'variable'; readonly info: VariableInfo; readonly type: VarKind}
	| {
			readonly kind: 'item';
			readonly info: VariableInfo;
			readonly item: ListItem;
			readonly items: readonly ListItem[];
	  }
	| {readonly kind: 'add'; readonly info: VariableInfo; readonly items: readonly ListItem[]};

export function varItems(
	tree: TreeResult | null,
	vars: Readonly<Record<string, string>>,
	extras: Readonly<Record<string, readonly string[]>>,
): VarItem[] {
	const out: VarItem[] = [];
	for (const info of tree?.raw.variables ?? []) {
		const type = varKind(info);
		out.push({kind: 'variable', info, type});
		if (type !== 'list') continue;
		const items = listItems(info, vars[info.name], extras[info.name] ?? []);
		for (const item of items) out.push({kind: 'item', info, item, items});
		out.push({kind: 'add', info, items});
	}
	return out;
}
