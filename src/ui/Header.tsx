import {Text} from 'ink';
import {describeFilter} from '../core/app/filter.js';
import {useApp} from './context.js';
import {clip, THEME} from './theme.js';

export function Header({width}: {width: number}) {
	const files = useApp((s) => s.options.files);
	const graph = useApp((s) => s.tree?.graph);
	const blockTree = useApp((s) => s.blockTree);
	const summary = useApp((s) => s.summary);
	const filter = useApp((s) => s.filter);
	const status = useApp((s) => s.status);
	const hasError = useApp((s) => s.error !== null);
	let shown = 0;
	for (const names of blockTree?.instances.values() ?? []) shown += names.length;
	const total = graph?.nodes.size ?? 0;
	const counts = graph
		? `${graph.blocks.size} blocks · ${shown === total ? total : `${shown}/${total}`} instances · ${summary.selected} selected${summary.selected ? ` (builds ${summary.closure})` : ''}`
		: status === 'loading'
			? 'loading…'
			: 'no tree';
	const vector = describeFilter(filter);
	const file = files.join(', ') || '(no bake file)';
	// The vector filter matters more than a long file path: the path gives way first.
	const fixed = 10 + 3 + [...counts].length + (vector ? 3 : 0) + (hasError ? 10 : 0);
	const vectorText = vector ? `vector ${vector}` : '';
	const fileRoom = Math.max(8, width - fixed - Math.min(vectorText.length, 48));
	const fileText = clip(file, fileRoom);
	const vectorRoom = Math.max(6, width - fixed - [...fileText].length);
	return (
		<Text wrap="truncate">
			<Text bold color={THEME.accent}>
				{' baketree '}
			</Text>
			<Text bold>{fileText}</Text>
			<Text color={THEME.dim}> │ </Text>
			<Text>{counts}</Text>
			{vector ? (
				<>
					<Text color={THEME.dim}> │ </Text>
					<Text color={THEME.warn}>{clip(vectorText, vectorRoom)}</Text>
				</>
			) : null}
			{hasError ? <Text color={THEME.error}> │ ✗ error</Text> : null}
		</Text>
	);
}
