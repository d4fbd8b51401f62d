// cty convert.Unify / UnifyUnsafe: the single type that all given types convert to, used for
// conditionals (`c ? a : b`, unsafe) and function results. undefined means "no common type".

import {canConvert} from './convert.js';
import {typeEquals} from './types.js';
import type {Type} from './value.js';
import {DYNAMIC} from './value.js';

export function unifyTypes(types: readonly Type[], unsafe = true): Type | undefined {
	// cty treats an empty list of types as a degenerate case with no common type.
	if (types.length === 0) return undefined;
	// All of one primitive type (both branches of most conditionals): that type, as the
	// preference walk below would find, without counting kinds.
	const first = types[0] as Type;
	if (first.kind === 'string' || first.kind === 'number' || first.kind === 'bool') {
		let same = true;
		for (let i = 1; i < types.length && same; i++) same = types[i]?.kind === first.kind;
		if (same) return first;
	}
	const count = (k: Type['kind']) => types.filter((t) => t.kind === k).length;
	const n = types.length;
	const maps = count('map');
	const lists = count('list');
	const sets = count('set');
	const objects = count('object');
	const tuples = count('tuple');
	const dyn = count('dynamic');
	// Same structural kind: build a new type (cty tries this before the preference walk).
	if (maps > 0 && maps + dyn === n) return unifyCollections('map', types, unsafe, dyn > 0);
	if (maps > 0 && maps + objects + dyn === n) {
		const t = unifyAsCollection('map', types, unsafe);
		if (t) return t;
	} else if (lists > 0 && lists + dyn === n) {
		return unifyCollections('list', types, unsafe, dyn > 0);
	} else if (lists > 0 && lists + tuples + dyn === n) {
		const t = unifyAsCollection('list', types, unsafe);
		if (t) return t;
	} else if (sets > 0 && sets + dyn === n) {
		return unifyCollections('set', types, unsafe, dyn > 0);
	} else if (objects > 0 && objects + dyn === n) {
		return dyn > 0 ? DYNAMIC : unifyObjects(types as (Type & {kind: 'object'})[], unsafe);
	} else if (tuples > 0 && tuples + dyn === n) {
		return dyn > 0 ? DYNAMIC : unifyTuples(types as (Type & {kind: 'tuple'})[], unsafe);
	} else if (objects > 0 && tuples > 0) {
		return undefined;
	}
	for (const want of preferenceOrder(types)) {
		if (types.every((t) => typeEquals(t, want) || canConvert(t, want, unsafe))) return want;
	}
	return undefined;
}

function unifyCollections(
	kind: 'list' | 'set' | 'map',
	types: readonly Type[],
	unsafe: boolean,
	dyn: boolean,
): Type | undefined {
	if (dyn) return DYNAMIC;
	const elems = types.map((t) => (t as Type & {elem: Type}).elem);
	const e = unifyTypes(elems, unsafe);
	return e ? {kind, elem: e} : undefined;
}

/** Objects as maps / tuples as lists, mixed with real maps / lists. */
function unifyAsCollection(
	kind: 'list' | 'map',
	types: readonly Type[],
	unsafe: boolean,
): Type | undefined {
	const elems: Type[] = [];
	for (const t of types) {
		if (t.kind === 'map' || t.kind === 'list') elems.push(t.elem);
		else if (t.kind === 'object') elems.push(...Object.values(t.attrs));
		else if (t.kind === 'tuple') elems.push(...t.elems);
	}
	const e = unifyTypes(elems, unsafe);
	return e ? {kind, elem: e} : undefined;
}

function unifyObjects(
	types: readonly (Type & {kind: 'object'})[],
	unsafe: boolean,
): Type | undefined {
	const first = types[0] as Type & {kind: 'object'};
	const names = Object.keys(first.attrs);
	for (const t of types) {
		const k = Object.keys(t.attrs);
		// Different attribute names: no common object type, but maybe a map (cty
		// unifyObjectTypesToMap), so `c ? {a = "x"} : {b = "y"}` is a map of string.
		if (k.length !== names.length || !names.every((nm) => nm in t.attrs)) {
			return unifyAsCollection('map', types, unsafe);
		}
	}
	const attrs: Record<string, Type> = {};
	for (const nm of names) {
		const u = unifyTypes(
			types.map((t) => t.attrs[nm] as Type),
			unsafe,
		);
		if (!u) return undefined;
		attrs[nm] = u;
	}
	return {kind: 'object', attrs};
}

function unifyTuples(
	types: readonly (Type & {kind: 'tuple'})[],
	unsafe: boolean,
): Type | undefined {
	const len = (types[0] as Type & {kind: 'tuple'}).elems.length;
	// Different lengths: maybe a list (cty unifyTupleTypesToList), e.g. `c ? ["a"] : []`.
	if (types.some((t) => t.elems.length !== len)) return unifyAsCollection('list', types, unsafe);
	const elems: Type[] = [];
	for (let i = 0; i < len; i++) {
		const u = unifyTypes(
			types.map((t) => t.elems[i] as Type),
			unsafe,
		);
		if (!u) return undefined;
		elems.push(u);
	}
	return {kind: 'tuple', elems};
}

/**
 * cty's compareTypes preference, flattened to ranks: string (every primitive converts to it),
 * then lists/maps (over tuples/objects), then the rest, then sets, and dynamic last (it is
 * assumed to converge on its neighbours).
 */
function generality(t: Type): number {
	switch (t.kind) {
		case 'string':
			return 0;
		case 'list':
		case 'map':
			return 1;
		case 'set':
			return 3;
		case 'dynamic':
			return 4;
		default:
			return 2;
	}
}

function preferenceOrder(types: readonly Type[]): Type[] {
	const uniq: Type[] = [];
	for (const t of types) if (!uniq.some((u) => typeEquals(u, t))) uniq.push(t);
	return uniq
		.map((t, i) => ({t, i}))
		.sort((a, b) => generality(a.t) - generality(b.t) || a.i - b.i)
		.map((x) => x.t);
}
