// Small helpers for the core stdlib modules: parameter shorthands and argument unwrapping.
// Arguments reaching `impl` are already converted to their parameter types by call.ts.

import type {Num} from '../cty/number.js';
import {typeFriendlyName} from '../cty/types.js';
import type {Type, Value} from '../cty/value.js';
import {BOOL, DYNAMIC, NUMBER, STRING} from '../cty/value.js';
import type {Param} from './types.js';
import {FunctionArgError, FunctionError} from './types.js';

export function p(name: string, type: Type, allowNull = false): Param {
	return allowNull ? {name, type, allowNull} : {name, type};
}
export const pStr = (name: string): Param => p(name, STRING);
export const pNum = (name: string): Param => p(name, NUMBER);
export const pBool = (name: string): Param => p(name, BOOL);
export const pAny = (name: string, allowNull = false): Param => p(name, DYNAMIC, allowNull);

export function arg(args: readonly Value[], i: number): Value {
	const v = args[i];
	if (v === undefined) throw new FunctionError(`missing argument ${i}`);
	return v;
}

export function str(args: readonly Value[], i: number): string {
	const v = arg(args, i);
	if (v.kind !== 'string') throw new FunctionArgError(i, 'string required');
	return v.value;
}

export function num(args: readonly Value[], i: number): Num {
	const v = arg(args, i);
	if (v.kind !== 'number') throw new FunctionArgError(i, 'number required');
	return v.value;
}

export function boolArg(args: readonly Value[], i: number): boolean {
	const v = arg(args, i);
	if (v.kind !== 'bool') throw new FunctionArgError(i, 'bool required');
	return v.value;
}

export const INT_RANGE_MESSAGE =
	'value must be a whole number, between -9223372036854775808 and 9223372036854775807';

/** gocty.FromCtyValue into a Go int; the message is gocty's. Returns a JS number. */
export function goInt(n: Num): number {
	const b = n.toBigInt();
	if (b === undefined || b < -(2n ** 63n) || b > 2n ** 63n - 1n) throw new Error(INT_RANGE_MESSAGE);
	return Number(b);
}

/** The items of a list, set or tuple value. */
export function seqItems(v: Value): readonly Value[] | undefined {
	return v.kind === 'list' || v.kind === 'set' || v.kind === 'tuple' ? v.items : undefined;
}

export function friendly(v: Value): string {
	return typeFriendlyName(v.kind === 'null' ? v.type : typeOfShallow(v));
}

function typeOfShallow(v: Value): Type {
	switch (v.kind) {
		case 'list':
		case 'set':
		case 'map':
			return {kind: v.kind, elem: v.elem};
		case 'tuple':
			return {kind: 'tuple', elems: []};
		case 'object':
			return {kind: 'object', attrs: {}};
		case 'null':
			return v.type;
		default:
			return {kind: v.kind} as Type;
	}
}

// Made on first use: creating a segmenter loads ICU's break rules, about 25 ms of every
// start-up, and most bake files never split a string into graphemes.
let segmenter: Intl.Segmenter | undefined;

/** Unicode grapheme clusters, as cty counts "characters" (textseg). */
export function graphemes(s: string): string[] {
	segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	return Array.from(segmenter.segment(s), (x) => x.segment);
}

/** Go's %#v of a primitive cty value, as cty's GoString prints it in messages. */
export function goString(v: Value): string {
	switch (v.kind) {
		case 'string':
			return `cty.StringVal(${JSON.stringify(v.value)})`;
		case 'number': {
			const b = v.value.toBigInt();
			if (b !== undefined && b >= -(2n ** 63n) && b < 2n ** 63n) return `cty.NumberIntVal(${b})`;
			return `cty.MustParseNumberVal(${JSON.stringify(v.value.toString())})`;
		}
		case 'bool':
			return v.value ? 'cty.True' : 'cty.False';
		case 'null':
			return 'cty.NullVal(cty.DynamicPseudoType)';
		default:
			return 'cty.DynamicVal';
	}
}

/**
 * gocty.FromCtyValue into a Go `int` (64-bit) as a bigint: whole numbers only. go-cty-funcs
 * returns that error either bare (a call error) or as an argument error, so the caller chooses.
 */
export function intArg(args: readonly Value[], i: number, asArgError: boolean): bigint {
	const n = num(args, i).toBigInt();
	if (n === undefined || n < -(2n ** 63n) || n > 2n ** 63n - 1n)
		throw asArgError
			? new FunctionArgError(i, INT_RANGE_MESSAGE)
			: new FunctionError(INT_RANGE_MESSAGE);
	return n;
}

/** Go's %q for the ASCII-printable strings our messages quote (close enough for the rest). */
export function goQuote(s: string): string {
	return JSON.stringify(s);
}
