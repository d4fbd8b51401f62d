// `--set` values (buildx newOverrides + Target.AddOverrides). Overrides are grouped per target
// and key; list keys collect every value and the last `+=`/`=` decides append or replace.

import {
	type ExportEntry,
	parseAttest,
	parseCacheList,
	parseExport,
	parseGoBool,
	parseSecret,
	parseSsh,
	readPolicies,
} from '../buildflags/entries.js';
import {BakeError} from './errors.js';
import {matchPath} from './match.js';
import {dict, RESOURCE_FIELDS, type ResourceField, resourceValue, type Target} from './target.js';

export interface Override {
	value: string;
	arrValue?: string[];
	append: boolean;
}

/** target name -> key (`args.FOO`, `output`, ...) -> override, keys in first-seen order. */
export type Overrides = Map<string, Map<string, Override>>;

export interface EntitlementConf {
	fsRead: string[];
	fsWrite: string[];
	networkHost: boolean;
	securityInsecure: boolean;
}

export const newEntitlements = (): EntitlementConf => ({
	fsRead: [],
	fsWrite: [],
	networkHost: false,
	securityInsecure: false,
});

const LIST_KEYS = new Set([
	'output',
	'cache-to',
	'cache-from',
	'tags',
	'platform',
	'secrets',
	'ssh',
	'attest',
	'entitlements',
	'network',
	'annotations',
	'policy',
]);

/** Names `--set` patterns are matched against: targets only (not groups). */
export function expandTargets(names: readonly string[], pattern: string): string[] {
	if (names.includes(pattern)) return [pattern];
	const out = names.filter((n) => matchPath(pattern, n));
	if (out.length === 0) throw new BakeError(`could not find any target matching '${pattern}'`);
	return out;
}

export function parseOverrides(
	values: readonly string[],
	targetNames: readonly string[],
	env: Readonly<Record<string, string | undefined>>,
	envLookup: boolean,
): Overrides {
	const m: Overrides = new Map();
	for (const v of values) {
		const eq = v.indexOf('=');
		const lhs = eq < 0 ? v : v.slice(0, eq);
		const rhs = eq < 0 ? undefined : v.slice(eq + 1);
		const appendTo = lhs.endsWith('+');
		const skey = appendTo ? lhs.slice(0, -1) : lhs;
		const keys = splitN(skey, '.', 3);
		if (keys.length < 2) throw new BakeError(`invalid override key ${skey}, expected target.name`);
		const [pattern, field] = keys as [string, string];
		if (rhs === undefined && field !== 'args')
			throw new BakeError(`invalid override ${v}, expected target.name=value`);
		const names = expandTargets(targetNames, pattern);
		const okey = keys.slice(1).join('.');
		for (const name of names) {
			let t = m.get(name);
			if (!t) {
				t = new Map();
				m.set(name, t);
			}
			const o: Override = {...(t.get(okey) ?? {value: '', append: false})};
			if (LIST_KEYS.has(field)) {
				if (rhs !== undefined) {
					o.append = appendTo;
					o.arrValue = [...(o.arrValue ?? []), rhs];
				}
			} else {
				if ((field === 'args' || field === 'contexts') && keys.length !== 3)
					throw new BakeError(`invalid key ${lhs}, ${field} requires name`);
				if ((field === 'secret' || field === 'resources') && keys.length !== 3)
					throw new BakeError(`invalid key ${lhs}, ${field} requires name`);
				if ((field === 'secret' || field === 'resources') && appendTo)
					throw new BakeError(`invalid override ${v}: ${okey} does not support append`);
				if (field === 'args' && rhs === undefined && envLookup) {
					const fromEnv = env[keys[2] as string];
					if (fromEnv === undefined) continue;
					o.value = fromEnv;
				}
				if (rhs !== undefined) o.value = rhs;
			}
			t.set(okey, o);
		}
	}
	return m;
}

