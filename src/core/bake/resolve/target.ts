// A target as buildx's resolution layer holds it (bake.Target): composite entries parsed,
// fields keyed by their bake/JSON names. `undefined` = Go nil (unset); an empty list is "set".

import {
	cacheEqual,
	exportEqual,
	removeAttestDupes,
	removeDupes,
	removeDupesStr,
	secretEqual,
	sshEqual,
} from '../buildflags/dedupe.js';
import {
	type AttestEntry,
	type CacheEntry,
	type ExportEntry,
	type PolicyEntry,
	readAttests,
	readCaches,
	readExports,
	readPolicies,
	readSecrets,
	readSsh,
	type SecretEntry,
	type SshEntry,
} from '../buildflags/entries.js';
import type {RawTarget, StringMap} from '../config.js';
import {BakeError} from './errors.js';

export type Dict = Record<string, string>;

export interface Resources {
	memory?: string;
	'memory-swap'?: string;
	'cpu-shares'?: number;
	'cpu-period'?: number;
	'cpu-quota'?: number;
	'cpuset-cpus'?: string;
	'cpuset-mems'?: string;
}

export const RESOURCE_FIELDS = [
	'memory',
	'memory-swap',
	'cpu-shares',
	'cpu-period',
	'cpu-quota',
	'cpuset-cpus',
	'cpuset-mems',
] as const;
export type ResourceField = (typeof RESOURCE_FIELDS)[number];
const INT_RESOURCES = new Set<string>(['cpu-shares', 'cpu-period', 'cpu-quota']);

export interface Target {
	name: string;
	/** '' = unset, as in Go. */
	description: string;
	inherits?: string[];
	annotations?: string[];
	attest?: AttestEntry[];
	context?: string;
	contexts?: Dict;
	dockerfile?: string;
	'dockerfile-inline'?: string;
	args?: Dict;
	labels?: Dict;
	tags?: string[];
	'cache-from'?: CacheEntry[];
	'cache-to'?: CacheEntry[];
	target?: string;
	secret?: SecretEntry[];
	ssh?: SshEntry[];
	platforms?: string[];
	output?: ExportEntry[];
	pull?: boolean;
	'no-cache'?: boolean;
	network?: string;
	'no-cache-filter'?: string[];
	'shm-size'?: string;
	ulimits?: string[];
	resources?: Resources;
	call?: string;
	entitlements?: string[];
	'extra-hosts'?: Dict;
	policy?: PolicyEntry[];
	/** Reached only through a `target:` context: built as cacheonly, in no group. */
	linked: boolean;
}

export function dict(): Dict {
	return Object.create(null) as Dict;
}

function mapOf(m: StringMap | undefined, keepNullAs?: string): Dict | undefined {
	if (!m) return undefined;
	const out = dict();
	for (const [k, v] of Object.entries(m)) {
		if (v !== null) out[k] = v;
		else if (keepNullAs !== undefined) out[k] = keepNullAs;
	}
	return out;
}

const opt = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);
const list = (v: readonly string[] | undefined) => (v ? [...v] : undefined);

/** Parses a resource value; the integer fields must be whole numbers. */
export function resourceValue(field: ResourceField, v: string | number): string | number {
	if (!INT_RESOURCES.has(field)) return String(v);
	const n = typeof v === 'number' ? v : /^[+-]?\d+$/.test(v.trim()) ? Number(v.trim()) : Number.NaN;
	if (!Number.isInteger(n))
		throw new BakeError(`invalid value ${String(v)} for resources.${field}: expected an integer`);
	return n;
}

function resourcesOf(r: RawTarget['resources']): Resources | undefined {
	if (!r) return undefined;
	const out: Record<string, string | number> = {};
	for (const f of RESOURCE_FIELDS) {
		const v = r[f];
		if (v !== undefined && v !== null) out[f] = resourceValue(f, v);
	}
	return out as Resources;
}

