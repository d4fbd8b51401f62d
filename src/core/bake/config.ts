// The raw configuration: what buildx's `bake.ParseFile(s)` returns. Groups and targets in
// first-definition order, matrices expanded, variables and functions evaluated, NO inherits,
// defaults or normalisation (that is resolve/, buildx's `ReadTargets`).
//
// Targets hold their fields under the HCL/JSON field names so that a path such as
// ['targets', 0, 'cache-from'] reads the same as buildx's Go test assertions. Unset fields are
// absent. Composite entries (output, cache-from, cache-to, attest, secret, ssh) are kept as
// written - a CSV string or a string map - and parsed during resolution.

import type {Type, Value} from '../cty/value.js';
import type {Range} from '../diagnostics.js';

/** A composite entry as written: `"type=local,dest=out"` or `{type = "local", dest = "out"}`. */
export type CompositeEntry = string | Readonly<Record<string, string>>;

export type StringMap = Readonly<Record<string, string | null>>;

export interface RawTargetFields {
	readonly description?: string | null;
	readonly inherits?: readonly string[];
	readonly annotations?: readonly string[];
	readonly attest?: readonly CompositeEntry[];
	readonly context?: string | null;
	readonly contexts?: StringMap;
	readonly dockerfile?: string | null;
	readonly 'dockerfile-inline'?: string | null;
	readonly args?: StringMap;
	readonly labels?: StringMap;
	readonly tags?: readonly string[];
	readonly 'cache-from'?: readonly CompositeEntry[];
	readonly 'cache-to'?: readonly CompositeEntry[];
	readonly target?: string | null;
	readonly secret?: readonly CompositeEntry[];
	readonly ssh?: readonly CompositeEntry[];
	readonly platforms?: readonly string[];
	readonly output?: readonly CompositeEntry[];
	readonly pull?: boolean | null;
	readonly 'no-cache'?: boolean | null;
	readonly network?: string | null;
	readonly 'no-cache-filter'?: readonly string[];
	readonly 'shm-size'?: string | null;
	readonly ulimits?: readonly string[];
	/** Field-wise: memory, memory-swap, cpu-shares, cpu-period, cpu-quota, cpuset-cpus, cpuset-mems. */
	readonly resources?: Readonly<Record<string, string | number | null>> | null;
	readonly call?: string | null;
	readonly entitlements?: readonly string[];
	readonly 'extra-hosts'?: StringMap;
	readonly policy?: readonly CompositeEntry[];
}

export type TargetField = keyof RawTargetFields;

/** Field names in the order `--print` writes them (buildx's Target struct order). */
export const TARGET_FIELDS: readonly TargetField[] = [
	'description',
	'inherits',
	'annotations',
	'attest',
	'context',
	'contexts',
	'dockerfile',
	'dockerfile-inline',
	'args',
	'labels',
	'tags',
	'cache-from',
	'cache-to',
	'target',
	'secret',
	'ssh',
	'platforms',
	'output',
	'pull',
	'no-cache',
	'network',
	'no-cache-filter',
	'shm-size',
	'ulimits',
	'resources',
	'call',
	'entitlements',
	'extra-hosts',
	'policy',
];

export interface RawTarget extends RawTargetFields {
	readonly name: string;
}

export interface RawGroup {
	readonly name: string;
	readonly description?: string | null;
	readonly targets: readonly string[];
}

/** Where a target instance came from; used by the tree, `check` and the inspector. */
export interface TargetOrigin {
	/** The block label (before `name` renamed the instance). */
	readonly block: string;
	/** Range of every block that contributed (duplicate blocks merge), first first. */
	readonly blockRanges: readonly Range[];
	/** Matrix key -> value of this instance; empty without a matrix. */
	readonly matrix: ReadonlyMap<string, Value>;
	/** Where each field's attribute was written (last writer wins, as the value does). */
	readonly fieldRanges: Readonly<Partial<Record<TargetField, Range>>>;
	/**
	 * The file whose directory is the default context with BUILDX_BAKE_FILE_RELATIVE_PATHS, when
	 * it is not the first block's file (compose services: the first compose file, as in buildx).
	 */
	readonly contextBaseFile?: string;
}

export interface GroupOrigin {
	readonly blockRanges: readonly Range[];
	/** Groups that bake adds for a renamed or matrix block have no block of their own. */
	readonly generated: boolean;
	readonly targetRanges?: Readonly<Record<number, Range>>;
}

export type VariableSource =
	| 'default'
	| 'attribute'
	| 'env'
	| 'env-json'
	| 'var'
	| 'builtin'
	| 'unset';

export interface VariableInfo {
	readonly name: string;
	readonly description?: string;
	/** Declared type constraint, when the block has `type`. */
	readonly type?: Type;
	readonly value: Value;
	readonly defaultValue?: Value;
	readonly source: VariableSource;
	readonly range?: Range;
}

export interface RawConfig {
	readonly groups: readonly RawGroup[];
	readonly targets: readonly RawTarget[];
	readonly targetOrigins: ReadonlyMap<string, TargetOrigin>;
	readonly groupOrigins: ReadonlyMap<string, GroupOrigin>;
	/** Declared variables (not top-level attributes), sorted by name. */
	readonly variables: readonly VariableInfo[];
	/** Source text of every file read, for snippets. */
	readonly sources: ReadonlyMap<string, string>;
}

export interface SourceFile {
	readonly name: string;
	readonly content: string;
}

export interface ParseOptions {
	/** The process environment as bake sees it (variable overrides, NAME_JSON). */
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** `--var NAME=VALUE` values; win over env. */
	readonly vars?: Readonly<Record<string, string>>;
	/** Built-in variables (BAKE_CMD_CONTEXT, BAKE_LOCAL_PLATFORM, ...): they win over everything. */
	readonly defaults?: Readonly<Record<string, string>>;
	/**
	 * Compose files only: the directory their `.env`, `env_file`, `include` and `extends.file`
	 * are read from (default: the process's working directory, as buildx).
	 */
	readonly cwd?: string;
	/** Compose files only: reads a file by absolute path, undefined when missing (default: fs). */
	readonly readFile?: (path: string) => string | undefined;
}
