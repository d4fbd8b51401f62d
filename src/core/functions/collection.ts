// Sequence functions from cty's stdlib (collection.go, sequence.go): element, slice, concat,
// flatten, distinct, chunklist, compact, contains, coalesce(list), range, reverselist, sort.

import {convert, unifyTypes} from '../cty/convert.js';
import {valuesEqual} from '../cty/equal.js';
import {Num} from '../cty/number.js';
import {typeOf} from '../cty/types.js';
import type {Type, Value} from '../cty/value.js';
import {bool, DYNAMIC, list, NUMBER, STRING, tuple} from '../cty/value.js';
import {arg, friendly, goInt, num, p, pAny, pNum, seqItems} from './args.js';
import type {FunctionDef} from './types.js';
import {FunctionArgError} from './types.js';

const LIST_ANY: Type = {kind: 'list', elem: DYNAMIC};

function listElem(v: Value): Type {
	return v.kind === 'list' || v.kind === 'set' || v.kind === 'map' ? v.elem : DYNAMIC;
}

function intOr(n: Num, prefix: string): number {
	try {
		return goInt(n);
	} catch (err) {
		throw new Error(`${prefix}: ${(err as Error).message}`);
	}
}

function sliceIndexes(args: readonly Value[], length: number): [number, number] {
	let start: number;
	let end: number;
	try {
		start = goInt(num(args, 1));
	} catch (err) {
		throw new FunctionArgError(1, `invalid start index: ${(err as Error).message}`);
	}
	if (start < 0) throw new FunctionArgError(1, 'start index must not be less than zero');
	if (start > length) {
		throw new FunctionArgError(1, 'start index must not be greater than the length of the list');
	}
	try {
		end = goInt(num(args, 2));
	} catch (err) {
		throw new FunctionArgError(2, `invalid end index: ${(err as Error).message}`);
	}
	if (end < 0) throw new FunctionArgError(2, 'end index must not be less than zero');
	if (end > length) {
		throw new FunctionArgError(2, 'end index must not be greater than the length of the list');
	}
	if (start > end) throw new FunctionArgError(1, 'start index must not be greater than end index');
	return [start, end];
}

function flatten(items: readonly Value[]): Value[] {
	const out: Value[] = [];
	for (const v of items) {
		const inner = seqItems(v);
		if (inner) out.push(...flatten(inner));
		else out.push(v);
	}
	return out;
}

function numVal(n: Num): Value {
	return {kind: 'number', value: n};
}

