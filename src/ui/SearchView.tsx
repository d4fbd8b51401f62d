import {Text} from 'ink';
import {useApp} from './context.js';
import {Panel} from './Panel.js';
import {clip, THEME, windowStart} from './theme.js';

/** `/` search: the query line and the hits, in the tree pane's place. */
export function SearchView({width, height}: {width: number; height: number}) {
	const mode = useApp((s) => s.mode);
	const hits = useApp((s) => s.searchHits);
	if (mode.kind !== 'search') return null;
	const inner = width - 2;
	const rows = Math.max(1, height - 3);
	const start = windowStart(mode.cursor, rows, hits.length);
	return (
		<Panel width={width} height={height} color={THEME.focusBorder}>
			<Text wrap="truncate">
				<Text bold color={THEME.accent}>
					/{' '}
				</Text>
				{clip(mode.query, inner - 20)}
				<Text color={THEME.accent}>▌</Text>
				<Text color={THEME.dim}>{`  ${hits.length}${hits.length === 50 ? '+' : ''} matches`}</Text>
			</Text>
			{hits.slice(start, start + rows).map((h, i) => {
				const here = start + i === mode.cursor;
				const kind =
					h.kind === 'block' ? 'block' : h.kind === 'instance' ? `in ${h.block}` : 'target';
				const label = clip(h.label, Math.max(10, Math.floor(inner * 0.6)));
				return (
					<Text key={h.id} inverse={here} wrap="truncate">
						<Text bold={h.kind === 'block'} color={h.kind === 'block' ? THEME.block : undefined}>
							{label}
						</Text>
						<Text color={THEME.dim}>
							{clip(
								`  ${kind}${h.description ? ` · ${h.description}` : ''}`,
								inner - [...label].length,
							)}
						</Text>
					</Text>
				);
			})}
			{mode.query && hits.length === 0 ? <Text color={THEME.dim}>no match</Text> : null}
		</Panel>
	);
}
