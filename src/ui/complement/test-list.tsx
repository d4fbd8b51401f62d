// The test list: only the rows that fit are drawn, in a window that follows the cursor.
import {Box, Text} from 'ink';
import type {Row} from '../../core/complement/rows.js';
import type {TestState} from '../../core/complement/run-model.js';
import {sanitizeTerminalText} from '../../core/text/sanitize.js';

const ICON: Record<TestState, string> = {pass: '✓', fail: '✗', skip: '-', running: '…'};
const COLOR: Record<TestState, string> = {
	pass: 'green',
	fail: 'red',
	skip: 'yellow',
	running: 'cyan',
};

/** First row index of a window of `height` rows that shows `cursor`, moving as little as possible. */
export function windowStart(
	previous: number,
	cursor: number,
	height: number,
	total: number,
): number {
	let start = Math.min(previous, Math.max(0, total - height));
	if (cursor < start) start = cursor;
	if (cursor >= start + height) start = cursor - height + 1;
	return Math.max(0, start);
}

export function TestList(props: {
	rows: readonly Row[];
	start: number;
	height: number;
	cursor: number;
	width: number;
}) {
	const {rows, start, height, cursor, width} = props;
	if (rows.length === 0) return <Text dimColor>No tests to show yet.</Text>;
	const visible = rows.slice(start, start + height);
	return (
		<Box flexDirection="column">
			{visible.map((row, i) => (
				<RowLine key={row.test} row={row} selected={start + i === cursor} width={width} />
			))}
		</Box>
	);
}

function RowLine({row, selected, width}: {row: Row; selected: boolean; width: number}) {
	const indent = '  '.repeat(row.depth);
	const twisty = row.depth === 0 && row.children > 0 ? (row.expanded ? '▾ ' : '▸ ') : '  ';
	const tags: string[] = [];
	if (row.depth === 0 && row.children > 0) tags.push(`${row.children} subtests`);
	if (row.depth === 0 && row.groupRegressions > 0 && !row.regression)
		tags.push(`${row.groupRegressions} regressed`);
	const badge = row.regression ? ' REGRESSION' : ' fixed';
	return (
		<Box width={width}>
			<Text inverse={selected} wrap="truncate">
				{indent}
				{twisty}
				<Text color={COLOR[row.state]}>{ICON[row.state]}</Text> {sanitizeTerminalText(row.label)}
				{row.regression || row.progression ? (
					<Text color={row.regression ? 'red' : 'green'} bold>
						{badge}
					</Text>
				) : null}
				{tags.length > 0 ? <Text dimColor> ({tags.join(', ')})</Text> : null}
			</Text>
		</Box>
	);
}
