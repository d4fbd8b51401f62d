// The one entry point for a whole tree: parse the files, resolve every target instance (so
// that the views see everything, not only what a build would request), build the graph.

import type {RawConfig, SourceFile} from './bake/config.js';
import {bakeDefaults} from './bake/discover.js';
import {parseBakeFiles} from './bake/parse/index.js';
import {BakeError} from './bake/resolve/errors.js';
import {newEntitlements} from './bake/resolve/overrides.js';
import {Resolver} from './bake/resolve/read-targets.js';
import {fromRaw, type Target} from './bake/resolve/target.js';
import type {Diagnostic} from './diagnostics.js';
import {buildGraph} from './graph/build-graph.js';
import type {Graph} from './graph/types.js';

export interface LoadTreeOptions {
	readonly files: readonly SourceFile[];
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** `--var NAME=VALUE`. */
	readonly vars?: Readonly<Record<string, string>>;
	/** `--set` values. */
	readonly set?: readonly string[];
	/** Requested names; only recorded (the graph always holds every target). */
	readonly targets?: readonly string[];
}

export interface ResolvedSet {
	/** Every target, resolved (inherits, defaults, --set, normalised); no links added. */
	readonly targets: ReadonlyMap<string, Target>;
	/** Targets whose resolution failed (e.g. a missing parent), with the reason. */
	readonly problems: readonly Diagnostic[];
	readonly resolver: Resolver;
}

export interface LoadedTree {
	readonly raw: RawConfig;
	readonly resolved: ResolvedSet;
	readonly graph: Graph;
}

export function loadTree(opts: LoadTreeOptions): LoadedTree {
	const env = opts.env ?? {};
	const raw = parseBakeFiles(opts.files, {env, vars: opts.vars ?? {}, defaults: bakeDefaults()});
	const resolver = new Resolver(raw);
	const overrides = resolver.parseOverrides(opts.set ?? [], env);
	const ent = newEntitlements();
	const targets = new Map<string, Target>();
	const problems: Diagnostic[] = [];
	for (const t of raw.targets) {
		if (targets.has(t.name)) continue;
		try {
			targets.set(t.name, resolver.resolveTarget(t.name, overrides, ent));
		} catch (err) {
			if (!(err instanceof BakeError)) throw err;
			const range = raw.targetOrigins.get(t.name)?.blockRanges[0];
			problems.push(
				range
					? {severity: 'error', summary: `target ${t.name}: ${err.message}`, detail: '', range}
					: {severity: 'error', summary: `target ${t.name}: ${err.message}`, detail: ''},
			);
			// Keep the node visible with what it declares itself.
			targets.set(t.name, fromRaw(t));
		}
	}
	return {raw, resolved: {targets, problems, resolver}, graph: buildGraph(raw, targets)};
}
