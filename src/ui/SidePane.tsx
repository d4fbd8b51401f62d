// The side (or bottom) pane: inspector, axes and variables as tabs; Tab moves between them.

import {Text} from 'ink';
import type {Focus} from '../core/app/types.js';
import {AxesView} from './AxesView.js';
import {useApp} from './context.js';
import {InspectorView} from './InspectorView.js';
import {Panel} from './Panel.js';
import {clip, THEME} from './theme.js';
import {VariablesView} from './VariablesView.js';

const TABS: readonly {id: Exclude<Focus, 'tree'>; label: string; key: string}[] = [
	{id: 'inspector', label: 'Inspector', key: 'i'},
	{id: 'axes', label: 'Axes', key: 'a'},
	{id: 'variables', label: 'Variables', key: 'v'},
];

interface Props {
	readonly width: number;
	readonly height: number;
	readonly rowsVisible: number;
}

export function SidePane({width, height, rowsVisible}: Props) {
	const tab = useApp((s) => s.sideTab);
	const focus = useApp((s) => s.focus);
	const focused = focus !== 'tree';
	const inner = Math.max(1, width - 2);
	return (
		<Panel width={width} height={height} color={focused ? THEME.focusBorder : THEME.border}>
			<Text wrap="truncate">
				{TABS.map((t, i) => (
					<Text key={t.id}>
						{i > 0 ? <Text color={THEME.dim}> │ </Text> : ' '}
						<Text
							bold={t.id === tab}
							color={t.id === tab ? (focused ? THEME.focusBorder : undefined) : THEME.dim}
							underline={t.id === tab}
						>
							{t.label}
						</Text>
						<Text color={THEME.dim}>{` ${t.key}`}</Text>
					</Text>
				))}
			</Text>
			{tab === 'inspector' ? (
				<InspectorView width={inner} rows={rowsVisible} />
			) : tab === 'axes' ? (
				<AxesView width={inner} rows={rowsVisible} focused={focused} />
			) : (
				<VariablesView width={inner} rows={rowsVisible} focused={focused} />
			)}
		</Panel>
	);
}

export function Line({
	text,
	width,
	color,
	bold,
	inverse,
}: {
	text: string;
	width: number;
	color?: string | undefined;
	bold?: boolean;
	inverse?: boolean;
}) {
	return (
		<Text color={color} bold={bold} inverse={inverse} wrap="truncate">
			{clip(text, width)}
		</Text>
	);
}
