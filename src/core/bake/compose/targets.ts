// Compose services to bake targets (buildx ParseCompose). Services without `build` are skipped;
// the target is the service name with `.` replaced by `_` (and must then be a valid target
// name); fields map as buildx maps them, entries kept in the CSV form the resolver parses.
// All services with a build form the `default` group (present, empty, when no service builds).

import type {Range} from '../../diagnostics.js';
import type {CompositeEntry, RawGroup, StringMap} from '../config.js';
import type {MutableTarget} from '../parse/merge.js';
import {parseGoBool} from '../parse/overrides.js';
import {ComposeError} from './errors.js';
import {bytesSize, ramInBytes, UnitsError, ulimitString} from './units.js';
import {isExternal} from './validate.js';
import {GoNumber, goSprint, has, isMap, type YMap, type YValue} from './values.js';
import {applyXBake, namedContexts, sortSsh, type XBakeTarget} from './x-bake.js';

const TARGET_NAME = /^[a-zA-Z0-9_-]+$/;

export interface ComposeTarget {
	readonly name: string;
	/** The service it came from (before `.` became `_`). */
	readonly service: string;
	readonly fields: MutableTarget;
}

export interface ComposeTargets {
	readonly targets: readonly ComposeTarget[];
	readonly group: RawGroup | undefined;
}

export function composeTargets(
	model: YMap,
	env: ReadonlyMap<string, string>,
	serviceEnv: (name: string, svc: YMap) => ReadonlyMap<string, string | null>,
	locate: (path: readonly (string | number)[]) => Range | undefined,
): ComposeTargets {
	const services = isMap(model['services']) ? model['services'] : undefined;
	if (!services || Object.keys(services).length === 0) return {targets: [], group: undefined};
	const secrets = isMap(model['secrets']) ? model['secrets'] : undefined;
	const targets: ComposeTarget[] = [];
	for (const [service, svc] of Object.entries(services)) {
		if (!isMap(svc) || !isMap(svc['build'])) continue;
		const name = service.replaceAll('.', '_');
		if (!TARGET_NAME.test(name))
			throw new ComposeError(
				`invalid service name ${JSON.stringify(name)}: only "[a-zA-Z0-9_-]+" are allowed`,
			);
		const lookup = (k: string): string | undefined => {
			const v = serviceEnv(service, svc).get(k);
			return v !== undefined && v !== null ? v : env.get(k);
		};
		try {
			targets.push({
				name,
				service,
				fields: buildTarget(service, svc, svc['build'], secrets, lookup),
			});
		} catch (e) {
			// Conversion errors have buildx's text but no position: point at the build section.
			if (e instanceof ComposeError && !e.diagnostics[0]?.range)
				throw new ComposeError(e.message, locate(['services', service, 'build']));
			throw e;
		}
	}
	return {targets, group: {name: 'default', targets: targets.map((t) => t.name)}};
}

const str = (v: YValue | undefined): string | undefined =>
	typeof v === 'string' && v !== '' ? v : undefined;

function strings(v: YValue | undefined): string[] | undefined {
	return Array.isArray(v) ? v.map((x) => goSprint(x)) : undefined;
}

function truthy(v: YValue | undefined): boolean {
	if (typeof v === 'boolean') return v;
	return typeof v === 'string' && ['y', 'yes', 'true', 'on'].includes(v.toLowerCase());
}

