// cty/convert for fully known values: convert(v, T) is cty's convert.Convert (unsafe
// conversions allowed: string->number, string->bool, list->set, map->object), failing with
// cty's messages. Type-level feasibility (canConvert) is separate from value-level failures
// (e.g. "a number is required" for "abc"), as in cty. Unification lives in unify.ts.

import {mismatchMessage} from './mismatch.js';
import {Num} from './number.js';
import {normalizeSetItems} from './set.js';
import {hasDynamic, isPrimitive as isPrimitiveType, typeEquals, typeOf} from './types.js';
import {unifyTypes} from './unify.js';
import type {Type, Value} from './value.js';
import {FALSE, nullOf, sortedMap, str, TRUE} from './value.js';

export type PathStep = string | number;

/** A conversion failure; `path` locates the failing element (empty: the value itself). */
export class ConversionError extends Error {
	readonly path: readonly PathStep[];
	constructor(message: string, path: readonly PathStep[] = []) {
		super(message);
		this.name = 'ConversionError';
		this.path = path;
	}
}

/** Whether any conversion from `from` to `to` exists (cty GetConversion/GetConversionUnsafe). */
export function canConvert(from: Type, to: Type, unsafe = true): boolean {
	if (typeEquals(from, to) || to.kind === 'dynamic') return true;
	if (from.kind === 'dynamic') return unsafe;
	switch (to.kind) {
		case 'string':
			return from.kind === 'number' || from.kind === 'bool';
		case 'number':
		case 'bool':
			return unsafe && from.kind === 'string';
		case 'list':
		case 'set':
			if (from.kind === 'list' || from.kind === 'set') {
				if (to.kind === 'set' && from.kind === 'list' && !unsafe) return false;
				return canConvert(from.elem, to.elem, unsafe);
			}
			if (from.kind === 'tuple') {
				if (to.elem.kind === 'dynamic') {
					return from.elems.length === 0 || unifyTypes(from.elems, unsafe) !== undefined;
				}
				return from.elems.every((t) => canConvert(t, to.elem, unsafe));
			}
			return false;
		case 'map':
			if (from.kind === 'map') return canConvert(from.elem, to.elem, unsafe);
			if (from.kind === 'object') {
				const ts = Object.values(from.attrs);
				if (to.elem.kind === 'dynamic') {
					return ts.length === 0 || unifyTypes(ts, unsafe) !== undefined;
				}
				return ts.every((t) => canConvert(t, to.elem, unsafe));
			}
			return false;
		case 'tuple':
			return (
				from.kind === 'tuple' &&
				from.elems.length === to.elems.length &&
				from.elems.every((t, i) => canConvert(t, to.elems[i] as Type, unsafe))
			);
		case 'object': {
			const opt = new Set(to.optional ?? []);
			if (from.kind === 'object') {
				for (const [k, t] of Object.entries(to.attrs)) {
					const ft = from.attrs[k];
					if (ft === undefined) {
						if (!opt.has(k)) return false;
					} else if (!canConvert(ft, t, unsafe)) return false;
				}
				return true;
			}
			if (from.kind === 'map' && unsafe) {
				return Object.entries(to.attrs).every(
					([k, t]) => opt.has(k) || canConvert(from.elem, t, unsafe),
				);
			}
			return false;
		}
	}
}

/** cty convert.Convert. Throws ConversionError with cty's wording. */
export function convert(v: Value, want: Type): Value {
	// Most conversions are identities (any value for an `any` parameter, a string where a
	// string is wanted); answering them before typeOf saves building a type per call.
	if (want.kind === 'dynamic') return v;
	if (v.kind === want.kind) {
		if (v.kind === 'string' || v.kind === 'number' || v.kind === 'bool') return v;
		if ((v.kind === 'list' || v.kind === 'set' || v.kind === 'map') && isPrimitiveType(v.elem)) {
			if (v.elem.kind === (want as {elem: Type}).elem.kind) return v;
		}
	}
	// A tuple literal of strings for a list(string) parameter (join, every list field): the
	// items are already of the element type, so they are shared, not converted one by one.
	if (want.kind === 'list' && v.kind === 'tuple' && isPrimitiveType(want.elem)) {
		const k = want.elem.kind;
		if (v.items.every((x) => x.kind === k)) return {kind: 'list', elem: want.elem, items: v.items};
	}
	const got = typeOf(v);
	if (typeEquals(got, want)) return v;
	if (!canConvert(got, want, true)) throw new ConversionError(mismatchMessage(got, want));
	return conv(v, want, []);
}

/** Value-level conversion; the type-level check has passed. */
function conv(v: Value, want: Type, path: PathStep[]): Value {
	if (want.kind === 'dynamic') return v;
	if (v.kind === 'null') return nullOf(want);
	const got = typeOf(v);
	if (typeEquals(got, want)) return v;
	switch (want.kind) {
		case 'string':
			if (v.kind === 'number') return str(v.value.toString());
			if (v.kind === 'bool') return str(v.value ? 'true' : 'false');
			break;
		case 'number':
			if (v.kind === 'string') {
				const n = Num.parse(v.value);
				if (!n) throw new ConversionError('a number is required', path);
				return {kind: 'number', value: n};
			}
			break;
		case 'bool':
			if (v.kind === 'string') return stringToBool(v.value, path);
			break;
		case 'list':
		case 'set':
			if (v.kind === 'list' || v.kind === 'set' || v.kind === 'tuple') {
				// A wanted `any` element keeps a collection's own element type (even when empty).
				const elem = want.elem.kind === 'dynamic' && v.kind !== 'tuple' ? v.elem : want.elem;
				return toListOrSet(v.items, want.kind, elem, path);
			}
			break;
		case 'map':
			if (v.kind === 'map' || v.kind === 'object') {
				if (v.kind === 'map') {
					return toMap(v.entries, want.elem.kind === 'dynamic' ? v.elem : want.elem, path);
				}
				return toMap(v.attrs, want.elem, path);
			}
			break;
		case 'tuple':
			if (v.kind === 'tuple') {
				return {
					kind: 'tuple',
					items: v.items.map((x, i) => conv(x, want.elems[i] as Type, [...path, i])),
				};
			}
			break;
		case 'object':
			if (v.kind === 'object' || v.kind === 'map') return toObject(v, want, path);
			break;
	}
	throw new ConversionError(mismatchMessage(got, want), path);
}

