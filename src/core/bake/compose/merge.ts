// Merging compose files in order (compose-go override.Merge on canonical forms): mappings merge
// key by key, a later scalar replaces, a later null keeps the earlier value, lists append
// (build tags then drop repeats). Key/value mappings (args, labels, environment, ...) take a
// later null too, as compose-go's merge-as-`K=V`-sequence does; extra_hosts append the addresses
// they do not have yet. `!reset` removes a value, `!override` replaces it without merging.

import {
	clone,
	has,
	isMap,
	newMap,
	OverrideTag,
	ResetTag,
	stripTags,
	type YMap,
	type YValue,
} from './values.js';

type Path = readonly string[];

const matches = (path: Path, pattern: string): boolean => {
	const parts = pattern.split('.');
	return parts.length === path.length && parts.every((p, i) => p === '*' || p === path[i]);
};

const KEY_VALUE = [
	'services.*.build.args',
	'services.*.build.labels',
	'services.*.build.additional_contexts',
	'services.*.environment',
];
const UNIQUE_LISTS = ['services.*.build.tags'];

export function mergeDocuments(base: YMap, over: YMap): YMap {
	return mergeMaps(base, over, []);
}

function mergeMaps(base: YMap, over: YMap, path: Path): YMap {
	const out = newMap();
	for (const [k, v] of Object.entries(base)) out[k] = v;
	const keyValue = KEY_VALUE.some((p) => matches(path, p));
	for (const [k, v] of Object.entries(over)) {
		const at = [...path, k];
		if (v instanceof ResetTag) {
			delete out[k];
			continue;
		}
		if (v instanceof OverrideTag) {
			out[k] = stripTags(v.value);
			continue;
		}
		if (!has(out, k) || keyValue) {
			out[k] = clone(v);
			continue;
		}
		out[k] = mergeValue(out[k] as YValue, v, at);
	}
	return out;
}

function mergeValue(base: YValue, over: YValue, path: Path): YValue {
	if (over === null) return base;
	if (matches(path, 'services.*.build.extra_hosts') && isMap(base) && isMap(over)) {
		const out = newMap();
		for (const [h, ips] of Object.entries(base)) out[h] = ips;
		for (const [h, ips] of Object.entries(over)) {
			const prev = Array.isArray(out[h]) ? (out[h] as YValue[]) : [];
			const add = Array.isArray(ips) ? ips.filter((ip) => !prev.includes(ip)) : [];
			out[h] = [...prev, ...add];
		}
		return out;
	}
	if (isMap(base) && isMap(over)) return mergeMaps(base, over, path);
	if (Array.isArray(base) && Array.isArray(over)) {
		const list = [...base, ...over.filter((x) => !(x instanceof ResetTag)).map(clone)];
		if (UNIQUE_LISTS.some((p) => matches(path, p))) return [...new Set(list)];
		return list;
	}
	return clone(over);
}
