// One target's steps and log, as exactly `height` rows.

import {Box, Text} from 'ink';
import type {Row} from './pane-model.js';

export interface TargetPaneProps {
	readonly title: string;
	readonly titleColor?: string | undefined;
	readonly rows: readonly Row[];
	readonly width: number;
	readonly height: number;
}

export function TargetPane({title, titleColor, rows, width, height}: TargetPaneProps) {
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold wrap="truncate" {...(titleColor ? {color: titleColor} : {})}>
				{title}
			</Text>
			{rows.slice(0, Math.max(0, height - 1)).map((r, i) => (
				<Text
					// biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
					key={i}
					wrap="truncate"
					{...(r.color ? {color: r.color} : {})}
					{...(r.dim ? {dimColor: true} : {})}
					{...(r.bold ? {bold: true} : {})}
				>
					{r.text === '' ? ' ' : r.text}
				</Text>
			))}
		</Box>
	);
}
