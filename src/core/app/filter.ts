// Matrix-vector filter: per axis, the values the user keeps. An axis that is absent keeps all
// of its values; an instance without an axis is never filtered by it (`system` has no
// cargo_profile, so hiding "release" must not hide it).

import type {GraphNode, MatrixAxis} from '../graph/types.js';
import type {VectorFilter} from './types.js';

export const NO_FILTER: VectorFilter = new Map();

export function matchesFilter(node: GraphNode, filter: VectorFilter): boolean {
	if (filter.size === 0) return true;
	for (const [axis, kept] of filter) {
		const value = node.vector.get(axis);
		if (value !== undefined && !kept.has(value)) return false;
	}
	return true;
}

/** Flips one value of one axis; an axis that keeps every value drops out of the filter. */
export function toggleFilterValue(
	filter: VectorFilter,
	axis: MatrixAxis,
	value: string,
): VectorFilter {
	const kept = new Set(filter.get(axis.name) ?? axis.values);
	if (kept.has(value)) kept.delete(value);
	else kept.add(value);
	const next = new Map(filter);
	if (axis.values.every((v) => kept.has(v))) next.delete(axis.name);
	else next.set(axis.name, kept);
	return next;
}

/** Keeps only `value` on the axis, or everything again when it was already the only one. */
export function soloFilterValue(
	filter: VectorFilter,
	axis: MatrixAxis,
	value: string,
): VectorFilter {
	const kept = filter.get(axis.name);
	const next = new Map(filter);
	if (kept && kept.size === 1 && kept.has(value)) next.delete(axis.name);
	else next.set(axis.name, new Set([value]));
	return next;
}

export function clearAxis(filter: VectorFilter, axis: string): VectorFilter {
	if (!filter.has(axis)) return filter;
	const next = new Map(filter);
	next.delete(axis);
	return next;
}

export function isKept(filter: VectorFilter, axis: string, value: string): boolean {
	const kept = filter.get(axis);
	return !kept || kept.has(value);
}

/** `rust_toolchain=stable cargo_profile=release,test` for the header; empty without a filter. */
export function describeFilter(filter: VectorFilter): string {
	return [...filter].map(([axis, kept]) => `${axis}=${[...kept].join(',') || '∅'}`).join(' ');
}

export function filterToJson(filter: VectorFilter): Record<string, string[]> {
	return Object.fromEntries([...filter].map(([k, v]) => [k, [...v]]));
}

export function filterFromJson(
	json: Readonly<Record<string, readonly string[]>> | undefined,
): VectorFilter {
	if (!json) return NO_FILTER;
	return new Map(Object.entries(json).map(([k, v]) => [k, new Set(v)]));
}
