// What a build of some targets needs from the tree, computed once for the CLI and the explorer:
// the closure bake will run, who waits for whom, the declared variables to pass as environment
// (never the whole environment) and the entitlements the closure asks for.

import type {RawConfig} from '../bake/config.js';
import {closure} from '../graph/queries.js';
import type {Graph} from '../graph/types.js';
import type {WaitsFor} from '../progress/rows.js';

export interface BuildPlan {
	/** Every target the build runs: the requested ones plus their `target:` inputs. */
	readonly knownTargets: readonly string[];
	readonly closure: (targets: readonly string[]) => readonly string[];
	readonly waitsFor: WaitsFor;
	/** Only the bake file's declared variables, from the values given. */
	readonly vars: Readonly<Record<string, string>>;
	/** Entitlements requested by any target of the closure, sorted. */
	readonly entitlements: readonly string[];
}

export interface PlanInput {
	readonly raw: Pick<RawConfig, 'variables'>;
	readonly graph: Graph;
	readonly targets: readonly string[];
	readonly vars: Readonly<Record<string, string>>;
	/** A resolved target's `entitlements` (network.host is added by resolution for network=host). */
	readonly entitlementsOf: (target: string) => readonly string[] | undefined;
	/** Group name -> its targets (the CLI's `default`); targets map to themselves. */
	readonly expand?: (name: string) => readonly string[];
}

/** The targets plus everything they read, in first-reached order; unknown names are dropped. */
export function closureOfAll(graph: Graph, targets: Iterable<string>): string[] {
	const out = new Set<string>();
	for (const t of targets) if (!out.has(t)) for (const n of closure(graph, t)) out.add(n);
	return [...out];
}

/** Same, keeping names the graph does not know (bake reports those itself). */
function buildClosure(graph: Graph, targets: readonly string[]): string[] {
	return [...new Set([...closureOfAll(graph, targets), ...targets])];
}

export function planBuild(input: PlanInput): BuildPlan {
	const {graph} = input;
	const requested = input.expand
		? input.targets.flatMap((t) => input.expand?.(t) ?? [t])
		: input.targets;
	const knownTargets = buildClosure(graph, requested);
	const declared = new Set(input.raw.variables.map((v) => v.name));
	const vars: Record<string, string> = {};
	for (const [k, v] of Object.entries(input.vars)) if (declared.has(k)) vars[k] = v;
	const ents = new Set<string>();
	for (const t of knownTargets) for (const e of input.entitlementsOf(t) ?? []) ents.add(e);
	return {
		knownTargets,
		closure: (targets) => buildClosure(graph, targets),
		waitsFor: (target) => [...new Set(graph.nodes.get(target)?.inputs.values() ?? [])],
		vars,
		entitlements: [...ents].sort(),
	};
}

/** Entitlements requested but not granted, e.g. for buildx's "additional privileges" check. */
export function missingEntitlements(
	requested: readonly string[],
	allowed: readonly string[],
): string[] {
	const given = new Set(allowed);
	return requested.filter((e) => !given.has(e));
}