/** The raw (ParseFile) target as a resolution target; composite entries are parsed here. */
export function fromRaw(raw: RawTarget): Target {
	const t: Target = {name: raw.name, description: raw.description ?? '', linked: false};
	if (raw.inherits) t.inherits = [...raw.inherits];
	if (raw.annotations) t.annotations = [...raw.annotations];
	if (raw.attest) t.attest = readAttests(raw.attest);
	if (opt(raw.context) !== undefined) t.context = raw.context as string;
	t.contexts = mapOf(raw.contexts, '');
	if (opt(raw.dockerfile) !== undefined) t.dockerfile = raw.dockerfile as string;
	if (opt(raw['dockerfile-inline']) !== undefined)
		t['dockerfile-inline'] = raw['dockerfile-inline'] as string;
	t.args = mapOf(raw.args);
	t.labels = mapOf(raw.labels);
	t.tags = list(raw.tags);
	if (raw['cache-from']) t['cache-from'] = readCaches(raw['cache-from']);
	if (raw['cache-to']) t['cache-to'] = readCaches(raw['cache-to']);
	if (opt(raw.target) !== undefined) t.target = raw.target as string;
	if (raw.secret) t.secret = readSecrets(raw.secret);
	if (raw.ssh) t.ssh = readSsh(raw.ssh);
	t.platforms = list(raw.platforms);
	if (raw.output) t.output = readExports(raw.output);
	if (opt(raw.pull) !== undefined) t.pull = raw.pull as boolean;
	if (opt(raw['no-cache']) !== undefined) t['no-cache'] = raw['no-cache'] as boolean;
	if (opt(raw.network) !== undefined) t.network = raw.network as string;
	t['no-cache-filter'] = list(raw['no-cache-filter']);
	if (opt(raw['shm-size']) !== undefined) t['shm-size'] = raw['shm-size'] as string;
	t.ulimits = list(raw.ulimits);
	t.resources = resourcesOf(raw.resources);
	if (opt(raw.call) !== undefined) t.call = raw.call as string;
	t.entitlements = list(raw.entitlements);
	t['extra-hosts'] = mapOf(raw['extra-hosts']);
	if (raw.policy) t.policy = readPolicies(raw.policy);
	return copyDefined(t);
}

/**
 * A copy of `t` without its undefined fields (and without `omit`). A copy, not `delete`:
 * deleting a property turns a V8 object into a slow dictionary, and every resolved target
 * would then be one for everything that reads it later (merge, print, the graph).
 */
export function copyDefined(t: Target, omit?: keyof Target): Target {
	const out: Record<string, unknown> = {};
	const from = t as unknown as Record<string, unknown>;
	for (const k in from) {
		const v = from[k];
		if (v !== undefined && k !== omit) out[k] = v;
	}
	return out as unknown as Target;
}

function mergeMap(a: Dict | undefined, b: Dict | undefined): Dict | undefined {
	if (!b) return a;
	const out = a ? Object.assign(dict(), a) : undefined;
	let res = out;
	for (const [k, v] of Object.entries(b)) {
		res ??= dict();
		res[k] = v;
	}
	return res;
}

const cat = <T>(a: readonly T[] | undefined, b: readonly T[]): T[] => [...(a ?? []), ...b];

