import {Box, Text} from 'ink';
import {varItems} from '../core/app/panels.js';
import {sourceLabel, valueText} from '../core/app/variables.js';
import {useApp} from './context.js';
import {clip, THEME, windowStart} from './theme.js';

export function VariablesView({
	width,
	rows,
	focused,
}: {
	width: number;
	rows: number;
	focused: boolean;
}) {
	const tree = useApp((s) => s.tree);
	const vars = useApp((s) => s.vars);
	const extras = useApp((s) => s.listExtras);
	const cursor = useApp((s) => s.varCursor);
	const mode = useApp((s) => s.mode);
	const error = useApp((s) => s.error);
	const items = varItems(tree, vars, extras);
	if (items.length === 0) return <Text color={THEME.dim}>no variables in this tree</Text>;
	// The last two lines describe the variable under the cursor.
	const listRows = Math.max(1, rows - 2);
	const start = windowStart(cursor, listRows, items.length);
	const current = items[cursor];
	const info = current?.info;
	const detail = info
		? `${info.description ? `${info.description} · ` : ''}default ${valueText(info.defaultValue) || '(none)'} · from ${sourceLabel(info, info.name in vars)}`
		: '';
	return (
		<Box flexDirection="column">
			{items.slice(start, start + listRows).map((item, i) => {
				const here = focused && start + i === cursor;
				const editing = mode.kind === 'edit' && mode.variable === item.info.name;
				if (item.kind === 'variable') {
					const edited = item.info.name in vars;
					const bad = error?.variable === item.info.name;
					const value =
						editing && !mode.adding
							? `${mode.text}▌`
							: item.type === 'list'
								? ''
								: (vars[item.info.name] ?? valueText(item.info.value));
					return (
						<Text key={`n:${item.info.name}`} inverse={here && !editing} wrap="truncate">
							<Text bold color={bad ? THEME.error : edited ? THEME.warn : undefined}>
								{item.info.name}
							</Text>
							<Text color={THEME.dim}>{item.type === 'list' ? ' (list)' : ' = '}</Text>
							<Text color={editing ? THEME.accent : undefined}>
								{clip(value, width - item.info.name.length - 8)}
							</Text>
						</Text>
					);
				}
				if (item.kind === 'item') {
					return (
						<Text key={`i:${item.info.name}:${item.item.value}`} inverse={here} wrap="truncate">
							<Text color={item.item.on ? THEME.selected : THEME.dim}>
								{item.item.on ? '  [x] ' : '  [ ] '}
							</Text>
							{clip(item.item.value, width - 6)}
						</Text>
					);
				}
				return (
					<Text
						key={`add:${item.info.name}`}
						inverse={here && !editing}
						color={editing ? THEME.accent : THEME.dim}
						wrap="truncate"
					>
						{editing && mode.adding ? `  + ${mode.text}▌` : '  + add value'}
					</Text>
				);
			})}
			<Text color={THEME.dim} wrap="truncate">
				{clip(`─ ${info?.name ?? ''}`, width)}
			</Text>
			<Text color={THEME.dim} wrap="truncate">
				{clip(detail, width)}
			</Text>
		</Box>
	);
}
