// The Complement view's state: a zustand vanilla store around the mutable RunModel. Lines are
// applied to the model at once (cheap) but published to subscribers at most every `flushMs`,
// so a million-line log costs a handful of renders, not a million.

import {createStore, type StoreApi} from 'zustand/vanilla';
import {buildRows, type Row, STATE_FILTERS, type StateFilter} from './rows.js';
import {RunModel, type RunModelOptions, type TestState} from './run-model.js';

export type RunStatus = 'running' | 'done' | 'canceled';
export type ViewMode =
	| 'tests'
	| 'log'
	| 'output'
	| 'help'
	| 'search'
	| 'confirm-adopt'
	| 'confirm-quit';

export interface RunEnd {
	readonly exitCode: number | undefined;
	readonly canceled: boolean;
	readonly error?: string | undefined;
}

export interface ComplementState {
	readonly model: RunModel;
	/** Bumped on every publish; selectors that read the model depend on it. */
	readonly version: number;
	readonly counts: Readonly<Record<TestState, number>>;
	readonly regressions: number;
	readonly lines: number;
	readonly status: RunStatus;
	readonly end: RunEnd | undefined;
	readonly startedAt: number;
	readonly endedAt: number | undefined;
	readonly title: string;
	readonly baselinePath: string | undefined;
	readonly filter: StateFilter;
	readonly query: string;
	readonly mode: ViewMode;
	readonly cursor: string | undefined;
	readonly expanded: ReadonlySet<string>;
	/** Lines scrolled up from the bottom in the log and output views. */
	readonly scroll: number;
	readonly message: string | undefined;

	// Intents (the view sends these; they never touch the terminal).
	ingestLines(lines: readonly string[]): void;
	flush(): void;
	finish(end: RunEnd): void;
	move(delta: number, pageRows?: number): void;
	toggleExpand(): void;
	setFilter(filter: StateFilter): void;
	cycleFilter(): void;
	setMode(mode: ViewMode): void;
	setQuery(query: string): void;
	scrollBy(delta: number): void;
	requestAdopt(): void;
	/** Answers the pending y/n question (adopt); quitting is the view's to do. */
	confirm(yes: boolean): void;
	cancelRun(): void;
}

export interface ComplementStoreOptions extends RunModelOptions {
	readonly title?: string;
	readonly baselinePath?: string | undefined;
	readonly flushMs?: number;
	readonly now?: () => number;
	/** Writes the current results as the new baseline; resolves to a message for the user. */
	readonly adopt?: () => Promise<string>;
	/** Stops the running command. */
	readonly cancel?: () => void;
}

export type ComplementStore = StoreApi<ComplementState>;

export function createComplementStore(options: ComplementStoreOptions = {}): ComplementStore {
	const model = new RunModel(options);
	const now = options.now ?? Date.now;
	const flushMs = options.flushMs ?? 100;
	let timer: NodeJS.Timeout | undefined;

	return createStore<ComplementState>()((set, get) => {
		const rows = (): Row[] => {
			const s = get();
			return buildRows(s.model, {filter: s.filter, query: s.query, expanded: s.expanded});
		};
		const publish = () => {
			if (timer) clearTimeout(timer);
			timer = undefined;
			set((s) => ({
				version: s.version + 1,
				counts: {...model.counts},
				regressions: model.regressions.size,
				lines: model.lines,
				cursor: s.cursor ?? firstRowKey(rows()),
			}));
		};
		return {
			model,
			version: 0,
			counts: {...model.counts},
			regressions: 0,
			lines: 0,
			status: 'running',
			end: undefined,
			startedAt: now(),
			endedAt: undefined,
			title: options.title ?? '',
			baselinePath: options.baselinePath,
			filter: 'all',
			query: '',
			mode: 'tests',
			cursor: undefined,
			expanded: new Set<string>(),
			scroll: 0,
			message: undefined,

			ingestLines(lines) {
				for (const line of lines) model.ingestLine(line);
				if (!timer) timer = setTimeout(publish, flushMs);
			},
			flush: publish,
			finish(end) {
				publish();
				set({status: end.canceled ? 'canceled' : 'done', end, endedAt: now()});
			},
			move(delta) {
				const list = rows();
				if (list.length === 0) return;
				const at = Math.max(
					0,
					list.findIndex((r) => r.test === get().cursor),
				);
				const next = Math.min(list.length - 1, Math.max(0, at + delta));
				set({cursor: list[next]?.test});
			},
			toggleExpand() {
				const cursor = get().cursor;
				if (cursor === undefined) return;
				const top = cursor.split('/')[0] ?? cursor;
				const expanded = new Set(get().expanded);
				if (expanded.has(top)) expanded.delete(top);
				else expanded.add(top);
				set({expanded, cursor: top});
			},
			setFilter(filter) {
				set({filter});
				set({cursor: keepCursor(rows(), get().cursor)});
			},
			cycleFilter() {
				const i = STATE_FILTERS.indexOf(get().filter);
				get().setFilter(STATE_FILTERS[(i + 1) % STATE_FILTERS.length] ?? 'all');
			},
			setMode(mode) {
				set({mode, scroll: 0, message: undefined});
			},
			setQuery(query) {
				set({query});
				set({cursor: keepCursor(rows(), get().cursor)});
			},
			scrollBy(delta) {
				set((s) => ({scroll: Math.max(0, s.scroll + delta)}));
			},
			requestAdopt() {
				const s = get();
				if (!options.adopt) set({message: 'No baseline file to adopt into.'});
				else if (s.status === 'running')
					set({message: 'The run is still going: adopt it when it ends.'});
				else set({mode: 'confirm-adopt', message: undefined});
			},
			confirm(yes) {
				const mode = get().mode;
				set({mode: 'tests'});
				if (!yes) return;
				if (mode === 'confirm-adopt' && options.adopt) {
					options.adopt().then(
						(message) => set({message}),
						(err: unknown) => set({message: `Adopt failed: ${errorText(err)}`}),
					);
				}
			},
			cancelRun() {
				if (get().status === 'running') options.cancel?.();
			},
		};
	});
}

function firstRowKey(rows: readonly Row[]): string | undefined {
	return rows[0]?.test;
}

function keepCursor(rows: readonly Row[], cursor: string | undefined): string | undefined {
	return rows.some((r) => r.test === cursor) ? cursor : firstRowKey(rows);
}

function errorText(err: unknown): string {
	return err instanceof Error ? err.message : String(err);
}

/** Rows for the current state (memoised per version and view settings by the caller). */
export function selectRows(s: ComplementState): Row[] {
	return buildRows(s.model, {filter: s.filter, query: s.query, expanded: s.expanded});
}