/** Target.Merge: `b` (set fields only) over `a`. Returns a new target; neither input changes. */
export function merge(a: Target, b: Target): Target {
	const t: Target = {...a};
	if (b.context !== undefined) t.context = b.context;
	if (b.dockerfile !== undefined) t.dockerfile = b.dockerfile;
	if (b['dockerfile-inline'] !== undefined) t['dockerfile-inline'] = b['dockerfile-inline'];
	setIf(t, 'args', mergeMap(a.args, b.args));
	setIf(t, 'contexts', mergeMap(a.contexts, b.contexts));
	setIf(t, 'labels', mergeMap(a.labels, b.labels));
	if (b.tags) t.tags = [...b.tags];
	if (b.target !== undefined) t.target = b.target;
	if (b.call !== undefined) t.call = b.call;
	if (b.annotations) t.annotations = cat(a.annotations, b.annotations);
	if (b.attest) t.attest = a.attest ? removeAttestDupes(cat(a.attest, b.attest)) : [...b.attest];
	if (b.policy) t.policy = cat(a.policy, b.policy);
	if (b.secret)
		t.secret = a.secret ? removeDupes(cat(a.secret, b.secret), secretEqual) : [...b.secret];
	if (b.ssh) t.ssh = a.ssh ? removeDupes(cat(a.ssh, b.ssh), sshEqual) : [...b.ssh];
	if (b.platforms) t.platforms = [...b.platforms];
	if (b['cache-from'])
		t['cache-from'] = a['cache-from']
			? removeDupes(cat(a['cache-from'], b['cache-from']), cacheEqual)
			: [...b['cache-from']];
	if (b['cache-to']) t['cache-to'] = [...b['cache-to']];
	if (b.output) t.output = [...b.output];
	if (b.pull !== undefined) t.pull = b.pull;
	if (b['no-cache'] !== undefined) t['no-cache'] = b['no-cache'];
	if (b.network !== undefined) t.network = b.network;
	if (b['no-cache-filter']) t['no-cache-filter'] = cat(a['no-cache-filter'], b['no-cache-filter']);
	if (b['shm-size'] !== undefined) t['shm-size'] = b['shm-size'];
	if (b.ulimits) t.ulimits = cat(a.ulimits, b.ulimits);
	if (b.resources) t.resources = {...a.resources, ...b.resources};
	if (b.description !== '') t.description = b.description;
	if (b.entitlements) t.entitlements = cat(a.entitlements, b.entitlements);
	setIf(t, 'extra-hosts', mergeMap(a['extra-hosts'], b['extra-hosts']));
	if (b.inherits) t.inherits = cat(a.inherits, b.inherits);
	return t;
}

function setIf<K extends 'args' | 'contexts' | 'labels' | 'extra-hosts'>(
	t: Target,
	key: K,
	v: Dict | undefined,
): void {
	if (v !== undefined) t[key] = v;
}

const orNil = <T>(l: T[] | undefined): T[] | undefined => (l && l.length > 0 ? l : undefined);

/** Target.normalize's rule for contexts: "" entries go, and no entries is no contexts. */
export function withoutEmptyContexts(contexts: Dict): Dict | undefined {
	let out: Dict | undefined;
	for (const k in contexts) {
		const v = contexts[k] as string;
		if (v === '') continue;
		out ??= dict();
		out[k] = v;
	}
	return out;
}

/**
 * Target.normalize: dedupe lists, drop "" entries and empty contexts, network=host entitlement.
 * Changes `t` and returns the normalized target (a copy without undefined fields).
 */
export function normalize(t: Target): Target {
	if (t.annotations) t.annotations = removeDupesStr(t.annotations);
	if (t.attest) t.attest = orNil(removeAttestDupes(t.attest));
	if (t.tags) t.tags = removeDupesStr(t.tags);
	if (t.secret) t.secret = orNil(removeDupes(t.secret, secretEqual));
	if (t.ssh) t.ssh = orNil(removeDupes(t.ssh, sshEqual));
	if (t.platforms) t.platforms = removeDupesStr(t.platforms);
	if (t['cache-from']) t['cache-from'] = orNil(removeDupes(t['cache-from'], cacheEqual));
	if (t['cache-to']) t['cache-to'] = orNil(removeDupes(t['cache-to'], cacheEqual));
	if (t.output) t.output = orNil(removeDupes(t.output, exportEqual));
	if (t['no-cache-filter']) t['no-cache-filter'] = removeDupesStr(t['no-cache-filter']);
	if (t.ulimits) t.ulimits = removeDupesStr(t.ulimits);
	if (t.network === 'host') t.entitlements = [...(t.entitlements ?? []), 'network.host'];
	if (t.entitlements) t.entitlements = removeDupesStr(t.entitlements);
	if (t.contexts) t.contexts = withoutEmptyContexts(t.contexts);
	return copyDefined(t);
}
