// The build view's store (zustand vanilla, no React): the mutable BuildState plus a version
// counter bumped at most every `flushMs`, and the view's own state (selection, pins, follow,
// scroll, search). Components draw slices of it and send intents through `actions`.

import {createStore, type StoreApi} from 'zustand/vanilla';
import {BuildState, type BuildStateOptions} from './build-state.js';
import {targetRows, type WaitsFor} from './rows.js';

export type BuildPhase = 'starting' | 'running' | 'finished';

export interface BuildController {
	cancel(): void;
	/** Starts a new run of these targets into the same store. */
	rebuild?(targets: readonly string[]): void;
}

export interface BuildProblem {
	readonly problem: string;
	readonly fix?: string;
}

export interface BuildUiState {
	readonly selected: string | undefined;
	/** Until the user moves, the selection jumps to the first failure. */
	readonly userMoved: boolean;
	readonly pins: readonly string[];
	readonly follow: boolean;
	/** Log lines scrolled up from the bottom (when not following). */
	readonly scroll: number;
	readonly searching: boolean;
	readonly query: string;
	readonly help: boolean;
	readonly notice: string | undefined;
}

export interface BuildStoreState {
	readonly build: BuildState;
	readonly version: number;
	readonly phase: BuildPhase;
	readonly exitCode: number | null;
	readonly canceling: boolean;
	readonly title: string;
	readonly runId: string | undefined;
	/** Wall-clock start and end of the current run (ms), for the header timer. */
	readonly startedAt: number | undefined;
	readonly endedAt: number | undefined;
	readonly problem: BuildProblem | undefined;
	readonly waitsFor: WaitsFor | undefined;
	/** Whether `x` / `r` do anything (false for a replay). */
	readonly live: boolean;
	readonly ui: BuildUiState;
	readonly actions: BuildActions;
}

export interface BuildActions {
	/** Marks the BuildState as changed (called by the batching ingestor). */
	bump(): void;
	begin(opts: {build?: BuildState; runId?: string; title?: string}): void;
	finish(exitCode: number | null): void;
	fail(problem: BuildProblem): void;
	attach(controller: BuildController | undefined): void;
	move(delta: number): void;
	select(name: string): void;
	togglePin(name?: string): void;
	toggleFollow(): void;
	scrollLog(delta: number): void;
	openSearch(): void;
	setQuery(query: string): void;
	closeSearch(keep: boolean): void;
	toggleHelp(): void;
	cancel(): void;
	rebuildFailed(): void;
}

export type BuildStore = StoreApi<BuildStoreState>;

export interface CreateBuildStoreOptions extends BuildStateOptions {
	readonly title?: string;
	readonly waitsFor?: WaitsFor;
	readonly live?: boolean;
}

export const MAX_PINS = 4;

export function createBuildStore(opts: CreateBuildStoreOptions = {}): BuildStore {
	let controller: BuildController | undefined;
	const store = createStore<BuildStoreState>()((set, get) => {
		const setUi = (patch: Partial<BuildUiState>) => set((s) => ({ui: {...s.ui, ...patch}}));
		const rows = () => {
			const s = get();
			return targetRows(s.build, s.phase !== 'finished', s.waitsFor);
		};
		return {
			build: new BuildState(opts),
			version: 0,
			phase: 'starting',
			exitCode: null,
			canceling: false,
			title: opts.title ?? 'build',
			runId: undefined,
			startedAt: undefined,
			endedAt: undefined,
			problem: undefined,
			waitsFor: opts.waitsFor,
			live: opts.live ?? false,
			ui: {
				selected: undefined,
				userMoved: false,
				pins: [],
				follow: true,
				scroll: 0,
				searching: false,
				query: '',
				help: false,
				notice: undefined,
			},
			actions: {
				bump: () => set((s) => ({version: s.version + 1})),
				begin: ({build, runId, title}) =>
					set((s) => ({
						build: build ?? s.build,
						runId,
						title: title ?? s.title,
						phase: 'running',
						startedAt: Date.now(),
						endedAt: undefined,
						exitCode: null,
						canceling: false,
						problem: undefined,
						version: s.version + 1,
						ui: {...s.ui, userMoved: false, scroll: 0, follow: true, notice: undefined},
					})),
				finish: (exitCode) => {
					get().build.finish(exitCode);
					set((s) => ({
						phase: 'finished',
						exitCode,
						canceling: false,
						endedAt: Date.now(),
						version: s.version + 1,
					}));
					// On failure, show the failing target at once unless the user chose another.
					const s = get();
					if (!s.ui.userMoved) {
						const failed = rows().find((r) => r.status === 'failed');
						if (failed) setUi({selected: failed.name, follow: true, scroll: 0});
					}
				},
				fail: (problem) => set({problem, phase: 'finished'}),
				attach: (c) => {
					controller = c;
				},
				move: (delta) => {
					const list = rows();
					if (list.length === 0) return;
					const cur = list.findIndex((r) => r.name === get().ui.selected);
					const base = Math.max(cur, 0);
					const next = Math.max(0, Math.min(list.length - 1, base + (cur < 0 ? 0 : delta)));
					setUi({selected: list[next]?.name, userMoved: true, scroll: 0});
				},
				select: (name) => setUi({selected: name, userMoved: true, scroll: 0}),
				togglePin: (name) => {
					const s = get();
					const target = name ?? s.ui.selected ?? rows()[0]?.name;
					if (target === undefined) return;
					const pins = s.ui.pins;
					if (pins.includes(target)) return setUi({pins: pins.filter((p) => p !== target)});
					if (pins.length >= MAX_PINS)
						return setUi({notice: `at most ${MAX_PINS} pinned targets; unpin one with p`});
					setUi({pins: [...pins, target], notice: undefined});
				},
				toggleFollow: () => setUi({follow: !get().ui.follow, scroll: 0}),
				scrollLog: (delta) => {
					const scroll = Math.max(0, get().ui.scroll + delta);
					setUi({scroll, follow: scroll === 0});
				},
				openSearch: () => setUi({searching: true}),
				setQuery: (query) => setUi({query}),
				closeSearch: (keep) => setUi({searching: false, ...(keep ? {} : {query: ''})}),
				toggleHelp: () => setUi({help: !get().ui.help}),
				cancel: () => {
					const s = get();
					if (!controller || s.phase !== 'running') return;
					set({canceling: true});
					controller.cancel();
				},
				rebuildFailed: () => {
					const s = get();
					if (!controller?.rebuild || s.phase !== 'finished') return;
					const failed = rows()
						.filter((r) => r.status === 'failed' || r.status === 'canceled')
						.map((r) => r.name);
					if (failed.length === 0) return setUi({notice: 'no failed targets to rebuild'});
					controller.rebuild(failed);
				},
			},
		};
	});
	return store;
}

/** Feeds lines into the store's BuildState and bumps the version at most every `flushMs`. */
export function batchedIngest(
	store: BuildStore,
	feed: (line: string) => void,
	flushMs = 50,
): {line(line: string): void; flush(): void} {
	let timer: NodeJS.Timeout | undefined;
	const flush = () => {
		if (timer) clearTimeout(timer);
		timer = undefined;
		store.getState().actions.bump();
	};
	return {
		line(line) {
			feed(line);
			timer ??= setTimeout(flush, flushMs);
		},
		flush,
	};
}
