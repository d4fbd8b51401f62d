// Map, object and indexing functions from cty's stdlib (collection.go): keys, values, lookup,
// merge, zipmap, index, hasindex, length. Object results keep their per-attribute types.

import {convert} from '../cty/convert.js';
import {valuesEqual} from '../cty/equal.js';
import {Num} from '../cty/number.js';
import {typeEquals, typeOf} from '../cty/types.js';
import type {Type, Value} from '../cty/value.js';
import {bool, list, map, object, STRING, str as strVal, tuple} from '../cty/value.js';
import {arg, friendly, goString, graphemes, p, pAny, pStr, str} from './args.js';
import type {FunctionDef} from './types.js';
import {FunctionArgError} from './types.js';

function entriesOf(v: Value): ReadonlyMap<string, Value> | undefined {
	if (v.kind === 'map') return v.entries;
	if (v.kind === 'object') return v.attrs;
	return undefined;
}

/** cty Value.HasIndex for lists, tuples and maps (no key conversion). */
function hasIndex(coll: Value, key: Value): boolean {
	if (coll.kind === 'list' || coll.kind === 'tuple') {
		if (key.kind !== 'number') return false;
		const i = key.value.toBigInt();
		return i !== undefined && i >= 0n && i < BigInt(coll.items.length);
	}
	if (coll.kind === 'map') return key.kind === 'string' && coll.entries.has(key.value);
	return false;
}

export const MAP_FUNCTIONS: Record<string, FunctionDef> = {
	length: {
		params: [pAny('collection')],
		impl: (args) => {
			const v = arg(args, 0);
			let n: number;
			if (v.kind === 'string') n = graphemes(v.value).length;
			else if (v.kind === 'list' || v.kind === 'set' || v.kind === 'tuple') n = v.items.length;
			else if (v.kind === 'map') n = v.entries.size;
			else if (v.kind === 'object') n = v.attrs.size;
			else throw new Error('argument must be a string, a collection type, or a structural type');
			return {kind: 'number', value: Num.fromInt(n)};
		},
	},
	keys: {
		params: [pAny('inputMap')],
		impl: (args) => {
			const v = arg(args, 0);
			const es = entriesOf(v);
			if (!es) throw new FunctionArgError(0, 'must have map or object type');
			const ks = [...es.keys()].map(strVal);
			return v.kind === 'map' ? list(STRING, ks) : tuple(ks);
		},
	},
	values: {
		params: [pAny('values')],
		impl: (args) => {
			const v = arg(args, 0);
			if (v.kind === 'map') return list(v.elem, [...v.entries.values()]);
			if (v.kind === 'object') return tuple([...v.attrs.values()]);
			throw new Error('values() requires a map as the first argument');
		},
	},
	lookup: {
		params: [pAny('inputMap'), pStr('key'), pAny('default')],
		impl: (args) => {
			const m = arg(args, 0);
			const key = str(args, 1);
			const def = arg(args, 2);
			if (m.kind === 'object') {
				const hit = m.attrs.get(key);
				return hit ?? def;
			}
			if (m.kind === 'map') {
				let d: Value;
				try {
					d = convert(def, m.elem);
				} catch {
					throw new FunctionArgError(
						2,
						'the default value must have the same type as the map elements',
					);
				}
				return m.entries.get(key) ?? d;
			}
			throw new FunctionArgError(0, 'lookup() requires a map as the first argument');
		},
	},
	merge: {
		params: [],
		varParam: pAny('maps', true),
		impl: (args) => {
			const out = new Map<string, Value>();
			let allSame = true;
			let first: Type | undefined;
			let anyDynamic = false;
			args.forEach((a, i) => {
				const t = typeOf(a);
				if (t.kind === 'dynamic') anyDynamic = true;
				else if (t.kind !== 'map' && t.kind !== 'object') {
					throw new FunctionArgError(i, `arguments must be maps or objects, got "${friendly(a)}"`);
				}
				if (i === 0) first = t;
				else if (first && !typeEquals(t, first)) allSame = false;
				for (const [k, v] of entriesOf(a) ?? []) out.set(k, v);
			});
			// cty: identical argument types give that type; otherwise an object.
			if (!anyDynamic && allSame && first?.kind === 'map') return map(first.elem, out);
			return object(out);
		},
	},
	zipmap: {
		params: [p('keys', {kind: 'list', elem: STRING}), pAny('values')],
		impl: (args) => {
			const keys = arg(args, 0);
			const vals = arg(args, 1);
			if (vals.kind !== 'list' && vals.kind !== 'tuple') {
				throw new Error('values argument must be a list or tuple value');
			}
			const ks = keys.kind === 'list' ? keys.items : [];
			if (ks.length !== vals.items.length) {
				throw new Error(
					`count of keys (${ks.length}) does not match count of values (${vals.items.length})`,
				);
			}
			const out: [string, Value][] = [];
			ks.forEach((k, i) => {
				if (k.kind !== 'string')
					throw new FunctionArgError(0, `keys list has null value at index ${i}`);
				out.push([k.value, vals.items[i] as Value]);
			});
			return vals.kind === 'list' ? map(vals.elem, out) : object(out);
		},
	},
	index: {
		params: [pAny('collection'), pAny('key')],
		impl: (args) => {
			const c = arg(args, 0);
			const k = arg(args, 1);
			if (c.kind === 'tuple') {
				if (k.kind !== 'number') throw new Error('key for tuple must be number');
				const i = k.value.toBigInt();
				if (i === undefined) {
					throw new Error(
						'invalid key for tuple: value must be a whole number, between -9223372036854775808 and 9223372036854775807',
					);
				}
				if (i < 0n || i >= BigInt(c.items.length)) {
					throw new Error(`key must be between 0 and ${c.items.length} inclusive`);
				}
			} else if (c.kind === 'list') {
				if (k.kind !== 'number') throw new Error('key for list must be number');
			} else if (c.kind === 'map') {
				if (k.kind !== 'string') throw new Error('key for map must be string');
			} else {
				throw new Error('collection must be a list, a map or a tuple');
			}
			if (!hasIndex(c, k)) throw new Error(`invalid index ${goString(k)}`);
			if (c.kind === 'map') return c.entries.get((k as {value: string}).value) as Value;
			return c.items[Number((k as {value: Num}).value.toBigInt())] as Value;
		},
	},
	hasindex: {
		params: [pAny('collection'), pAny('key')],
		impl: (args) => {
			const c = arg(args, 0);
			if (c.kind !== 'list' && c.kind !== 'tuple' && c.kind !== 'map') {
				throw new Error('collection must be a list, a map or a tuple');
			}
			return bool(hasIndex(c, arg(args, 1)));
		},
	},
	indexof: {
		params: [pAny('list'), pAny('value')],
		impl: (args) => {
			const l = arg(args, 0);
			const v = arg(args, 1);
			if (l.kind !== 'list' && l.kind !== 'tuple')
				throw new Error('argument must be a list or tuple');
			if (l.items.length === 0) throw new Error('cannot search an empty list');
			const i = l.items.findIndex((x) => valuesEqual(x, v));
			if (i < 0) throw new Error('item not found');
			return {kind: 'number', value: Num.fromInt(i)};
		},
	},
};
