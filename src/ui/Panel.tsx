// The bordered box every pane and dialog is drawn in, so that they all look alike.
import {Box} from 'ink';
import type {ReactNode} from 'react';

export interface PanelProps {
	readonly width: number;
	readonly height: number;
	/** Border colour: focus, plain or warning (see theme.ts). */
	readonly color: string;
	/** Dialogs: one column of padding and nothing drawn past the border. */
	readonly padded?: boolean;
	readonly children?: ReactNode;
}

export function Panel({width, height, color, padded = false, children}: PanelProps) {
	return (
		<Box
			flexDirection="column"
			width={width}
			height={height}
			borderStyle="round"
			borderColor={color}
			{...(padded ? {overflow: 'hidden', paddingX: 1} : {})}
		>
			{children}
		</Box>
	);
}