function buildTarget(
	service: string,
	svc: YMap,
	build: YMap,
	secrets: YMap | undefined,
	lookup: (k: string) => string | undefined,
): MutableTarget {
	const t: MutableTarget & XBakeTarget = {};
	const set = (k: keyof MutableTarget, v: unknown) => {
		if (v !== undefined) (t as Record<string, unknown>)[k] = v;
	};
	set('context', str(build['context']));
	if (isMap(build['additional_contexts']))
		set('contexts', namedContexts(build['additional_contexts']));
	set('dockerfile', str(build['dockerfile']));
	set('dockerfile-inline', str(build['dockerfile_inline']));
	set('tags', strings(build['tags']));
	const labels = build['labels'];
	if (isMap(labels)) {
		const out: Record<string, string> = {};
		for (const [k, v] of Object.entries(labels)) out[k] = v === null ? '' : goSprint(v);
		set('labels', out);
	}
	set('args', args(build['args'], lookup));
	set('cache-from', strings(build['cache_from']));
	set('cache-to', strings(build['cache_to']));
	set('network', str(build['network']));
	set('platforms', strings(build['platforms']));
	const ssh = build['ssh'];
	if (isMap(ssh))
		set(
			'ssh',
			sortSsh(
				Object.entries(ssh).map(([id, p]) =>
					p === null || p === '' ? id : `${id}=${goSprint(p)}`,
				),
			),
		);
	set('secret', buildSecrets(build['secrets'], secrets));
	set('shm-size', shmSize(build['shm_size']));
	set('ulimits', ulimits(build['ulimits']));
	const hosts = build['extra_hosts'];
	if (isMap(hosts) && Object.keys(hosts).length) {
		const out: Record<string, string> = {};
		for (const [h, ips] of Object.entries(hosts))
			out[h] = (Array.isArray(ips) ? ips : [ips]).map((x) => goSprint(x as YValue)).join(',');
		set('extra-hosts', out);
	}
	const attest: string[] = [];
	for (const kind of ['sbom', 'provenance'] as const) {
		const v = build[kind];
		if (v === undefined || v === null || v === '') continue;
		const s = goSprint(v);
		const b = parseGoBool(s);
		attest.push(
			b === undefined ? `type=${kind},${s}` : b ? `type=${kind}` : `type=${kind},disabled=true`,
		);
	}
	if (attest.length) set('attest', attest);
	if (truthy(build['no_cache'])) set('no-cache', true);
	if (truthy(build['pull'])) set('pull', true);
	applyXBake(t, build['x-bake'] ?? null, service);
	set('target', str(build['target']));
	const tags = t.tags as string[] | undefined;
	if ((!tags || tags.length === 0) && str(svc['image'])) set('tags', [svc['image'] as string]);
	return t;
}

/** Args without a value take it from the service environment, then the project's; else dropped. */
function args(
	v: YValue | undefined,
	lookup: (k: string) => string | undefined,
): StringMap | undefined {
	if (!isMap(v) || Object.keys(v).length === 0) return undefined;
	const out: Record<string, string> = {};
	for (const [k, x] of Object.entries(v)) {
		if (x !== null) out[k] = goSprint(x);
		else {
			const found = lookup(k);
			if (found !== undefined) out[k] = found;
		}
	}
	return out;
}

function buildSecrets(
	v: YValue | undefined,
	defined: YMap | undefined,
): CompositeEntry[] | undefined {
	if (!Array.isArray(v)) return undefined;
	return v.map((s) => {
		const source = isMap(s) ? goSprint(s['source'] ?? '') : goSprint(s);
		const def =
			defined && has(defined, source) && isMap(defined[source])
				? (defined[source] as YMap)
				: undefined;
		if (def && isExternal(def['external'])) {
			const ext = def['external'];
			const name = str(def['name']) ?? (isMap(ext) ? str(ext['name']) : undefined) ?? source;
			throw new ComposeError(`unsupported external secret ${name}`);
		}
		const parts = [`id=${source}`];
		const file = str(def?.['file']);
		const env = str(def?.['environment']);
		if (file) parts.push(`src=${file}`);
		if (env) parts.push(`env=${env}`);
		return parts.join(',');
	});
}

function shmSize(v: YValue | undefined): string | undefined {
	let bytes = 0;
	if (v instanceof GoNumber && !v.float) bytes = Number(v.value);
	else if (typeof v === 'string') {
		try {
			bytes = ramInBytes(v);
		} catch (e) {
			if (e instanceof UnitsError) throw new ComposeError(e.message);
			throw e;
		}
	}
	return bytes > 0 ? bytesSize(bytes) : undefined;
}

function limit(v: YValue | undefined, what: string): bigint {
	if (v === undefined || v === null) return 0n;
	if (v instanceof GoNumber && !v.float) return BigInt(v.value);
	if (typeof v === 'string' && /^[-+]?\d+$/.test(v)) return BigInt(v);
	throw new ComposeError(`invalid ulimit ${what} value ${JSON.stringify(goSprint(v))}`);
}

function ulimits(v: YValue | undefined): string[] | undefined {
	if (!isMap(v)) return undefined;
	const out: string[] = [];
	for (const [name, u] of Object.entries(v)) {
		if (!isMap(u)) continue;
		let soft = limit(u['soft'], 'soft');
		let hard = limit(u['hard'], 'hard');
		const single = limit(u['single'], 'single');
		if (single !== 0n) {
			soft = single;
			hard = single;
		}
		try {
			out.push(ulimitString(name, soft, hard));
		} catch (e) {
			if (e instanceof UnitsError) throw new ComposeError(e.message);
			throw e;
		}
	}
	return out;
}
