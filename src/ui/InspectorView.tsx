import {Box} from 'ink';
import {useMemo} from 'react';
import type {LineStyle} from '../core/app/inspect.js';
import {useApp, useAppStore} from './context.js';
import {Line} from './SidePane.js';
import {THEME} from './theme.js';

const STYLE: Readonly<Record<LineStyle, {color?: string; bold?: boolean}>> = {
	title: {color: THEME.accent, bold: true},
	heading: {bold: true},
	key: {color: THEME.warn},
	text: {},
	dim: {color: THEME.dim},
	code: {color: 'white'},
	error: {color: THEME.error},
};

export function InspectorView({width, rows}: {width: number; rows: number}) {
	const store = useAppStore();
	const tree = useApp((s) => s.tree);
	// What the cursor row shows here follows from its id, the tree and the filtered block tree;
	// the row object itself is new after every fold.
	const rowId = useApp((s) => s.rows[s.cursor]?.id);
	const blockTree = useApp((s) => s.blockTree);
	const dockerfiles = useApp((s) => s.dockerfiles);
	const scroll = useApp((s) => s.inspectScroll);
	// biome-ignore lint/correctness/useExhaustiveDependencies: recomputed when what it reads changes
	const lines = useMemo(
		() => store.getState().inspect(),
		[store, tree, rowId, blockTree, dockerfiles],
	);
	const start = Math.min(scroll, Math.max(0, lines.length - rows));
	return (
		<Box flexDirection="column">
			{lines
				.slice(start, start + rows)
				.map((l, i) => ({l, n: start + i}))
				.map(({l, n}) => (
					<Line key={`line${n}`} text={l.text} width={width} {...STYLE[l.style]} />
				))}
		</Box>
	);
}
