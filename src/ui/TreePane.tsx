// The tree: only the rows in the window are drawn, each as one pre-joined line (Ink's cost
// grows with the number of Text nodes, not with the length of a line).

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
				overflow="hidden"
				justifyContent={orientation === 'bottom-up' ? 'flex-end' : 'flex-start'}
			>
				{visible.map((row, i) => {
					const selectedState = selectionState(row, selection, blockTree?.instances.get(row.block));
					const bad = row.target
						? broken.has(row.target)
						: (blockTree?.instances.get(row.block) ?? []).some((n) => broken.has(n));
					return (
						<Row
							key={row.id}
							row={row}
							width={inner}
							isCursor={scroll + i === cursor}
							focused={focused}
							selected={selectedState}
							broken={bad}
						/>
					);
				})}
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

const Row = memo(function Row({row, width, isCursor, focused, selected, broken}: RowProps) {
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
	const pad = ' '.repeat(Math.max(0, room - [...labelText].length - [...rest].length));
	const labelColor = broken ? THEME.error : row.kind === 'block' ? THEME.block : undefined;
	if (isCursor) {
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
});
