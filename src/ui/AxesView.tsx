import {Box, Text} from 'ink';
import {isKept} from '../core/app/filter.js';
import {axisItems} from '../core/app/panels.js';
import {useApp} from './context.js';
import {clip, THEME, windowStart} from './theme.js';

export function AxesView({width, rows, focused}: {width: number; rows: number; focused: boolean}) {
	const tree = useApp((s) => s.tree);
	const filter = useApp((s) => s.filter);
	const cursor = useApp((s) => s.axisCursor);
	const items = axisItems(tree);
	if (items.length === 0) return <Text color={THEME.dim}>no matrix axes in this tree</Text>;
	const start = windowStart(cursor, rows, items.length);
	return (
		<Box flexDirection="column">
			{items.slice(start, start + rows).map((item, i) => {
				const here = focused && start + i === cursor;
				if (item.kind === 'axis') {
					const kept = filter.get(item.axis.name);
					const n = kept
						? item.axis.values.filter((v) => kept.has(v)).length
						: item.axis.values.length;
					const text = clip(`${item.axis.name}  ${n}/${item.axis.values.length}`, width);
					return (
						<Text
							key={`a:${item.axis.name}`}
							bold
							inverse={here}
							color={kept ? THEME.warn : undefined}
							wrap="truncate"
						>
							{text}
						</Text>
					);
				}
				const on = isKept(filter, item.axis.name, item.value);
				return (
					<Text key={`v:${item.axis.name}:${item.value}`} inverse={here} wrap="truncate">
						<Text color={on ? THEME.selected : THEME.dim}>{on ? '  [x] ' : '  [ ] '}</Text>
						<Text color={on ? undefined : THEME.dim}>{clip(item.value, width - 6)}</Text>
					</Text>
				);
			})}
		</Box>
	);
}
