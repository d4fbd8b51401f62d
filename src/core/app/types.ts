// The app store's contracts: what the explorer needs from the outside world (injected, so that
// tests run on hand-made graphs without a terminal) and the shape of its state.

import type {RawConfig, SourceFile} from '../bake/config.js';
import type {BuildHandle, StartBuildOptions} from '../build/start-build.js';
import type {ComplementStore} from '../complement/store.js';
import type {Diagnostic, SourceMap} from '../diagnostics.js';
import type {Graph} from '../graph/types.js';

/** What `loadTree` returns; `resolved` is only read through `AppDeps.resolvedTarget`. */
export interface TreeResult {
	readonly raw: RawConfig;
	readonly resolved: unknown;
	readonly graph: Graph;
}

export interface LoadTreeInput {
	readonly files: SourceFile[];
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly vars: Readonly<Record<string, string>>;
	readonly set: string[];
}

export type LoadTree = (input: LoadTreeInput) => TreeResult | Promise<TreeResult>;

/** What is remembered per bake file between runs. */
export interface PersistedUi {
	readonly cursor?: string;
	readonly filter?: Readonly<Record<string, readonly string[]>>;
	readonly selection?: readonly string[];
	readonly expanded?: readonly string[];
	readonly topDown?: boolean;
}

export interface Persistence {
	load(key: string): PersistedUi | undefined;
	save(key: string, ui: PersistedUi): void;
}

export interface AppDeps {
	readonly loadTree: LoadTree;
	/** Reads a bake file or a Dockerfile (paths as given, relative to cwd). */
	readonly readFile: (path: string) => Promise<string>;
	readonly persistence?: Persistence;
	readonly now: () => number;
	/** One target as `print` shows it (a JSON object), for the inspector. */
	readonly resolvedTarget?: (tree: TreeResult, name: string) => Record<string, unknown> | undefined;
	/** Why a target cannot be resolved (a missing parent, a field that does not parse). */
	readonly targetProblem?: (tree: TreeResult, name: string) => string | undefined;
	/** A resolved target's entitlements (for the `--allow` question before a build). */
	readonly entitlementsOf?: (tree: TreeResult, name: string) => readonly string[] | undefined;
	/**
	 * Starts a build (src/core/build/start-build.ts), possibly after loading it; without it `b`
	 * shows the command only.
	 */
	readonly startBuild?: (opts: StartBuildOptions) => BuildHandle | Promise<BuildHandle>;
	/** Starts a Complement run for one instance; throws an Error whose message is shown. */
	readonly startComplement?: (req: ComplementRequest) => Promise<ComplementRun>;
}

export interface ComplementRequest {
	readonly target: string;
	/** The instance's matrix values, named by the axes (e.g. cargo_profile=test). */
	readonly env: Readonly<Record<string, string>>;
}

export interface ComplementRun {
	readonly target: string;
	readonly store: ComplementStore;
	cancel(): void;
	/** Cancels the run and resolves once it has ended and is saved (see BuildHandle.stop). */
	stop(): Promise<void>;
}

export interface AppOptions {
	/** Bake file paths, in `-f` order. */
	readonly files: readonly string[];
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly set: readonly string[];
	/** `--var` values from the command line; TUI edits go on top. */
	readonly vars: Readonly<Record<string, string>>;
	readonly topDown: boolean;
	/** Where builds run (bake resolves contexts from here); default '.'. */
	readonly cwd?: string;
	/** Key under which the UI state is remembered (see persist.ts). */
	readonly persistKey?: string;
}

export type Orientation = 'bottom-up' | 'top-down';
export type Focus = 'tree' | 'inspector' | 'axes' | 'variables';
export const FOCUS_ORDER: readonly Focus[] = ['tree', 'inspector', 'axes', 'variables'];

export type RowKind = 'block' | 'target' | 'instance';

/** One drawn line of the tree. */
export interface TreeRow {
	/** `b:<block>` for block rows, `t:<target>` for target and instance rows. */
	readonly id: string;
	readonly kind: RowKind;
	readonly label: string;
	readonly block: string;
	/** Box-drawing connectors before the label. */
	readonly prefix: string;
	/** Instances of the block that pass the vector filter / all of them. */
	readonly count: number;
	readonly total: number;
	readonly expanded: boolean;
	/** What this row is built from (blocks for block rows, targets otherwise). */
	readonly inputs: readonly string[];
	/** The target name for target and instance rows. */
	readonly target?: string;
}

export type VectorFilter = ReadonlyMap<string, ReadonlySet<string>>;

export interface LoadError {
	readonly diagnostics: readonly Diagnostic[];
	readonly sources?: SourceMap;
	/** Set when a variable edit caused it. */
	readonly variable?: string;
}

export type Mode =
	| {readonly kind: 'normal'}
	| {readonly kind: 'help'}
	/** The live build view (owns its keys). */
	| {readonly kind: 'build'}
	/** The command a build of the selection runs. */
	| {readonly kind: 'command'}
	/** The y/n question before a build that needs entitlements. */
	| {readonly kind: 'allow'; readonly entitlements: readonly string[]}
	/** The Complement view (owns its keys). */
	| {readonly kind: 'complement'}
	| {readonly kind: 'search'; readonly query: string; readonly cursor: number}
	| {
			readonly kind: 'edit';
			readonly variable: string;
			readonly text: string;
			readonly adding: boolean;
	  };

export interface SearchHit {
	readonly id: string;
	readonly label: string;
	readonly block: string;
	readonly kind: RowKind;
	readonly description?: string;
}
