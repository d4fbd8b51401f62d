// The dependency graph that every view draws: resolved target instances and the
// `target:` context links between them (after inherits are merged). "Root" is the base
// everything builds on (tuwunel's `system`); "leaf" is a target nothing depends on.
// Drawn root at the bottom, as a bake file reads.

import type {Range} from '../diagnostics.js';

export interface GraphNode {
	/** The resolved target name (a matrix instance name). */
	readonly name: string;
	/** The block label that generated it. */
	readonly block: string;
	/** Matrix key -> value as text, in key order of the matrix. Empty without a matrix. */
	readonly vector: ReadonlyMap<string, string>;
	readonly description?: string;
	/** Targets this one reads through `target:` contexts: context key -> target name. */
	readonly inputs: ReadonlyMap<string, string>;
	/** Targets that read this one, sorted. */
	readonly dependents: readonly string[];
	/** Distance from the farthest root below it (a root has depth 0). */
	readonly depth: number;
	readonly range?: Range;
}

export interface MatrixAxis {
	readonly name: string;
	/** Every value the axis takes anywhere in the tree, in first-seen order. */
	readonly values: readonly string[];
	/** Blocks whose matrix has this axis. */
	readonly blocks: readonly string[];
}

export interface BlockInfo {
	readonly name: string;
	/** Instances in expansion order. */
	readonly instances: readonly string[];
	readonly hasMatrix: boolean;
	readonly range?: Range;
}

export interface Graph {
	/** Every node, keyed by name, in definition order. */
	readonly nodes: ReadonlyMap<string, GraphNode>;
	/** Blocks in definition order. */
	readonly blocks: ReadonlyMap<string, BlockInfo>;
	/** Nodes without inputs. */
	readonly roots: readonly string[];
	/** Nodes without dependents. */
	readonly leaves: readonly string[];
	readonly axes: readonly MatrixAxis[];
	/** Each cycle as the names along it, first name repeated at the end. */
	readonly cycles: readonly (readonly string[])[];
	/** Names of `target:` links that point at no target: [from, contextKey, missingName]. */
	readonly dangling: readonly (readonly [string, string, string])[];
}
