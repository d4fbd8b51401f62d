// The tree: only the rows in the window are drawn, each as one pre-joined line (Ink measures
// and tokenizes every Text it draws, on every frame). Rows are keyed by their place in the
// window, not by id: scrolling then rewrites a few lines of text instead of unmounting and
// mounting a whole window of them, and a row that did not change (compared by what it shows)
// is not rendered again.

import {Box, Text} from 'ink';
import {memo, useMemo} from 'react';
import type {TreeRow} from '../core/app/types.js';
import type {Graph} from '../core/graph/types.js';
import {useApp} from './context.js';
import {Panel} from './Panel.js';
import {clip, THEME} from './theme.js';

interface Props {
	readonly width: number;
	readonly height: number;
	readonly rowsVisible: number;
}

/** Names of targets with broken links (missing target, cycle): drawn red. */
function brokenTargets(graph: Graph): Set<string> {
	const out = new Set<string>();
	for (const [from] of graph.dangling) out.add(from);
	for (const cycle of graph.cycles) for (const n of cycle) out.add(n);
	return out;
}

export function TreePane({width, height, rowsVisible}: Props) {
	const rows = useApp((s) => s.rows);
	const cursor = useApp((s) => s.cursor);
	const scroll = useApp((s) => s.scroll);
	const selection = useApp((s) => s.selection);
	const blockTree = useApp((s) => s.blockTree);
	const graph = useApp((s) => s.tree?.graph);
	const focused = useApp((s) => s.focus === 'tree');
	const orientation = useApp((s) => s.orientation);
	const broken = useMemo(() => (graph ? brokenTargets(graph) : new Set<string>()), [graph]);
	// Blocks with a broken instance that the filter shows, found once per tree and filter.
	const brokenBlocks = useMemo(() => {
		const out = new Set<string>();
		for (const name of broken) {
			const block = graph?.nodes.get(name)?.block;
			if (block !== undefined && blockTree?.instances.get(block)?.includes(name)) out.add(block);
		}
		return out;
	}, [broken, graph, blockTree]);
	const inner = Math.max(1, width - 2);
	const visible = rows.slice(scroll, scroll + rowsVisible);
	const below = rows.length - scroll - visible.length;
	const title = ` Tree ${orientation === 'bottom-up' ? '(root at the bottom)' : '(root at the top)'} `;
	return (
		<Panel width={width} height={height} color={focused ? THEME.focusBorder : THEME.border}>
			{/* Bottom-up, a short tree sits on the bottom edge: the root is always at the bottom. */}
			<Box
				flexDirection="column"
				flexGrow={1}
				overflowY="hidden"
				justifyContent={orientation === 'bottom-up' ? 'flex-end' : 'flex-start'}
			>
				{visible.map((row, i) => (
					<Row
						// biome-ignore lint/suspicious/noArrayIndexKey: a row is a slot of the window (see above)
						key={i}
						row={row}
						width={inner}
						isCursor={scroll + i === cursor}
						focused={focused}
						selected={selectionState(row, selection, blockTree?.instances.get(row.block))}
						broken={row.target ? broken.has(row.target) : brokenBlocks.has(row.block)}
					/>
				))}
			</Box>
			<Box position="absolute" marginTop={-1} marginLeft={1}>
				<Text color={focused ? THEME.focusBorder : THEME.dim}>
					{clip(
						`${title}${scroll > 0 ? `↑${scroll} ` : ''}${below > 0 ? `↓${below} ` : ''}`,
						inner - 2,
					)}
				</Text>
			</Box>
		</Panel>
	);
}

type Sel = 'none' | 'some' | 'all';

function selectionState(
	row: TreeRow,
	selection: ReadonlySet<string>,
	names: readonly string[] | undefined,
): Sel {
	if (row.target) return selection.has(row.target) ? 'all' : 'none';
	if (!names || selection.size === 0) return 'none';
	let n = 0;
	for (const name of names) if (selection.has(name)) n++;
	return n === 0 ? 'none' : n === names.length ? 'all' : 'some';
}

interface RowProps {
	readonly row: TreeRow;
	readonly width: number;
	readonly isCursor: boolean;
	readonly focused: boolean;
	readonly selected: Sel;
	readonly broken: boolean;
}

/** Two rows draw the same line when these agree (rows are rebuilt on every fold or filter). */
function sameLine(a: TreeRow, b: TreeRow): boolean {
	return (
		a === b ||
		(a.id === b.id &&
			a.kind === b.kind &&
			a.label === b.label &&
			a.prefix === b.prefix &&
			a.count === b.count &&
			a.total === b.total &&
			a.expanded === b.expanded &&
			(a.inputs === b.inputs || a.inputs.join(' ') === b.inputs.join(' ')))
	);
}

const Row = memo(
	function Row({row, width, isCursor, focused, selected, broken}: RowProps) {
		const mark = selected === 'all' ? '●' : selected === 'some' ? '◐' : ' ';
		const fold = row.kind === 'block' ? (row.expanded ? '▾ ' : '▸ ') : '';
		const count =
			row.kind === 'block'
				? row.count === row.total
					? ` ×${row.count}`
					: ` ×${row.count}/${row.total}`
				: '';
		const inputs = row.inputs.length > 1 ? `  ⇐ ${row.inputs.join(' + ')}` : '';
		const head = `${mark} ${row.prefix}`;
		const label = `${fold}${row.label}`;
		const room = width - [...head].length;
		const labelText = clip(label, room);
		const rest = clip(count + inputs, room - [...labelText].length);
		const labelColor = broken ? THEME.error : row.kind === 'block' ? THEME.block : undefined;
		if (isCursor) {
			const pad = ' '.repeat(Math.max(0, room - [...labelText].length - [...rest].length));
			return (
				<Text
					inverse={!focused}
					backgroundColor={focused ? THEME.cursorBg : undefined}
					wrap="truncate"
				>
					<Text color={selected === 'none' ? undefined : THEME.selected}>{head}</Text>
					<Text bold>{labelText}</Text>
					{rest}
					{pad}
				</Text>
			);
		}
		return (
			<Text wrap="truncate">
				<Text color={selected === 'none' ? THEME.dim : THEME.selected}>{head}</Text>
				<Text color={labelColor} bold={row.kind === 'block'}>
					{labelText}
				</Text>
				<Text color={row.inputs.length > 1 && !count ? THEME.warn : THEME.dim}>{rest}</Text>
			</Text>
		);
	},
	(a, b) =>
		a.width === b.width &&
		a.isCursor === b.isCursor &&
		a.focused === b.focused &&
		a.selected === b.selected &&
		a.broken === b.broken &&
		sameLine(a.row, b.row),
);