function splitN(s: string, sep: string, n: number): string[] {
	const parts = s.split(sep);
	if (parts.length <= n) return parts;
	return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

function parseList<T>(values: readonly string[] | undefined, parse: (s: string) => T): T[] {
	return (values ?? []).filter((s) => s !== '').map(parse);
}

function bool(value: string, key: string): boolean {
	const b = parseGoBool(value);
	if (b === undefined) throw new BakeError(`invalid value ${value} for boolean key ${key}`);
	return b;
}

// Go iterates the override map in random order; we apply them in a fixed order that gives
// buildx's results for every combination it documents: plain keys first, then the output
// edits (push/load), then the source changes of declared secrets.
const rank = (key: string) =>
	key === 'push' || key === 'load' ? 1 : key.startsWith('secret.') ? 2 : 0;

export function applyOverrides(
	t: Target,
	overrides: ReadonlyMap<string, Override> | undefined,
	ent: EntitlementConf,
): void {
	if (!overrides) return;
	const entries = [...overrides].sort((a, b) => rank(a[0]) - rank(b[0]));
	for (const [key, o] of entries) {
		const dot = key.indexOf('.');
		const head = dot < 0 ? key : key.slice(0, dot);
		const sub = dot < 0 ? undefined : key.slice(dot + 1);
		const value = o.value;
		const arr = o.arrValue;
		switch (head) {
			case 'context':
				t.context = value;
				break;
			case 'dockerfile':
				t.dockerfile = value;
				break;
			case 'args':
			case 'labels':
			case 'contexts':
			case 'extra-hosts': {
				if (sub === undefined)
					throw new BakeError(`invalid format for ${head}, expecting ${head}.<name>=<value>`);
				const m = Object.assign(dict(), t[head]);
				m[sub] = value;
				t[head] = m;
				break;
			}
			case 'tags':
				t.tags = o.append ? [...(t.tags ?? []), ...(arr ?? [])] : arr ? [...arr] : undefined;
				break;
			case 'policy':
				t.policy = [...(o.append ? (t.policy ?? []) : []), ...readPolicies(arr ?? [])];
				break;
			case 'cache-from':
			case 'cache-to': {
				const parsed = (arr ?? []).flatMap(parseCacheList);
				const cur = t[head];
				t[head] = o.append && cur ? [...cur, ...parsed] : parsed.length ? parsed : undefined;
				for (const c of t[head] ?? []) {
					if (c.type !== 'local') continue;
					const p = c.attrs[head === 'cache-from' ? 'src' : 'dest'];
					if (p !== undefined) (head === 'cache-from' ? ent.fsRead : ent.fsWrite).push(p);
				}
				break;
			}
			case 'target':
				t.target = value;
				break;
			case 'call':
				t.call = value;
				break;
			case 'secrets': {
				const parsed = parseList(arr, parseSecret);
				t.secret = o.append ? [...(t.secret ?? []), ...parsed] : parsed;
				break;
			}
			case 'secret':
				overrideSecretSource(t, sub ?? '', value);
				break;
			case 'ssh': {
				const parsed = parseList(arr, parseSsh);
				t.ssh = o.append ? [...(t.ssh ?? []), ...parsed] : parsed;
				for (const s of t.ssh) ent.fsRead.push(...(s.paths ?? []));
				break;
			}
			case 'platform':
				t.platforms = o.append
					? [...(t.platforms ?? []), ...(arr ?? [])]
					: arr
						? [...arr]
						: undefined;
				break;
			case 'output': {
				const parsed = parseList(arr, wrap('invalid value for outputs', parseExport));
				t.output = o.append ? [...(t.output ?? []), ...parsed] : parsed;
				for (const e of t.output) if (e.dest) ent.fsWrite.push(e.dest);
				break;
			}
			case 'entitlements':
				t.entitlements = [...(t.entitlements ?? []), ...(arr ?? [])];
				for (const v of arr ?? []) {
					if (v === 'network.host') ent.networkHost = true;
					else if (v === 'security.insecure') ent.securityInsecure = true;
				}
				break;
			case 'annotations':
				t.annotations = [...(t.annotations ?? []), ...(arr ?? [])];
				break;
			case 'attest': {
				const parsed = parseList(arr, wrap('invalid value for attest', parseAttest));
				t.attest = [...(t.attest ?? []), ...parsed];
				break;
			}
			case 'no-cache':
				t['no-cache'] = bool(value, 'no-cache');
				break;
			case 'pull':
				t.pull = bool(value, 'pull');
				break;
			// buildx reads the list value for these two but never collects one: `--set` empties them.
			case 'no-cache-filter':
			case 'ulimits':
				t[head] = o.append ? t[head] : undefined;
				break;
			case 'shm-size':
				t['shm-size'] = value;
				break;
			// buildx collects `network` as a list but reads the scalar: the result is always "".
			case 'network':
				t.network = value;
				break;
			case 'push':
				t.output = setPush(t.output ?? [], bool(value, 'push'));
				break;
			case 'load':
				t.output = setLoad(t.output ?? [], bool(value, 'load'));
				break;
			case 'resources': {
				if (!(RESOURCE_FIELDS as readonly string[]).includes(sub ?? ''))
					throw new BakeError(`unknown key: ${key}`);
				const field = sub as ResourceField;
				t.resources = {...t.resources, [field]: resourceValue(field, value)};
				break;
			}
			default:
				throw new BakeError(`unknown key: ${head}`);
		}
	}
	for (const s of t.secret ?? []) if (s.src) ent.fsRead.push(s.src);
	for (const k of Object.keys(t) as (keyof Target)[]) if (t[k] === undefined) delete t[k];
}

function wrap<T>(prefix: string, parse: (s: string) => T): (s: string) => T {
	return (s) => {
		try {
			return parse(s);
		} catch (err) {
			throw new BakeError(`${prefix}: ${err instanceof Error ? err.message : String(err)}`);
		}
	};
}

/** `secret.<id>=env=X|src=path`: changes where an already declared secret comes from. */
function overrideSecretSource(t: Target, id: string, value: string): void {
	const idx = (t.secret ?? []).findIndex((s) => s.id === id);
	if (idx < 0 || !t.secret)
		throw new BakeError(
			`secret ${JSON.stringify(id)} must be declared before it can be overridden`,
		);
	const parsed = parseSecret(value);
	if (parsed.id !== '' && parsed.id !== id)
		throw new BakeError(
			`secret override id ${JSON.stringify(parsed.id)} does not match declared secret ${JSON.stringify(id)}`,
		);
	const next = [...t.secret];
	next[idx] = {id, src: parsed.src, env: parsed.env};
	t.secret = next;
}

function setPush(outputs: readonly ExportEntry[], push: boolean): ExportEntry[] | undefined {
	if (!push) {
		// Drop registry outputs (swap-with-last, as buildx does) and turn off image pushes.
		const out = [...outputs];
		for (let i = 0; i < out.length; ) {
			const o = out[i] as ExportEntry;
			if (o.type === 'registry') {
				out[i] = out[out.length - 1] as ExportEntry;
				out.length--;
				continue;
			}
			if (o.type === 'image') out[i] = {...o, attrs: {...o.attrs, push: 'false'}};
			i++;
		}
		return out.length ? out : outputs.length ? out : undefined;
	}
	let addImage = true;
	const out = outputs.map((o) => {
		if (o.type !== 'docker') addImage = false;
		return o.type === 'image' ? {...o, attrs: {...o.attrs, push: 'true'}} : o;
	});
	if (addImage) out.push({type: 'image', attrs: {push: 'true'}});
	return out;
}

function setLoad(outputs: readonly ExportEntry[], load: boolean): ExportEntry[] | undefined {
	if (!load) return outputs.length ? [...outputs] : undefined;
	for (const o of outputs) {
		if (o.type === 'docker') {
			if (!o.dest) return [...outputs];
		} else if (o.type !== 'image' && o.type !== 'registry' && o.type !== 'oci') return [...outputs];
	}
	return [...outputs, {type: 'docker', attrs: {}}];
}
