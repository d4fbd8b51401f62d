// The `x-bake` extension of a compose build section (buildx composeExtTarget): bake fields the
// compose build spec lacks. List fields take a list or one string split on whitespace; they are
// added to what the build section set (tags, platforms and no-cache-filter without repeats,
// cache/output entries without equal ones, secrets and ssh keys replacing the same id);
// `contexts` only adds names not set by `additional_contexts`; `pull`/`no-cache` replace.

import {ComposeError} from './errors.js';
import {GoNumber, goSprint, isMap, type YMap, type YValue} from './values.js';

export interface XBakeTarget {
	tags?: string[];
	'cache-from'?: string[];
	'cache-to'?: string[];
	secret?: string[];
	ssh?: string[];
	platforms?: string[];
	output?: string[];
	pull?: boolean;
	'no-cache'?: boolean;
	'no-cache-filter'?: string[];
	contexts?: Record<string, string>;
}

const unique = (xs: readonly string[]) => [...new Set(xs)];

/** buildx stringArray: a YAML list of scalars, or one string split on whitespace. */
function stringArray(v: YValue, field: string): string[] {
	if (v === null) return [];
	if (Array.isArray(v))
		return v.map((x) => {
			if (isMap(x) || Array.isArray(x))
				throw new ComposeError(
					`x-bake: cannot unmarshal a ${isMap(x) ? 'mapping' : 'list'} into ${field}`,
				);
			return goSprint(x);
		});
	if (typeof v === 'string') return v.split(/\s+/).filter((s) => s !== '');
	if (v instanceof GoNumber || typeof v === 'boolean') return [goSprint(v)];
	throw new ComposeError(`x-bake: cannot unmarshal a mapping into ${field}`);
}

function bool(v: YValue, field: string): boolean | undefined {
	if (v === null) return undefined;
	if (typeof v === 'boolean') return v;
	if (typeof v === 'string' && ['true', 'false'].includes(v.toLowerCase()))
		return v.toLowerCase() === 'true';
	throw new ComposeError(
		`x-bake: cannot unmarshal ${JSON.stringify(goSprint(v))} into ${field} (a boolean)`,
	);
}

/** A CSV field of an entry (`id=x,src=y` -> x); the bare first field counts as the id for ssh. */
export function entryId(entry: string, bareIsId: boolean): string {
	const fields = entry.split(',');
	for (const f of fields) {
		const i = f.indexOf('=');
		if (i >= 0 && f.slice(0, i).trim() === 'id') return f.slice(i + 1);
	}
	if (bareIsId) {
		const first = fields[0] ?? '';
		const i = first.indexOf('=');
		return i < 0 ? first : first.slice(0, i);
	}
	return '';
}

/** Secrets.Merge / SSHKeys.Merge: a later entry with the same id replaces the earlier in place. */
export function mergeById(a: readonly string[], b: readonly string[], bareIsId: boolean): string[] {
	const out = [...a];
	for (const e of b) {
		const id = entryId(e, bareIsId);
		const i = out.findIndex((x) => entryId(x, bareIsId) === id);
		if (i >= 0) out[i] = e;
		else out.push(e);
	}
	return out;
}

export function applyXBake(t: XBakeTarget, ext: YValue, service: string): void {
	if (ext === null || ext === undefined) return;
	if (!isMap(ext)) throw new ComposeError(`services.${service}.build.x-bake must be a mapping`);
	const x = ext as YMap;
	const list = (k: string) => (Object.hasOwn(x, k) ? stringArray(x[k] as YValue, k) : []);
	const tags = list('tags');
	if (tags.length) t.tags = unique([...(t.tags ?? []), ...tags]);
	for (const k of ['cache-from', 'cache-to', 'output'] as const) {
		const v = list(k);
		if (v.length) t[k] = unique([...(t[k] ?? []), ...v]);
	}
	const secrets = list('secret');
	if (secrets.length) t.secret = mergeById(t.secret ?? [], secrets, false);
	const ssh = list('ssh');
	if (ssh.length) t.ssh = sortSsh(mergeById(t.ssh ?? [], ssh, true));
	const platforms = list('platforms');
	if (platforms.length) t.platforms = unique([...(t.platforms ?? []), ...platforms]);
	if (Object.hasOwn(x, 'pull')) {
		const b = bool(x['pull'] as YValue, 'pull');
		if (b !== undefined) t.pull = b;
	}
	if (Object.hasOwn(x, 'no-cache')) {
		const b = bool(x['no-cache'] as YValue, 'no-cache');
		if (b !== undefined) t['no-cache'] = b;
	}
	const filters = list('no-cache-filter');
	if (filters.length) t['no-cache-filter'] = unique([...(t['no-cache-filter'] ?? []), ...filters]);
	const contexts = x['contexts'];
	if (isMap(contexts)) {
		const add = namedContexts(contexts);
		const out: Record<string, string> = {...(t.contexts ?? {})};
		for (const [k, v] of Object.entries(add)) if (!Object.hasOwn(out, k)) out[k] = v;
		if (Object.keys(out).length) t.contexts = out;
	}
}

/** composeToBuildkitNamedContexts: `service:NAME` (and `target:NAME`) link to target NAME. */
export function namedContexts(m: YMap): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, raw] of Object.entries(m)) {
		let v = raw === null ? '' : goSprint(raw as YValue);
		if (v.startsWith('service:') || v.startsWith('target:'))
			v = `target:${v.slice(v.indexOf(':') + 1).replaceAll('.', '_')}`;
		out[k] = v;
	}
	return out;
}

/** SSH keys sorted as buildx sorts them: by id, then by paths. */
export function sortSsh(entries: readonly string[]): string[] {
	const key = (e: string) => {
		const id = entryId(e, true);
		const i = e.indexOf('=');
		return [id, i < 0 ? '' : e.slice(i + 1)] as const;
	};
	return [...entries].sort((a, b) => {
		const [ia, pa] = key(a);
		const [ib, pb] = key(b);
		if (ia !== ib) return ia < ib ? -1 : 1;
		return pa < pb ? -1 : pa > pb ? 1 : 0;
	});
}
