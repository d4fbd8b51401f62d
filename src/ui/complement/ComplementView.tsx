// The live Complement view. Draws slices of the store and sends it intents; all state lives in
// the store so that the view stays a function of it. Only the rows that fit are rendered and
// the frame is kept one line shorter than the terminal so that it never scrolls.
import {Box, useStdout} from 'ink';
import {type ReactNode, useEffect, useMemo, useRef, useState} from 'react';
import {useStore} from 'zustand';
import type {StateFilter} from '../../core/complement/rows.js';
import {type ComplementStore, selectRows} from '../../core/complement/store.js';
import {terminalSize} from '../terminal.js';
import {useViewKeys} from '../view-keys.js';
import {Footer, Header, Help, TextPane} from './panes.js';
import {TestList, windowStart} from './test-list.js';

const FILTER_KEYS: Record<string, StateFilter> = {
	'0': 'all',
	'1': 'fail',
	'2': 'pass',
	'3': 'skip',
	'4': 'running',
};

function useTerminalSize(): {rows: number; columns: number} {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => terminalSize(stdout));
	useEffect(() => {
		const onResize = () => setSize(terminalSize(stdout));
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}

function useClock(running: boolean): number {
	const [now, setNow] = useState(Date.now);
	useEffect(() => {
		if (!running) return;
		const t = setInterval(() => setNow(Date.now()), 1000);
		return () => clearInterval(t);
	}, [running]);
	return now;
}

export function ComplementView({store, onExit}: {store: ComplementStore; onExit: () => void}) {
	const state = useStore(store);
	const {rows: termRows, columns} = useTerminalSize();
	const now = useClock(state.status === 'running');
	// biome-ignore lint/correctness/useExhaustiveDependencies: version stands for the model's contents
	const rows = useMemo(
		() => selectRows(state),
		[state.version, state.filter, state.query, state.expanded, state.model],
	);
	// Header 2 lines, footer 1, and one spare line so the frame is shorter than the terminal.
	const bodyHeight = Math.max(3, termRows - 4);
	const cursor = Math.max(
		0,
		rows.findIndex((r) => r.test === state.cursor),
	);
	const startRef = useRef(0);
	startRef.current = windowStart(startRef.current, cursor, bodyHeight, rows.length);

	useViewKeys((input, key) => {
		const s = store.getState();
		if (key.ctrl && input === 'c') {
			s.cancelRun();
			onExit();
			return;
		}
		switch (s.mode) {
			case 'search':
				if (key.escape) {
					s.setQuery('');
					s.setMode('tests');
				} else if (key.return) s.setMode('tests');
				else if (key.backspace || key.delete) s.setQuery(s.query.slice(0, -1));
				else if (input && !key.ctrl && !key.meta) s.setQuery(s.query + input);
				return;
			case 'confirm-adopt':
				if (input === 'y' || input === 'Y') s.confirm(true);
				else if (input === 'n' || input === 'N' || key.escape) s.confirm(false);
				return;
			case 'confirm-quit':
				if (input === 'y' || input === 'Y') {
					s.cancelRun();
					onExit();
				} else if (input === 'n' || input === 'N' || key.escape) s.setMode('tests');
				return;
			case 'help':
				s.setMode('tests');
				return;
			case 'log':
			case 'output':
				if (key.upArrow || input === 'k') s.scrollBy(1);
				else if (key.downArrow || input === 'j') s.scrollBy(-1);
				else if (key.pageUp) s.scrollBy(bodyHeight);
				else if (key.pageDown) s.scrollBy(-bodyHeight);
				else if (key.escape || input === 'l' || input === 'o') s.setMode('tests');
				else if (input === 'q') quit();
				return;
			default:
				break;
		}
		if (key.upArrow || input === 'k') s.move(-1);
		else if (key.downArrow || input === 'j') s.move(1);
		else if (key.pageUp) s.move(-bodyHeight);
		else if (key.pageDown) s.move(bodyHeight);
		else if (key.return) s.toggleExpand();
		else if (input === '/') s.setMode('search');
		else if (input === 's') s.cycleFilter();
		else if (input in FILTER_KEYS) {
			const f = FILTER_KEYS[input] ?? 'all';
			s.setFilter(s.filter === f ? 'all' : f);
		} else if (input === 'l') s.setMode('log');
		else if (input === 'o') s.setMode('output');
		else if (input === 'a') s.requestAdopt();
		else if (input === '?') s.setMode('help');
		else if (input === 'q') quit();
		else if (key.escape && s.query !== '') s.setQuery('');
	});

	function quit() {
		const s = store.getState();
		if (s.status === 'running') s.setMode('confirm-quit');
		else onExit();
	}

	let body: ReactNode;
	if (state.mode === 'help') body = <Help />;
	else if (state.mode === 'log') {
		const log = state.model.log;
		const end = Math.max(0, log.length - state.scroll);
		body = (
			<TextPane
				title={`raw log: ${state.lines} lines${log.total > log.length ? ` (last ${log.length} kept; all in the saved run)` : ''}`}
				lines={log.slice(Math.max(0, end - bodyHeight + 1), end)}
				height={bodyHeight}
				empty="Nothing received yet."
			/>
		);
	} else if (state.mode === 'output') {
		const test = state.cursor ?? '';
		const out = state.model.tests.get(test)?.output;
		const end = Math.max(0, (out?.length ?? 0) - state.scroll);
		body = (
			<TextPane
				title={`output of ${test}`}
				lines={out ? out.slice(Math.max(0, end - bodyHeight + 1), end) : []}
				height={bodyHeight}
				empty="No output for this test: only go test -json streams carry a test's own output."
			/>
		);
	} else {
		body = (
			<TestList
				rows={rows}
				start={startRef.current}
				height={bodyHeight}
				cursor={cursor}
				width={columns}
			/>
		);
	}

	return (
		<Box flexDirection="column" width={columns}>
			<Header state={state} now={now} />
			<Box height={bodyHeight} flexDirection="column" overflow="hidden">
				{body}
			</Box>
			<Footer state={state} />
		</Box>
	);
}
