// Set functions from cty's stdlib (set.go): union, intersection, subtract, symmetric
// difference, membership and cartesian product. Tuples and lists convert to sets first.

import {convert, unifyTypes} from '../cty/convert.js';
import {normalizeSetItems, setHas, setValue} from '../cty/set.js';
import {typeEquals, typeOf} from '../cty/types.js';
import type {Type, Value} from '../cty/value.js';
import {bool, DYNAMIC, list, tuple} from '../cty/value.js';
import {arg, p, pAny} from './args.js';
import type {FunctionDef} from './types.js';
import {FunctionArgError} from './types.js';

const SET_ANY: Type = {kind: 'set', elem: DYNAMIC};

function items(v: Value): readonly Value[] {
	return v.kind === 'set' || v.kind === 'list' || v.kind === 'tuple' ? v.items : [];
}

/** cty setOperationReturnType: unify element types of the non-empty sets. */
function resultType(args: readonly Value[]): Type {
	const etys = args
		.filter((a) => items(a).length > 0)
		.map((a) => (a.kind === 'set' ? a.elem : DYNAMIC));
	if (etys.length === 0) return SET_ANY;
	const e = unifyTypes(etys, true);
	if (!e) throw new Error('given sets must all have compatible element types');
	return {kind: 'set', elem: e};
}

function setOp(
	f: (a: readonly Value[], b: readonly Value[]) => Value[],
	varName: string,
	fixed: string[],
): FunctionDef {
	return {
		params: fixed.map((n) => p(n, SET_ANY)),
		varParam: varName ? p(varName, SET_ANY) : undefined,
		impl: (args) => {
			const rt = resultType(args);
			let acc: Value[] = [];
			args.forEach((a, i) => {
				let c: Value;
				try {
					c = convert(a, rt);
				} catch (err) {
					throw new FunctionArgError(i, (err as Error).message);
				}
				acc = i === 0 ? [...items(c)] : f(acc, items(c));
			});
			return setValue(rt.kind === 'set' ? rt.elem : DYNAMIC, acc);
		},
	};
}

export const SET_FUNCTIONS: Record<string, FunctionDef> = {
	setunion: setOp((a, b) => [...a, ...b], 'other_sets', ['first_set']),
	setintersection: setOp((a, b) => a.filter((x) => setHas(b, x)), 'other_sets', ['first_set']),
	setsubtract: setOp((a, b) => a.filter((x) => !setHas(b, x)), '', ['a', 'b']),
	setsymmetricdifference: setOp(
		(a, b) => [...a.filter((x) => !setHas(b, x)), ...b.filter((x) => !setHas(a, x))],
		'other_sets',
		['first_set'],
	),
	sethaselement: {
		params: [p('set', SET_ANY), pAny('elem', true)],
		impl: (args) => {
			const s = arg(args, 0);
			const e = arg(args, 1);
			if (s.kind !== 'set') return bool(false);
			if (s.elem.kind !== 'dynamic' && !typeEquals(typeOf(e), s.elem)) return bool(false);
			return bool(setHas(s.items, e));
		},
	},
	setproduct: {
		params: [],
		varParam: pAny('sets'),
		impl: (args) => {
			if (args.length < 2) throw new Error('at least two arguments are required');
			let lists = 0;
			const etys: Type[] = args.map((a, i) => {
				if (a.kind === 'set') return a.elem;
				if (a.kind === 'list') {
					lists++;
					return a.elem;
				}
				if (a.kind === 'tuple') {
					lists++;
					if (a.items.length === 0) return DYNAMIC;
					const u = unifyTypes(a.items.map(typeOf), true);
					if (!u) throw new FunctionArgError(i, 'a set or a list is required');
					return u;
				}
				throw new FunctionArgError(i, 'a set or a list is required');
			});
			const ety: Type = {kind: 'tuple', elems: etys};
			const asList = lists === args.length;
			const seqs = args.map((a) => items(a));
			const out: Value[] = [];
			if (seqs.every((s) => s.length > 0)) {
				const idx = seqs.map(() => 0);
				for (;;) {
					out.push(tuple(idx.map((k, j) => convert(seqs[j]?.[k] as Value, etys[j] as Type))));
					let j = idx.length - 1;
					for (; j >= 0; j--) {
						idx[j] = (idx[j] as number) + 1;
						if ((idx[j] as number) < (seqs[j] as readonly Value[]).length) break;
						idx[j] = 0;
					}
					if (j < 0) break;
				}
			}
			return asList ? list(ety, out) : {kind: 'set', elem: ety, items: normalizeSetItems(out)};
		},
	},
};
