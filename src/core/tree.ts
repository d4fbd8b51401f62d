// The one entry point for a whole tree: parse the files, build the graph from every target
// instance's links (so that the views see everything, not only what a build would request),
// and resolve targets as they are read.
//
// The graph needs only each target's `target:` contexts (after inherits and --set) and its
// description, so it is built from those fields alone (./bake/resolve/links.ts). Full
// resolution happens per target on first read: the tree browser reads one target at a time
// (the inspector, a build), `check` reads them all.

import type {RawConfig, RawTarget, SourceFile} from './bake/config.js';
import {bakeDefaults} from './bake/discover.js';
import {parseBakeFiles} from './bake/parse/index.js';
import {BakeError} from './bake/resolve/errors.js';
import {resolveLinks} from './bake/resolve/links.js';
import {type EntitlementConf, newEntitlements, type Overrides} from './bake/resolve/overrides.js';
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
	/** One target as in `targets`, resolved alone; undefined for a name that is no target. */
	target(name: string): Target | undefined;
	/** Why the target's resolution failed (as in `problems`), or undefined when it did not. */
	problemOf(name: string): Diagnostic | undefined;
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
	const resolved = new TargetsOnRead(raw, resolver, overrides);
	const links = resolveLinks(raw, overrides, (name) => resolved.target(name));
	return {raw, resolved, graph: buildGraph(raw, links)};
}

/**
 * A target as it declares itself, for one whose resolution failed; only its name and
 * description when even its own fields do not parse (`secret = ["id"]`).
 */
function declared(raw: RawTarget): Target {
	try {
		return fromRaw(raw);
	} catch (err) {
		if (!(err instanceof BakeError)) throw err;
		return {name: raw.name, description: raw.description ?? '', linked: false};
	}
}

/** Resolves each target the first time it is read, and all of them when all are read. */
class TargetsOnRead implements ResolvedSet {
	readonly resolver: Resolver;
	readonly #raw: RawConfig;
	readonly #overrides: Overrides;
	readonly #ent: EntitlementConf = newEntitlements();
	readonly #one = new Map<string, Target>();
	readonly #failed = new Map<string, Diagnostic>();
	#all: Map<string, Target> | undefined;

	constructor(raw: RawConfig, resolver: Resolver, overrides: Overrides) {
		this.#raw = raw;
		this.resolver = resolver;
		this.#overrides = overrides;
	}

	target(name: string): Target | undefined {
		const done = this.#one.get(name);
		if (done) return done;
		if (!this.resolver.hasTarget(name)) return undefined;
		let t: Target;
		try {
			t = this.resolver.resolveTarget(name, this.#overrides, this.#ent);
		} catch (err) {
			if (!(err instanceof BakeError)) throw err;
			const range = this.#raw.targetOrigins.get(name)?.blockRanges[0];
			const summary = `target ${name}: ${err.message}`;
			this.#failed.set(
				name,
				range
					? {severity: 'error', summary, detail: '', range}
					: {severity: 'error', summary, detail: ''},
			);
			// Keep the node visible with what it declares itself.
			t = declared(this.resolver.rawTargetOf(name) as RawTarget);
		}
		this.#one.set(name, t);
		return t;
	}

	problemOf(name: string): Diagnostic | undefined {
		this.target(name);
		return this.#failed.get(name);
	}

	get targets(): ReadonlyMap<string, Target> {
		if (!this.#all) {
			const all = new Map<string, Target>();
			for (const t of this.#raw.targets)
				if (!all.has(t.name)) all.set(t.name, this.target(t.name) as Target);
			this.#all = all;
		}
		return this.#all;
	}

	get problems(): readonly Diagnostic[] {
		const out: Diagnostic[] = [];
		for (const name of this.targets.keys()) {
			const d = this.#failed.get(name);
			if (d) out.push(d);
		}
		return out;
	}
}
