// A compose file's references to other services and files, resolved per file before files
// merge (as compose-go does): `extends` (a service of the same file, or of `extends.file`) and
// `include` (other compose files whose resources join this one; a name defined differently on
// both sides is an error). Files named here are read relative to the working directory.

import {ComposeError} from './errors.js';
import {mergeDocuments} from './merge.js';
import {clone, GoNumber, has, isMap, newMap, type YMap, type YValue} from './values.js';

export interface ReferenceLoader {
	/** A processed model of other files (interpolated, canonical, their references resolved). */
	load(paths: readonly string[], envFiles: readonly string[]): YMap;
}

function service(name: string, value: YValue): YMap {
	const s = newMap();
	s[name] = value;
	const d = newMap();
	d['services'] = s;
	return d;
}

/** A service merged onto the one it extends, with the merge rules of files. */
function extend(base: YMap, own: YMap): YMap {
	const merged = mergeDocuments(service('x', clone(base)), service('x', own));
	return (merged['services'] as YMap)['x'] as YMap;
}

export function applyExtends(doc: YMap, file: string, loader: ReferenceLoader): void {
	const services = doc['services'];
	if (!isMap(services)) return;
	const done = new Set<string>();
	const chain: string[] = [];
	const resolve = (name: string): YValue => {
		const svc = services[name];
		if (done.has(name) || !isMap(svc) || !isMap(svc['extends'])) {
			done.add(name);
			return svc as YValue;
		}
		if (chain.includes(name))
			throw new ComposeError(`circular reference with extends: ${[...chain, name].join(' -> ')}`);
		chain.push(name);
		const ext = svc['extends'] as YMap;
		const ref = ext['service'];
		const other = ext['file'];
		if (typeof ref !== 'string')
			throw new ComposeError(`services.${name}.extends.service must be a string`);
		let base: YValue | undefined;
		let where = file;
		if (typeof other === 'string') {
			where = other;
			const loaded = loader.load([other], []);
			const s = loaded['services'];
			base = isMap(s) && has(s, ref) ? s[ref] : undefined;
		} else if (has(services, ref)) base = resolve(ref);
		if (base === undefined)
			throw new ComposeError(
				`cannot extend service ${JSON.stringify(name)} in ${where}: service ${JSON.stringify(ref)} not found`,
			);
		const own = newMap();
		for (const [k, v] of Object.entries(svc)) if (k !== 'extends') own[k] = v;
		services[name] = extend(isMap(base) ? base : newMap(), own);
		chain.pop();
		done.add(name);
		return services[name] as YValue;
	};
	for (const name of Object.keys(services)) resolve(name);
}

const RESOURCES = ['services', 'secrets', 'volumes', 'networks', 'configs'];

export function applyIncludes(doc: YMap, loader: ReferenceLoader): void {
	const include = doc['include'];
	if (include === undefined) return;
	delete doc['include'];
	if (!Array.isArray(include)) throw new ComposeError('include must be a list');
	for (const entry of include) {
		if (!isMap(entry) || !Array.isArray(entry['path']))
			throw new ComposeError('include must be a list of paths or mappings with a path');
		const paths = entry['path'].filter((p): p is string => typeof p === 'string');
		const envFile = entry['env_file'];
		const envFiles =
			typeof envFile === 'string'
				? [envFile]
				: Array.isArray(envFile)
					? envFile.filter((p): p is string => typeof p === 'string')
					: [];
		const included = loader.load(paths, envFiles);
		for (const key of RESOURCES) {
			const from = included[key];
			if (!isMap(from)) continue;
			const into = isMap(doc[key]) ? (doc[key] as YMap) : newMap();
			for (const [name, value] of Object.entries(from)) {
				if (has(into, name) && !sameValue(into[name] as YValue, value))
					throw new ComposeError(`${key}.${name} conflicts with imported resource`);
				into[name] = value;
			}
			doc[key] = into;
		}
	}
}

function sameValue(a: YValue, b: YValue): boolean {
	if (Array.isArray(a))
		return (
			Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i] as YValue))
		);
	if (isMap(a)) {
		if (!isMap(b)) return false;
		const ka = Object.keys(a);
		return (
			ka.length === Object.keys(b).length &&
			ka.every((k) => has(b, k) && sameValue(a[k] as YValue, b[k] as YValue))
		);
	}
	if (a instanceof GoNumber)
		return b instanceof GoNumber && a.float === b.float && a.value === b.value;
	return a === b;
}
