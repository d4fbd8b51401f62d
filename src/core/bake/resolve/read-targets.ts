// buildx's ReadTargets on a parsed configuration: requested names (globs, groups) expanded,
// each target resolved (inherits left to right, defaults, --set, normalize), then every
// `target:` context followed so that linked targets join the build as cacheonly.

import {dirPath} from '../../go-path.js';
import type {RawConfig, RawGroup, RawTarget} from '../config.js';
import {fileRelativePaths} from '../parse/relative-paths.js';
import {BakeError} from './errors.js';
import {matchPath} from './match.js';
import {
	applyOverrides,
	type EntitlementConf,
	newEntitlements,
	type Overrides,
	parseOverrides,
} from './overrides.js';
import {copyDefined, fromRaw, merge, normalize, type Target} from './target.js';

export interface ResolvedGroup {
	readonly name: string;
	readonly description?: string;
	readonly targets: readonly string[];
}

export interface ReadTargetsOptions {
	/** Requested names or glob patterns; default `["default"]`. */
	readonly targets?: readonly string[];
	/** `--set` values. */
	readonly overrides?: readonly string[];
	/** Environment for `--set X.args.NAME` without a value. */
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** BUILDX_BAKE_FILE_RELATIVE_PATHS=1: local contexts are relative to their file. */
	readonly fileRelativePaths?: boolean;
}

export interface ReadTargetsResult {
	readonly targets: Map<string, Target>;
	readonly groups: Map<string, ResolvedGroup>;
	readonly entitlements: EntitlementConf;
}

/** BUILDX_BAKE_DISABLE_VARS_ENV_LOOKUP (a Go boolean) turns environment lookups off. */
export function envLookupAllowed(env: Readonly<Record<string, string | undefined>>): boolean {
	const v = env['BUILDX_BAKE_DISABLE_VARS_ENV_LOOKUP'];
	return !(v !== undefined && ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v));
}

/** Resolves targets of one configuration; caches raw lookups, not results (overrides vary). */
export class Resolver {
	readonly raw: RawConfig;
	private readonly byName = new Map<string, RawTarget>();
	private readonly groupByName = new Map<string, RawGroup>();
	private readonly parsed = new Map<string, Target>();
	/** Inner results per overrides object: resolution is a pure function of both. */
	private readonly memo = new WeakMap<Overrides, Map<string, Target>>();
	private cuts = 0;

	private readonly relative: boolean;

	constructor(raw: RawConfig, opts: {fileRelativePaths?: boolean} = {}) {
		this.raw = raw;
		this.relative = opts.fileRelativePaths === true;
		for (const t of raw.targets) if (!this.byName.has(t.name)) this.byName.set(t.name, t);
		for (const g of raw.groups) if (!this.groupByName.has(g.name)) this.groupByName.set(g.name, g);
	}

	hasTarget(name: string): boolean {
		return this.byName.has(name);
	}

	/** The first raw target of this name, as the file set defines it. */
	rawTargetOf(name: string): RawTarget | undefined {
		return this.byName.get(name);
	}

	group(name: string): RawGroup | undefined {
		return this.groupByName.get(name);
	}

	targetNames(): string[] {
		return [...this.byName.keys()];
	}

	/** Config.matchNames: glob patterns against group and target names. */
	matchNames(pattern: string): string[] {
		if (!/[*?[\]]/.test(pattern)) return [pattern];
		const names = [
			...this.raw.groups.filter((g) => matchPath(pattern, g.name)).map((g) => g.name),
			...this.raw.targets.filter((t) => matchPath(pattern, t.name)).map((t) => t.name),
		];
		if (names.length === 0)
			throw new BakeError(`could not find any target matching ${JSON.stringify(pattern)}`);
		return names;
	}

	/** Config.ResolveGroup: targets and groups reached from a name (cycle-safe). */
	resolveGroup(name: string): {targets: string[]; groups: string[]} {
		const visited = new Map<string, {targets: string[]; groups: string[]}>();
		const walk = (n: string): {targets: string[]; groups: string[]} => {
			const seen = visited.get(n);
			if (seen) return seen;
			const g = this.groupByName.get(n);
			if (!g) return {targets: [n], groups: []};
			visited.set(n, {targets: [], groups: []});
			const targets: string[] = [];
			const groups = [n];
			for (const t of g.targets) {
				const sub = walk(t);
				if (sub.targets.length > 0) targets.push(...sub.targets);
				else targets.push(t);
				groups.push(...sub.groups);
			}
			const res = {targets, groups};
			visited.set(n, res);
			return res;
		};
		const res = walk(name);
		return {targets: dedup(res.targets), groups: dedup(res.groups)};
	}

	private rawTarget(name: string): Target {
		let t = this.parsed.get(name);
		if (!t) {
			const raw = this.byName.get(name);
			if (!raw) throw new BakeError(`failed to find target ${name}`);
			t = fromRaw(raw);
			this.parsed.set(name, t);
		}
		return t;
	}

