// Short syntaxes rewritten to one long form before files merge (compose-go transform.Canonical),
// so that `build: ./dir` in one file and `build: {args: ...}` in another merge field by field:
//   build: STRING              -> {context: STRING}
//   build.args/labels/additional_contexts, environment: [K=V, K] -> {K: V, K: null}
//   build.ssh: [default, id=path] -> {default: null, id: path}
//   build.secrets: [NAME]       -> [{source: NAME}]
//   build.extra_hosts           -> {host: [ip, ...]}   (list `host=ip`/`host:ip` or mapping)
//   build.ulimits.NAME: N       -> {single: N}
//   env_file: PATH | [PATH]     -> [{path, required: true}]
//   extends: NAME               -> {service: NAME}
// Shapes that are wrong are left alone: validate.ts reports them with compose-go's wording.

import {ComposeError} from './errors.js';
import {GoNumber, goSprint, has, isMap, newMap, type YMap, type YValue} from './values.js';

const KEY_VALUE_FIELDS = ['args', 'labels', 'additional_contexts'] as const;

export function canonicalize(doc: YMap): YMap {
	const services = doc['services'];
	if (isMap(services)) {
		for (const [name, svc] of Object.entries(services)) {
			if (isMap(svc)) canonicalService(name, svc);
		}
	}
	const include = doc['include'];
	if (Array.isArray(include)) {
		doc['include'] = include.map((e) => {
			if (typeof e === 'string') return withEntries({path: [e]});
			if (isMap(e) && typeof e['path'] === 'string') return withEntries({...e, path: [e['path']]});
			return e;
		});
	}
	return doc;
}

function withEntries(o: Record<string, YValue>): YMap {
	const m = newMap();
	for (const [k, v] of Object.entries(o)) m[k] = v;
	return m;
}

function canonicalService(name: string, svc: YMap): void {
	if (typeof svc['build'] === 'string') svc['build'] = withEntries({context: svc['build']});
	const build = svc['build'];
	if (isMap(build)) {
		for (const f of KEY_VALUE_FIELDS) if (Array.isArray(build[f])) build[f] = keyValues(build[f]);
		if (Array.isArray(build['ssh'])) build['ssh'] = sshMap(name, build['ssh']);
		if (Array.isArray(build['secrets']))
			build['secrets'] = build['secrets'].map((s) =>
				typeof s === 'string' ? withEntries({source: s}) : s,
			);
		if (build['extra_hosts'] !== undefined && build['extra_hosts'] !== null)
			build['extra_hosts'] = hostsMap(build['extra_hosts']);
		const ulimits = build['ulimits'];
		if (isMap(ulimits)) {
			for (const [k, u] of Object.entries(ulimits))
				if (u instanceof GoNumber || typeof u === 'string') ulimits[k] = withEntries({single: u});
		}
	}
	if (Array.isArray(svc['environment'])) svc['environment'] = keyValues(svc['environment']);
	const envFile = svc['env_file'];
	if (typeof envFile === 'string') svc['env_file'] = [withEntries({path: envFile, required: true})];
	else if (Array.isArray(envFile))
		svc['env_file'] = envFile.map((e) =>
			typeof e === 'string' ? withEntries({path: e, required: true}) : e,
		);
	if (typeof svc['extends'] === 'string') svc['extends'] = withEntries({service: svc['extends']});
}

/** `[K=V, K]` -> `{K: V, K: null}`; entries that are not strings are left for validation. */
function keyValues(list: YValue[]): YValue {
	if (!list.every((e) => typeof e === 'string')) return list;
	const m = newMap();
	for (const e of list as string[]) {
		const i = e.indexOf('=');
		if (i < 0) m[e] = null;
		else m[e.slice(0, i)] = e.slice(i + 1);
	}
	return m;
}

function sshMap(service: string, list: YValue[]): YValue {
	const m = newMap();
	for (const e of list) {
		if (typeof e !== 'string')
			throw new ComposeError(`services.${service}.build.ssh: invalid ssh key type ${typeOf(e)}`);
		const i = e.indexOf('=');
		if (i < 0) {
			if (e !== 'default') throw new ComposeError(`invalid ssh key ${JSON.stringify(e)}`);
			m[e] = null;
		} else m[e.slice(0, i)] = e.slice(i + 1);
	}
	return m;
}

function typeOf(v: YValue): string {
	if (v instanceof GoNumber) return v.float ? 'float64' : 'int';
	if (isMap(v)) return 'map[string]interface {}';
	if (Array.isArray(v)) return '[]interface {}';
	return typeof v;
}

/** compose-go HostsList: `host=ip`, `host:ip` (first `=`, else first `:`), or a mapping. */
function hostsMap(v: YValue): YValue {
	const out = newMap();
	const add = (host: string, ips: string[]) => {
		const prev = has(out, host) ? (out[host] as string[]) : [];
		out[host] = [...prev, ...ips];
	};
	if (Array.isArray(v)) {
		for (const e of v) {
			const s = goSprint(e);
			const sep = s.includes('=') ? '=' : s.includes(':') ? ':' : '';
			if (!sep) throw new ComposeError(`invalid additional host, missing IP: ${s}`);
			const i = s.indexOf(sep);
			add(s.slice(0, i), s.slice(i + 1).split(','));
		}
	} else if (isMap(v)) {
		for (const [host, ips] of Object.entries(v)) {
			if (Array.isArray(ips)) add(host, ips.map(goSprint));
			else if (ips === null || typeof ips === 'string') add(host, [ips ?? '']);
			else return v;
		}
	} else return v;
	for (const [host, ips] of Object.entries(out)) {
		if (host === '' || /[:=]/.test(host)) throw new ComposeError(`bad host name '${host}'`);
		// "[::1]" -> "::1", as compose-go cleans them.
		out[host] = (ips as string[]).map((ip) =>
			ip.length > 2 && ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip,
		);
	}
	return out;
}
