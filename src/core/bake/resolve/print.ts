// `docker buildx bake --print`: {"group": ..., "target": ...} with Go's field order, omitempty
// rules, sorted map keys and `${`/`%{` re-escaped so that the output is itself a bake file.

import {compareGo} from '../buildflags/csv.js';
import type {AttestEntry, CacheEntry, ExportEntry} from '../buildflags/entries.js';
import {printedContext} from './build-opt.js';
import {type GoJson, type GoObject, goJson} from './go-json.js';
import type {ReadTargetsResult, ResolvedGroup} from './read-targets.js';
import {RESOURCE_FIELDS, type Target} from './target.js';

// Function replacers: in a replacement string `$$` would mean a single `$`.
const esc = (s: string) => s.replaceAll('${', () => '$${').replaceAll('%{', () => '%%{');

function sorted(m: Readonly<Record<string, string>>, reEscape = false): Map<string, GoJson> {
	const out = new Map<string, GoJson>();
	for (const k of Object.keys(m).sort(compareGo)) {
		const v = m[k] as string;
		out.set(k, reEscape ? esc(v) : v);
	}
	return out;
}

const exportJson = (e: ExportEntry): GoJson =>
	sorted(e.dest ? {...e.attrs, type: e.type, dest: e.dest} : {...e.attrs, type: e.type});
const cacheJson = (e: CacheEntry): GoJson => sorted({...e.attrs, type: e.type});

function attestJson(e: AttestEntry): GoJson {
	const out = sorted({...e.attrs, type: e.type});
	if (!e.disabled) return out;
	out.set('disabled', true);
	return new Map([...out].sort((a, b) => compareGo(a[0], b[0])));
}

function omitEmpty(o: Record<string, GoJson | undefined>): GoObject {
	const out: Record<string, GoJson> = {};
	for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== '') out[k] = v;
	return out;
}

const list = <T>(l: readonly T[] | undefined, f: (x: T) => GoJson): GoJson[] | undefined =>
	l && l.length > 0 ? l.map(f) : undefined;
const map = (m: Readonly<Record<string, string>> | undefined, reEscape = false) =>
	m && Object.keys(m).length > 0 ? sorted(m, reEscape) : undefined;

/** One target as bake.Target.MarshalJSON writes it; `context` is the printed (cleaned) one. */
export function targetJson(t: Target): GoObject {
	const out: Record<string, GoJson | undefined> = {
		description: t.description || undefined,
		annotations: list(t.annotations, esc),
		attest: list(t.attest, attestJson),
		context: printedContext(t),
		contexts: map(t.contexts),
		dockerfile: t.dockerfile ?? 'Dockerfile',
		'dockerfile-inline':
			t['dockerfile-inline'] === undefined ? undefined : esc(t['dockerfile-inline']),
		args: map(t.args, true),
		labels: map(t.labels, true),
		tags: list(t.tags, (s) => s),
		'cache-from': list(t['cache-from'], cacheJson),
		'cache-to': list(t['cache-to'], cacheJson),
		target: t.target,
		secret: list(t.secret, (s) => omitEmpty({id: s.id, src: s.src, env: s.env})),
		ssh: list(t.ssh, (s) => omitEmpty({id: s.id, paths: list(s.paths, (p) => p)})),
		platforms: list(t.platforms, (s) => s),
		output: list(t.output, exportJson),
		pull: t.pull,
		'no-cache': t['no-cache'],
		network: t.network,
		'no-cache-filter': list(t['no-cache-filter'], (s) => s),
		'shm-size': t['shm-size'],
		ulimits: list(t.ulimits, (s) => s),
		resources: resourcesJson(t),
		call: t.call,
		entitlements: list(t.entitlements, (s) => s),
		'extra-hosts': map(t['extra-hosts'], true),
		policy: list(t.policy, (p) => sorted(p)),
	};
	const res: Record<string, GoJson> = {};
	// `*string` fields print even when empty; only nil (undefined) is omitted.
	for (const [k, v] of Object.entries(out)) if (v !== undefined) res[k] = v;
	return res;
}

function resourcesJson(t: Target): GoJson | undefined {
	const r = t.resources;
	if (!r) return undefined;
	const out: Record<string, GoJson> = {};
	for (const f of RESOURCE_FIELDS) if (r[f] !== undefined) out[f] = r[f] as string | number;
	return out;
}

function groupJson(g: ResolvedGroup): GoObject {
	return g.description
		? {description: g.description, targets: [...g.targets]}
		: {targets: [...g.targets]};
}

/** The whole `--print` document, with its trailing newline. */
export function printJson(res: Pick<ReadTargetsResult, 'targets' | 'groups'>): string {
	const doc: Record<string, GoJson> = {};
	if (res.groups.size > 0) {
		const groups = new Map<string, GoJson>();
		for (const name of [...res.groups.keys()].sort(compareGo))
			groups.set(name, groupJson(res.groups.get(name) as ResolvedGroup));
		doc['group'] = groups;
	}
	const targets = new Map<string, GoJson>();
	for (const name of [...res.targets.keys()].sort(compareGo))
		targets.set(name, targetJson(res.targets.get(name) as Target));
	doc['target'] = targets;
	return `${goJson(doc)}\n`;
}
