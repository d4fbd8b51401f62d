// The tree as plain text, for `baketree` without a terminal when no `tree` command is wired.

import {NO_FILTER} from './filter.js';
import {buildBlockTree, buildRows} from './tree-rows.js';
import type {Orientation, TreeResult} from './types.js';

export function plainTree(tree: TreeResult, orientation: Orientation): string {
	const rows = buildRows(tree.graph, buildBlockTree(tree.graph, NO_FILTER), new Set(), orientation);
	const lines = rows.map((r) => {
		const count = r.kind === 'block' ? ` ×${r.count}` : '';
		const inputs = r.inputs.length > 1 ? `  ⇐ ${r.inputs.join(' + ')}` : '';
		return `${r.prefix}${r.label}${count}${inputs}`;
	});
	return `${lines.join('\n')}\n`;
}
