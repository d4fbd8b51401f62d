// The build view: every target of the build in one list (running, waiting, finished), the
// focused target's steps and log tail, or 2-4 pinned targets side by side. Draws slices of a
// BuildStore and sends intents; never touches buildx itself.

import {Box, Text} from 'ink';
import {useEffect, useMemo, useState} from 'react';
import {useStore} from 'zustand';
import {buildProgress, targetRows} from '../../core/progress/rows.js';
import type {BuildStore} from '../../core/progress/store.js';
import {useViewKeys} from '../view-keys.js';
import {clip, ROW_COLOR, seconds} from './format.js';
import {KEYS} from './keys.js';
import {paneRows} from './pane-model.js';
import {TargetList} from './target-list.js';
import {TargetPane} from './target-pane.js';
import {useTerminalSize} from './use-terminal-size.js';

export interface BuildViewProps {
	readonly store: BuildStore;
	readonly onExit: () => void;
	/** Size override (tests); default: the terminal's. */
	readonly size?: {columns: number; rows: number};
}

/** One clock for every timer on screen (not one per row). */
function useNow(active: boolean): number {
	const [now, setNow] = useState(() => Date.now());
	useEffect(() => {
		if (!active) return;
		const t = setInterval(() => setNow(Date.now()), 500);
		return () => clearInterval(t);
	}, [active]);
	return now;
}