	/** Config.target: parents first, left to right; an inheritance cycle is silently cut. */
	private resolveInner(
		name: string,
		visited: Map<string, Target | null>,
		o: Overrides,
		ent: EntitlementConf,
	): Target | null {
		if (visited.has(name)) {
			const seen = visited.get(name) ?? null;
			if (!seen) this.cuts++;
			return seen;
		}
		let memo = this.memo.get(o);
		if (!memo) {
			memo = new Map();
			this.memo.set(o, memo);
		}
		// Memoised only when no inheritance cycle was cut below it, so it cannot depend on
		// which targets were in progress.
		const done = memo.get(name);
		if (done) return done;
		const cutsBefore = this.cuts;
		visited.set(name, null);
		const own = this.rawTarget(name);
		let acc: Target = {name, description: '', linked: false};
		for (const parent of own.inherits ?? []) {
			const p = this.resolveInner(parent, visited, o, ent);
			if (p) acc = merge(acc, p);
		}
		// acc is this call's own object (never a memoised parent), so merging onto it directly
		// is buildx's merge onto an empty target; merge returns a new object in any case.
		let t = merge(acc, own);
		t.name = name;
		applyOverrides(t, o.get(name), ent);
		t = normalize(t);
		visited.set(name, t);
		if (this.cuts === cutsBefore) memo.set(name, t);
		return t;
	}

	/** Config.ResolveTarget: a fully resolved target with `context`/`dockerfile` defaults. */
	resolveTarget(name: string, o: Overrides, ent: EntitlementConf): Target {
		const t = copyDefined(this.resolveInner(name, new Map(), o, ent) as Target, 'inherits');
		const origin = this.raw.targetOrigins.get(name);
		const file = origin?.contextBaseFile ?? origin?.blockRanges[0]?.file;
		t.context ??= this.relative && file ? dirPath(file) : '.';
		if (t.dockerfile === undefined || t.dockerfile === '') t.dockerfile = 'Dockerfile';
		return t;
	}

	parseOverrides(values: readonly string[], env: Readonly<Record<string, string | undefined>>) {
		return parseOverrides(values, this.targetNames(), env, envLookupAllowed(env));
	}

	/**
	 * Config.loadLinks: adds linked targets (cacheonly), checks loops and platform subsets.
	 * `loaded` holds targets whose links were all loaded without error: nothing below them
	 * can loop back (a loop through one would have been met while loading it), so they are
	 * not walked again. buildx walks every path, which is quadratic on deep trees.
	 */
	loadLinks(
		name: string,
		t: Target,
		m: Map<string, Target>,
		o: Overrides,
		path: string[],
		ent: EntitlementConf,
		loaded: Set<string>,
	): void {
		path.push(name);
		for (const v of Object.values(t.contexts ?? {})) {
			if (!v.startsWith('target:')) continue;
			const target = v.slice('target:'.length);
			if (target === name) throw new BakeError(`target ${target} cannot link to itself`);
			if (path.includes(target)) throw new BakeError(`infinite loop from ${name} to ${target}`);
			let t2 = m.get(target);
			if (!t2) {
				t2 = this.resolveTarget(target, o, ent);
				t2.output = [{type: 'cacheonly', attrs: {}}];
				t2.linked = true;
				m.set(target, t2);
			}
			if (!loaded.has(target)) this.loadLinks(target, t2, m, o, path, ent, loaded);
			const missing = (t2.entitlements ?? []).filter((e) => !(t.entitlements ?? []).includes(e));
			if (missing.length > 0) t.entitlements = [...(t.entitlements ?? []), ...missing];
			const p1 = t.platforms ?? [];
			const p2 = t2.platforms ?? [];
			if (p1.length > 1 && p2.length > 1 && !p1.every((p) => p2.includes(p)))
				throw new BakeError(
					`target ${target} can't be used by ${name} because its platforms [${p1.join(' ')}] are not a subset of [${p2.join(' ')}]`,
				);
		}
		path.pop();
		loaded.add(name);
	}

	readTargets(opts: ReadTargetsOptions = {}): ReadTargetsResult {
		const env = opts.env ?? {};
		const requested = (opts.targets?.length ? opts.targets : ['default']).map((t) =>
			t.replaceAll('.', '_'),
		);
		const targets = dedup(requested.flatMap((t) => this.matchNames(t)));
		const o = this.parseOverrides(opts.overrides ?? [], env);
		const ent = newEntitlements();
		const targetsMap = new Map<string, Target>();
		const groupsMap = new Map<string, ResolvedGroup>();
		for (const name of targets) {
			const {targets: ts, groups: gs} = this.resolveGroup(name);
			for (const tname of ts) targetsMap.set(tname, this.resolveTarget(tname, o, ent));
			for (const gname of gs) {
				const g = this.groupByName.get(gname);
				if (g) groupsMap.set(gname, groupOf(g));
			}
		}
		for (const name of targets) {
			if (groupsMap.has('default') && name === 'default') continue;
			const def = groupsMap.get('default') ?? {name: 'default', targets: []};
			groupsMap.set('default', {...def, targets: [...def.targets, name]});
		}
		const def = groupsMap.get('default');
		if (def) groupsMap.set('default', {...def, targets: dedup(def.targets).sort()});
		const loaded = new Set<string>();
		for (const [name, t] of [...targetsMap])
			if (!loaded.has(name)) this.loadLinks(name, t, targetsMap, o, [], ent, loaded);
		return {targets: targetsMap, groups: groupsMap, entitlements: ent};
	}
}

function groupOf(g: RawGroup): ResolvedGroup {
	return g.description
		? {name: g.name, description: g.description, targets: [...g.targets]}
		: {name: g.name, targets: [...g.targets]};
}

export function dedup<T>(list: readonly T[]): T[] {
	return [...new Set(list)];
}

/** bake.ReadTargets on a parsed configuration. */
export function readTargets(raw: RawConfig, opts: ReadTargetsOptions = {}): ReadTargetsResult {
	// The switch comes from the environment as in buildx unless the caller says otherwise.
	const relative = opts.fileRelativePaths ?? fileRelativePaths(opts.env);
	return new Resolver(raw, {fileRelativePaths: relative}).readTargets(opts);
}