export const COLLECTION_FUNCTIONS: Record<string, FunctionDef> = {
	element: {
		params: [pAny('list'), pNum('index')],
		impl: (args) => {
			const l = arg(args, 0);
			const idx = num(args, 1);
			if (idx.sign() < 0) throw new Error('cannot use element function with a negative index');
			if (l.kind !== 'list' && l.kind !== 'tuple') {
				throw new Error(`cannot read elements from ${friendly(l)}`);
			}
			const i = intOr(idx, 'invalid index');
			if (l.items.length === 0) throw new Error('cannot use element function with an empty list');
			return l.items[i % l.items.length] as Value;
		},
	},
	slice: {
		params: [pAny('list'), pNum('start_index'), pNum('end_index')],
		impl: (args) => {
			const l = arg(args, 0);
			if (l.kind === 'set') {
				throw new FunctionArgError(
					0,
					'cannot slice a set, because its elements do not have indices; explicitly convert to a list if the ordering of the result is not important',
				);
			}
			if (l.kind !== 'list' && l.kind !== 'tuple') {
				throw new FunctionArgError(0, 'must be a list or tuple value');
			}
			const [s, e] = sliceIndexes(args, l.items.length);
			const items = l.items.slice(s, e);
			return l.kind === 'tuple' ? tuple(items) : list(l.elem, items);
		},
	},
	concat: {
		params: [],
		varParam: pAny('seqs'),
		impl: (args) => {
			if (args.length === 0) throw new Error('at least one argument is required');
			if (args.every((a) => a.kind === 'list')) {
				const common = unifyTypes(args.map(typeOf), true);
				if (common && common.kind === 'list') {
					const items: Value[] = [];
					args.forEach((a, i) => {
						let c: Value;
						try {
							c = convert(a, common);
						} catch (err) {
							throw new FunctionArgError(i, (err as Error).message);
						}
						if (c.kind === 'list') items.push(...c.items);
					});
					return list(common.elem, items);
				}
			}
			const items: Value[] = [];
			args.forEach((a, i) => {
				if (a.kind !== 'list' && a.kind !== 'tuple') {
					throw new FunctionArgError(
						i,
						`all arguments must be lists or tuples; got ${friendly(a)}`,
					);
				}
				items.push(...a.items);
			});
			return tuple(items);
		},
	},
	flatten: {
		params: [pAny('list')],
		impl: (args) => {
			const l = arg(args, 0);
			const items = seqItems(l);
			if (!items) throw new Error('can only flatten lists, sets and tuples');
			return tuple(flatten(items));
		},
	},
	distinct: {
		params: [p('list', LIST_ANY)],
		impl: (args) => {
			const l = arg(args, 0);
			const out: Value[] = [];
			for (const v of seqItems(l) ?? []) if (!out.some((o) => valuesEqual(o, v))) out.push(v);
			return list(listElem(l), out);
		},
	},
	chunklist: {
		params: [p('list', LIST_ANY), pNum('size')],
		impl: (args) => {
			const l = arg(args, 0);
			const size = intOr(num(args, 1), 'invalid size');
			if (size < 0) throw new Error('the size argument must be positive');
			const lt = typeOf(l);
			const items = seqItems(l) ?? [];
			if (items.length === 0) return list(lt, []);
			if (size === 0) return list(lt, [l]);
			const out: Value[] = [];
			for (let i = 0; i < items.length; i += size) {
				out.push(list(listElem(l), items.slice(i, i + size)));
			}
			return list(lt, out);
		},
	},
	compact: {
		params: [p('list', {kind: 'list', elem: STRING})],
		impl: (args) => {
			const items = seqItems(arg(args, 0)) ?? [];
			return list(
				STRING,
				items.filter((v) => v.kind === 'string' && v.value !== ''),
			);
		},
	},
	contains: {
		params: [pAny('list'), pAny('value')],
		impl: (args) => {
			const l = arg(args, 0);
			const v = arg(args, 1);
			if (l.kind !== 'list' && l.kind !== 'tuple' && l.kind !== 'set') {
				throw new Error('argument must be list, tuple, or set');
			}
			return bool(l.items.some((x) => valuesEqual(v, x)));
		},
	},
	coalesce: {
		params: [],
		varParam: pAny('vals', true),
		impl: (args) => {
			const t = unifyTypes(args.map(typeOf), true);
			if (!t) throw new Error('all arguments must have the same type');
			for (const a of args) {
				const c = convert(a, t);
				if (c.kind !== 'null') return c;
			}
			throw new Error('no non-null arguments');
		},
	},
	coalescelist: {
		params: [],
		varParam: pAny('vals', true),
		impl: (args) => {
			if (args.length === 0) throw new Error('at least one argument is required');
			for (const a of args) {
				if (a.kind !== 'list' && a.kind !== 'tuple') {
					throw new Error('coalescelist arguments must be lists or tuples');
				}
			}
			for (const a of args) if (seqItems(a)?.length) return a;
			throw new Error('no non-null arguments');
		},
	},
	range: {
		params: [],
		varParam: p('params', NUMBER),
		impl: (args) => {
			let start: Num;
			let end: Num;
			let step: Num;
			const a0 = args[0]?.kind === 'number' ? args[0].value : undefined;
			const a1 = args[1]?.kind === 'number' ? args[1].value : undefined;
			if (args.length === 1 && a0) {
				[start, end, step] = [Num.fromInt(0), a0, Num.fromInt(a0.sign() < 0 ? -1 : 1)];
			} else if (args.length === 2 && a0 && a1) {
				[start, end, step] = [a0, a1, Num.fromInt(a1.cmp(a0) < 0 ? -1 : 1)];
			} else if (args.length === 3) {
				[start, end, step] = [num(args, 0), num(args, 1), num(args, 2)];
			} else {
				throw new Error('must have one, two, or three arguments');
			}
			const down = step.sign() < 0;
			if (down && end.cmp(start) > 0) {
				throw new FunctionArgError(1, 'end must be less than start when step is negative');
			}
			if (!down && end.cmp(start) < 0) {
				throw new FunctionArgError(1, 'end must be greater than start when step is positive');
			}
			const vals: Value[] = [];
			let x = start;
			for (;;) {
				if (down ? x.cmp(end) <= 0 : x.cmp(end) >= 0) break;
				if (vals.length >= 1024) {
					throw new Error(
						'more than 1024 values were generated; either decrease the difference between start and end or use a smaller step',
					);
				}
				vals.push(numVal(x));
				x = x.add(step);
			}
			return list(NUMBER, vals);
		},
	},
	reverselist: {
		params: [pAny('list')],
		impl: (args) => {
			const l = arg(args, 0);
			if (l.kind === 'tuple') return tuple([...l.items].reverse());
			if (l.kind === 'list') return list(l.elem, [...l.items].reverse());
			throw new FunctionArgError(0, `can only reverse list or tuple values, not ${friendly(l)}`);
		},
	},
	sort: {
		params: [p('list', {kind: 'list', elem: STRING})],
		impl: (args) => {
			const items = seqItems(arg(args, 0)) ?? [];
			const strs = items.map((v, i) => {
				if (v.kind !== 'string') {
					throw new Error(`given list element ${i} is null; a null string cannot be sorted`);
				}
				return v.value;
			});
			strs.sort(compareUtf8);
			return list(
				STRING,
				strs.map((s) => ({kind: 'string', value: s})),
			);
		},
	},
};

/** Go string order (UTF-8 bytes), which is code point order. */
export function compareUtf8(a: string, b: string): number {
	if (a === b) return 0;
	const ai = a[Symbol.iterator]();
	const bi = b[Symbol.iterator]();
	for (;;) {
		const x = ai.next();
		const y = bi.next();
		if (x.done) return y.done ? 0 : -1;
		if (y.done) return 1;
		const cx = (x.value as string).codePointAt(0) as number;
		const cy = (y.value as string).codePointAt(0) as number;
		if (cx !== cy) return cx < cy ? -1 : 1;
	}
}
