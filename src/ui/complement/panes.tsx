// The parts around the test list: header with counts, text panes (log, output), help, footer.
import {Box, Text} from 'ink';
import type {ComplementState} from '../../core/complement/store.js';
import {sanitizeTerminalText} from '../../core/text/sanitize.js';

export function formatElapsed(ms: number): string {
	const s = Math.max(0, Math.floor(ms / 1000));
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	const pad = (n: number) => String(n).padStart(2, '0');
	return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

export function Header({state, now}: {state: ComplementState; now: number}) {
	const c = state.counts;
	const elapsed = (state.endedAt ?? now) - state.startedAt;
	const finished = c.pass + c.fail + c.skip;
	// Too early a rate is noise; wait for a few seconds of data.
	const rate = elapsed >= 5000 ? ((finished * 60_000) / elapsed).toFixed(0) : '-';
	const status =
		state.status === 'running'
			? 'running'
			: state.status === 'canceled'
				? 'canceled'
				: state.end?.error !== undefined
					? 'could not run'
					: `exited ${state.end?.exitCode ?? '?'}`;
	return (
		<Box flexDirection="column">
			<Text wrap="truncate">
				<Text bold>complement</Text> <Text dimColor>{sanitizeTerminalText(state.title)}</Text>
			</Text>
			<Text wrap="truncate">
				<Text color="green">{c.pass} pass</Text> <Text color="red">{c.fail} fail</Text>{' '}
				<Text color="yellow">{c.skip} skip</Text> <Text color="cyan">{c.running} running</Text>
				{'  '}
				<Text color={state.regressions > 0 ? 'red' : undefined} bold={state.regressions > 0}>
					{state.baselinePath === undefined || !state.model.baseline
						? 'no baseline'
						: `${state.regressions} regressions`}
				</Text>
				{'  '}
				{rate} tests/min {formatElapsed(elapsed)} {status}
				{state.filter !== 'all' ? `  filter: ${state.filter}` : ''}
				{state.query !== '' ? `  search: ${sanitizeTerminalText(state.query)}` : ''}
			</Text>
		</Box>
	);
}

/** The last lines of a text buffer, `scroll` lines up from the bottom. */
export function TextPane(props: {
	title: string;
	lines: readonly string[];
	height: number;
	empty: string;
}) {
	const {lines, height} = props;
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate">
				{sanitizeTerminalText(props.title)}
			</Text>
			{lines.length === 0 ? <Text dimColor>{props.empty}</Text> : null}
			{lines.slice(-Math.max(1, height - 1)).map((line, i) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
				<Text key={i} wrap="truncate">
					{sanitizeTerminalText(line.replaceAll('\t', '    ')) || ' '}
				</Text>
			))}
		</Box>
	);
}

const HELP_LINES = [
	'↑/↓ or j/k   move            PgUp/PgDn  page',
	'Enter        expand or collapse a test',
	'/            fuzzy search (Enter keeps it, Esc clears it)',
	'1 2 3 4      show only fail / pass / skip / running (again, or 0: all)',
	's            cycle the state filter',
	'l            raw log          o  output of the selected test',
	'a            adopt these results as the baseline (asks y/n)',
	'q            quit (asks first while the run goes on)   Ctrl-C  cancel the run and quit',
	'?            this help (any key closes it)',
];

export function Help() {
	return (
		<Box flexDirection="column">
			<Text bold>Keys</Text>
			{HELP_LINES.map((l) => (
				<Text key={l} wrap="truncate">
					{l}
				</Text>
			))}
		</Box>
	);
}

export function Footer({state}: {state: ComplementState}) {
	if (state.mode === 'search')
		return (
			<Text wrap="truncate">
				/{sanitizeTerminalText(state.query)}
				<Text inverse> </Text> <Text dimColor>Enter keep · Esc clear</Text>
			</Text>
		);
	if (state.mode === 'confirm-adopt')
		return (
			<Text wrap="truncate" color="yellow">
				Write these results to {state.baselinePath} as the new baseline? (y/n)
			</Text>
		);
	if (state.mode === 'confirm-quit')
		return (
			<Text wrap="truncate" color="yellow">
				The run is still going. Cancel it and quit? (y/n)
			</Text>
		);
	if (state.message !== undefined) return <Text wrap="truncate">{state.message}</Text>;
	const keys =
		state.mode === 'log' || state.mode === 'output'
			? '↑↓ scroll · PgUp/PgDn · Esc back · q quit'
			: '↑↓ move · Enter expand · / search · 1-4 s filter · l log · o output · a adopt · ? help · q quit';
	return (
		<Text dimColor wrap="truncate">
			{keys}
		</Text>
	);
}