export function BuildView({store, onExit, size}: BuildViewProps) {
	const term = useTerminalSize();
	const {columns, rows: termRows} = size ?? term;
	const version = useStore(store, (s) => s.version);
	const build = useStore(store, (s) => s.build);
	const phase = useStore(store, (s) => s.phase);
	const ui = useStore(store, (s) => s.ui);
	const title = useStore(store, (s) => s.title);
	const runId = useStore(store, (s) => s.runId);
	const exitCode = useStore(store, (s) => s.exitCode);
	const canceling = useStore(store, (s) => s.canceling);
	const problem = useStore(store, (s) => s.problem);
	const waitsFor = useStore(store, (s) => s.waitsFor);
	const liveBuild = useStore(store, (s) => s.live);
	const actions = useStore(store, (s) => s.actions);
	const live = phase !== 'finished';
	const [zoom, setZoom] = useState(false);
	const wallNow = useNow(live && liveBuild);
	// Replays have no wall clock: "now" is the last event time in the stream.
	// biome-ignore lint/correctness/useExhaustiveDependencies: version marks BuildState changes
	const rows = useMemo(() => targetRows(build, live, waitsFor), [build, version, live, waitsFor]);
	// biome-ignore lint/correctness/useExhaustiveDependencies: version marks BuildState changes
	const progress = useMemo(() => buildProgress(build), [build, version]);
	const selected = ui.selected ?? rows[0]?.name;

	useViewKeys((input, key) => {
		if (ui.searching) {
			if (key.escape) actions.closeSearch(false);
			else if (key.return) actions.closeSearch(true);
			else if (key.backspace || key.delete) actions.setQuery(ui.query.slice(0, -1));
			else if (input && !key.ctrl && !key.meta) actions.setQuery(ui.query + input);
			return;
		}
		if (ui.help) {
			actions.toggleHelp();
			return;
		}
		if (key.upArrow || input === 'k') actions.move(-1);
		else if (key.downArrow || input === 'j') actions.move(1);
		else if (key.return) setZoom((z) => !z);
		else if (input === 'p') actions.togglePin(selected);
		else if (input === 'f') actions.toggleFollow();
		else if (key.pageUp || (key.ctrl && input === 'u'))
			actions.scrollLog(Math.max(1, termRows - 8));
		else if (key.pageDown || (key.ctrl && input === 'd'))
			actions.scrollLog(-Math.max(1, termRows - 8));
		else if (input === 'G') actions.scrollLog(-Number.MAX_SAFE_INTEGER);
		else if (input === '/') actions.openSearch();
		else if (key.escape && ui.query) actions.closeSearch(false);
		else if (input === 'x') actions.cancel();
		else if (input === 'r') actions.rebuildFailed();
		else if (input === '?') actions.toggleHelp();
		else if (input === 'q' || (key.ctrl && input === 'c')) {
			if (key.ctrl && live && liveBuild) actions.cancel();
			else onExit();
		}
	});

	// Frame height stays below the terminal's (Ink 6 clears the screen otherwise).
	const height = Math.max(6, termRows - 1);
	const failures = live ? [] : rows.filter((r) => r.status === 'failed');
	const summaryLines = live ? 0 : Math.min(1 + failures.length, 5);
	const bodyHeight = Math.max(1, height - 2 - summaryLines);
	// Step timers run on the wall clock while buildx runs (its times are on the client clock);
	// a finished build or a replay is timed by its own events.
	const nowMs = live && liveBuild ? wallNow : latest(rows);
	const startedAt = useStore(store, (s) => s.startedAt);
	const endedAt = useStore(store, (s) => s.endedAt);

	const header = useMemo(() => {
		const first = rows.reduce<number | undefined>((m, r) => {
			const t = r.summary.firstStarted?.ms;
			return t !== undefined && (m === undefined || t < m) ? t : m;
		}, undefined);
		const elapsed =
			liveBuild && startedAt !== undefined
				? seconds((endedAt ?? wallNow) - startedAt)
				: first !== undefined
					? seconds(nowMs - first)
					: '0.0s';
		const state = problem
			? 'CANNOT START'
			: canceling
				? 'CANCELING'
				: live
					? 'Building'
					: exitCode === 130
						? 'CANCELED'
						: exitCode === 0 || exitCode === null
							? 'FINISHED'
							: `FAILED (exit ${exitCode})`;
		return `[+] ${state} ${elapsed} (${progress.done}/${progress.total})  ${title}${runId ? `  run ${runId}` : ''}`;
	}, [
		rows,
		nowMs,
		problem,
		canceling,
		live,
		exitCode,
		progress,
		title,
		runId,
		liveBuild,
		startedAt,
		endedAt,
		wallNow,
	]);

	if (ui.help) {
		return (
			<Box flexDirection="column" height={height}>
				<Text bold>Build view keys</Text>
				{KEYS.map((k) => (
					<Text key={k.keys}>{`  ${k.keys.padEnd(12)}${k.what}`}</Text>
				))}
				<Text dimColor>any key closes this help</Text>
			</Box>
		);
	}

	const listWidth = zoom ? 0 : Math.min(44, Math.max(24, Math.floor(columns * 0.3)));
	const paneWidth = Math.max(10, columns - listWidth - (zoom ? 0 : 1));
	const pinned = ui.pins.filter((p) => build.targets.has(p));
	const paneNames = pinned.length >= 2 ? pinned : selected !== undefined ? [selected] : [];
	const each = Math.max(10, Math.floor(paneWidth / Math.max(1, paneNames.length)) - 1);
	const paneOpts = {
		height: bodyHeight - 1,
		nowMs,
		live,
		scroll: ui.scroll,
		query: ui.query,
	};

	const footerKeys = KEYS.filter(
		(k) =>
			!k.when ||
			k.when === 'always' ||
			(k.when === 'live' ? live && liveBuild : !live && liveBuild),
	)
		.map((k) => `${k.keys} ${k.what}`)
		.join('  ');
	const footer = ui.searching
		? `/${ui.query}▏ (Enter keep, Esc clear)`
		: (ui.notice ?? `${ui.follow ? '' : '[follow off] '}${footerKeys}`);

	return (
		<Box flexDirection="column" height={height} width={columns}>
			<Text bold wrap="truncate">
				{clip(header, columns - 1)}
			</Text>
			{problem ? (
				<Box flexDirection="column" height={bodyHeight}>
					<Text color="red">{clip(problem.problem, columns - 1)}</Text>
					{problem.fix ? <Text>{clip(`fix: ${problem.fix}`, columns - 1)}</Text> : null}
				</Box>
			) : (
				<Box flexDirection="row" height={bodyHeight}>
					{zoom ? null : (
						<Box width={listWidth + 1} flexDirection="column">
							<Text dimColor>{clip(`Targets (${rows.length})`, listWidth)}</Text>
							<TargetList
								rows={rows}
								selected={selected}
								pins={ui.pins}
								width={listWidth}
								height={bodyHeight - 1}
								nowMs={nowMs}
								live={live}
							/>
						</Box>
					)}
					{paneNames.map((name) => {
						const row = rows.find((r) => r.name === name);
						const stepRows = Math.max(3, Math.floor((bodyHeight - 2) * 0.45));
						const paneRowsList = paneRows(build, name, {...paneOpts, width: each, stepRows});
						const s = row?.summary;
						const t = `${name}  ${row?.status ?? ''}  ${s ? `${s.completed}/${s.steps}` : ''}`;
						return (
							<Box key={name} marginRight={1}>
								<TargetPane
									title={clip(t, each)}
									titleColor={row ? ROW_COLOR[row.status] : undefined}
									rows={paneRowsList}
									width={each}
									height={bodyHeight}
								/>
							</Box>
						);
					})}
				</Box>
			)}
			{summaryLines > 0 ? (
				<Box flexDirection="column" height={summaryLines}>
					<Text bold wrap="truncate">
						{clip(summaryHeadline(rows, exitCode), columns - 1)}
					</Text>
					{failures.slice(0, summaryLines - 1).map((r) => (
						<Text key={r.name} color="red" wrap="truncate">
							{clip(
								`  ✗ ${r.name}: ${r.summary.failedStep?.name ?? ''}: ${r.summary.error ?? ''}`,
								columns - 1,
							)}
						</Text>
					))}
				</Box>
			) : null}
			<Text dimColor wrap="truncate">
				{clip(footer, columns - 1)}
			</Text>
		</Box>
	);
}

function latest(
	rows: readonly {summary: {lastCompleted?: {ms: number}; firstStarted?: {ms: number}}}[],
): number {
	let m = 0;
	for (const r of rows)
		m = Math.max(m, r.summary.lastCompleted?.ms ?? r.summary.firstStarted?.ms ?? 0);
	return m;
}

function summaryHeadline(rows: readonly {status: string}[], exitCode: number | null): string {
	const count = (s: string) => rows.filter((r) => r.status === s).length;
	const parts = [
		`${count('succeeded')} built`,
		`${count('cached')} cached`,
		`${count('failed')} failed`,
		`${count('canceled')} canceled`,
		`${count('incomplete')} incomplete`,
	].filter((p) => !p.startsWith('0 '));
	return `Summary: ${parts.join(', ') || 'nothing built'}${exitCode !== null ? ` (exit ${exitCode})` : ''}`;
}