function stringToBool(s: string, path: PathStep[]): Value {
	if (s === 'true' || s === '1') return TRUE;
	if (s === 'false' || s === '0') return FALSE;
	const lower = s.toLowerCase();
	if (lower === 'true' || lower === 'false') {
		throw new ConversionError(
			`a bool is required; to convert from string, use lowercase "${lower}"`,
			path,
		);
	}
	throw new ConversionError('a bool is required', path);
}

/** The element type a converted collection gets: a wanted `any` takes the items' own type. */
function resultElem(want: Type, items: readonly Value[]): Type {
	if (!hasDynamic(want) || items.length === 0) return want;
	return typeOf(items[0] as Value);
}

function unifiedTarget(items: readonly Value[], want: Type, path: PathStep[], noun: string): Type {
	if (want.kind !== 'dynamic' || items.length === 0) return want;
	const u = unifyTypes(items.map(typeOf), true);
	if (!u) throw new ConversionError(`all ${noun} elements must have the same type`, path);
	return u;
}

function toListOrSet(
	src: readonly Value[],
	kind: 'list' | 'set',
	elem: Type,
	path: PathStep[],
): Value {
	const target = unifiedTarget(src, elem, path, kind);
	const items = src.map((x, i) => conv(x, target, [...path, i]));
	const e = resultElem(target, items);
	if (kind === 'list') return {kind: 'list', elem: e, items};
	return {kind: 'set', elem: e, items: normalizeSetItems(items)};
}

function toMap(src: ReadonlyMap<string, Value>, elem: Type, path: PathStep[]): Value {
	const target = unifiedTarget([...src.values()], elem, path, 'map');
	const entries: [string, Value][] = [];
	for (const [k, x] of src) entries.push([k, conv(x, target, [...path, k])]);
	const e = resultElem(
		target,
		entries.map((p) => p[1]),
	);
	return {kind: 'map', elem: e, entries: sortedMap(entries)};
}

function toObject(
	v: Value & {kind: 'object' | 'map'},
	want: Type & {kind: 'object'},
	path: PathStep[],
): Value {
	const src = v.kind === 'map' ? v.entries : v.attrs;
	const opt = new Set(want.optional ?? []);
	const out: [string, Value][] = [];
	for (const [k, t] of Object.entries(want.attrs)) {
		const x = src.get(k);
		if (x === undefined) {
			if (!opt.has(k)) {
				const msg =
					v.kind === 'map'
						? `map has no element for required attribute "${k}"`
						: `attribute "${k}" is required`;
				throw new ConversionError(msg, path);
			}
			out.push([k, nullOf(t)]);
			continue;
		}
		if (v.kind === 'map' && !canConvert(typeOf(x), t, true)) {
			throw new ConversionError(
				`map element type is incompatible with attribute "${k}": ${mismatchMessage(typeOf(x), t)}`,
				path,
			);
		}
		out.push([k, conv(x, t, [...path, k])]);
	}
	return {kind: 'object', attrs: sortedMap(out)};
}

/**
 * Conversion for type constraints with optional(T, default): fills null/missing optional
 * attributes that have defaults (HCL typeexpr Defaults), then converts.
 */
export function convertWithDefaults(v: Value, want: Type): Value {
	return applyDefaults(convert(v, want), want);
}

function applyDefaults(v: Value, t: Type): Value {
	switch (t.kind) {
		case 'object': {
			if (v.kind !== 'object') return v;
			const out: [string, Value][] = [];
			for (const [k, x] of v.attrs) {
				const at = t.attrs[k];
				const d = t.defaults?.[k];
				let y = x;
				if (y.kind === 'null' && d !== undefined && at) y = convert(d, at);
				out.push([k, at ? applyDefaults(y, at) : y]);
			}
			return {kind: 'object', attrs: sortedMap(out)};
		}
		case 'list':
			return v.kind === 'list' ? {...v, items: v.items.map((x) => applyDefaults(x, t.elem))} : v;
		case 'set':
			return v.kind === 'set'
				? {...v, items: normalizeSetItems(v.items.map((x) => applyDefaults(x, t.elem)))}
				: v;
		case 'map':
			if (v.kind !== 'map') return v;
			return {
				...v,
				entries: sortedMap([...v.entries].map(([k, x]) => [k, applyDefaults(x, t.elem)] as const)),
			};
		case 'tuple':
			if (v.kind !== 'tuple') return v;
			return {
				kind: 'tuple',
				items: v.items.map((x, i) => {
					const et = t.elems[i];
					return et ? applyDefaults(x, et) : x;
				}),
			};
		default:
			return v;
	}
}

export {mismatchMessage} from './mismatch.js';
export {unifyTypes} from './unify.js';
