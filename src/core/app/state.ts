// The explorer's state: what is on screen and why. Plain data only; the actions that change it
// live in ./actions, one file per concern, and src/core/app/store.ts puts them together.

import type {LaunchState} from './actions/launch.js';
import {NO_FILTER} from './filter.js';
import type {Viewport} from './layout.js';
import type {BlockTree} from './tree-rows.js';
import type {
	AppOptions,
	Focus,
	LoadError,
	Mode,
	Orientation,
	SearchHit,
	TreeResult,
	TreeRow,
	VectorFilter,
} from './types.js';

export interface AppState extends LaunchState {
	readonly options: AppOptions;
	readonly status: 'loading' | 'ready' | 'failed';
	readonly tree: TreeResult | null;
	readonly error: LoadError | null;
	readonly loads: number;
	readonly orientation: Orientation;
	readonly expanded: ReadonlySet<string>;
	readonly filter: VectorFilter;
	readonly selection: ReadonlySet<string>;
	/** Variable values edited in the TUI (on top of `--var`). */
	readonly vars: Readonly<Record<string, string>>;
	/** Values added to list variables, kept as toggles after they are switched off. */
	readonly listExtras: Readonly<Record<string, readonly string[]>>;
	readonly blockTree: BlockTree | null;
	readonly rows: readonly TreeRow[];
	readonly cursor: number;
	readonly scroll: number;
	readonly viewport: Viewport;
	readonly focus: Focus;
	readonly sideTab: Exclude<Focus, 'tree'>;
	readonly axisCursor: number;
	readonly varCursor: number;
	readonly inspectScroll: number;
	readonly mode: Mode;
	readonly searchHits: readonly SearchHit[];
	readonly dockerfiles: ReadonlyMap<string, {readonly text?: string; readonly error?: string}>;
	readonly summary: {readonly selected: number; readonly closure: number};
	readonly message: string | null;
	readonly quitting: boolean;
}

export const DEFAULT_VIEWPORT: Viewport = {columns: 120, rows: 40};

export function initialState(options: AppOptions, viewport: Viewport): AppState {
	return {
		options,
		status: 'loading',
		tree: null,
		error: null,
		loads: 0,
		orientation: options.topDown ? 'top-down' : 'bottom-up',
		expanded: new Set(),
		filter: NO_FILTER,
		selection: new Set(),
		vars: {},
		listExtras: {},
		blockTree: null,
		rows: [],
		cursor: 0,
		scroll: 0,
		viewport,
		focus: 'tree',
		sideTab: 'inspector',
		axisCursor: 0,
		varCursor: 0,
		inspectScroll: 0,
		mode: {kind: 'normal'},
		searchHits: [],
		dockerfiles: new Map(),
		summary: {selected: 0, closure: 0},
		message: null,
		quitting: false,
		build: null,
		complement: null,
	};
}
