// The list of every target of the build, in order of interest, windowed to its height.

import {Box, Text} from 'ink';
import type {TargetRow} from '../../core/progress/rows.js';
import {clip, ROW_COLOR, ROW_ICON, seconds} from './format.js';

export interface TargetListProps {
	readonly rows: readonly TargetRow[];
	readonly selected: string | undefined;
	readonly pins: readonly string[];
	readonly width: number;
	readonly height: number;
	readonly nowMs: number;
	readonly live: boolean;
}

function detail(r: TargetRow, nowMs: number, live: boolean): string {
	const s = r.summary;
	if (r.status === 'waiting')
		return r.waitsFor.length ? `waits for ${r.waitsFor.join(', ')}` : 'waiting';
	const end = live && r.status === 'running' ? nowMs : (s.lastCompleted?.ms ?? nowMs);
	const time = s.firstStarted ? seconds(end - s.firstStarted.ms) : '';
	return `${s.completed}/${s.steps} ${time}`;
}

export function TargetList({rows, selected, pins, width, height, nowMs, live}: TargetListProps) {
	const index = Math.max(
		0,
		rows.findIndex((r) => r.name === selected),
	);
	// Window centred on the selection.
	const start = Math.max(0, Math.min(index - Math.floor(height / 2), rows.length - height));
	const visible = rows.slice(start, start + height);
	return (
		<Box flexDirection="column" width={width} height={height}>
			{visible.map((r) => {
				const isSel = r.name === selected;
				const pin = pins.includes(r.name) ? '*' : ' ';
				const info = detail(r, nowMs, live);
				const nameWidth = Math.max(4, width - info.length - 5);
				const text = `${ROW_ICON[r.status]}${pin}${clip(r.name, nameWidth).padEnd(nameWidth)} ${info}`;
				return (
					<Text
						key={r.name}
						wrap="truncate"
						inverse={isSel}
						{...(ROW_COLOR[r.status] ? {color: ROW_COLOR[r.status]} : {})}
					>
						{clip(text, width - 1)}
					</Text>
				);
			})}
		</Box>
	);
}
