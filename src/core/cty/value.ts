// The cty value model (github.com/zclconf/go-cty), which HCL and bake evaluate into.
// Values are immutable plain objects discriminated by `kind`. Collections hold their
// element type so that empty collections and nulls stay typed, as cty's do.
//
// Ordering invariants (they make printing and equality deterministic, as in cty):
// - map entries and object attributes are kept sorted by key (code-unit order, like Go strings);
// - set items are unique and kept in cty's set order (see set.ts).

import {Num} from './number.js';

export type Type =
	| {readonly kind: 'string'}
	| {readonly kind: 'number'}
	| {readonly kind: 'bool'}
	/** cty.DynamicPseudoType: "any" in type expressions; the type of an untyped null. */
	| {readonly kind: 'dynamic'}
	| {readonly kind: 'list'; readonly elem: Type}
	| {readonly kind: 'set'; readonly elem: Type}
	| {readonly kind: 'map'; readonly elem: Type}
	| {readonly kind: 'tuple'; readonly elems: readonly Type[]}
	| {
			readonly kind: 'object';
			readonly attrs: Readonly<Record<string, Type>>;
			/** Attribute names declared optional(...) in a type constraint; conversion fills null. */
			readonly optional?: readonly string[];
			/** optional(T, default) defaults by attribute name (HCL typeexpr); see convert.ts. */
			readonly defaults?: Readonly<Record<string, Value>>;
	  };

export const STRING: Type = {kind: 'string'};
export const NUMBER: Type = {kind: 'number'};
export const BOOL: Type = {kind: 'bool'};
export const DYNAMIC: Type = {kind: 'dynamic'};

export type Value =
	| {readonly kind: 'string'; readonly value: string}
	| {readonly kind: 'number'; readonly value: Num}
	| {readonly kind: 'bool'; readonly value: boolean}
	| {readonly kind: 'null'; readonly type: Type}
	| {readonly kind: 'list'; readonly elem: Type; readonly items: readonly Value[]}
	| {readonly kind: 'set'; readonly elem: Type; readonly items: readonly Value[]}
	| {readonly kind: 'map'; readonly elem: Type; readonly entries: ReadonlyMap<string, Value>}
	| {readonly kind: 'tuple'; readonly items: readonly Value[]}
	| {readonly kind: 'object'; readonly attrs: ReadonlyMap<string, Value>};

export type StringValue = Extract<Value, {kind: 'string'}>;
export type NumberValue = Extract<Value, {kind: 'number'}>;
export type BoolValue = Extract<Value, {kind: 'bool'}>;

export const TRUE: Value = {kind: 'bool', value: true};
export const FALSE: Value = {kind: 'bool', value: false};

export function str(value: string): StringValue {
	return {kind: 'string', value};
}

export function bool(value: boolean): Value {
	return value ? TRUE : FALSE;
}

export function nullOf(type: Type = DYNAMIC): Value {
	return {kind: 'null', type};
}

export function tuple(items: readonly Value[]): Value {
	return {kind: 'tuple', items};
}

/** Sorted by key, as cty iterates objects. */
export function object(attrs: Iterable<readonly [string, Value]>): Value {
	return {kind: 'object', attrs: sortedMap(attrs)};
}

export function sortedMap<V>(entries: Iterable<readonly [string, V]>): ReadonlyMap<string, V> {
	// Arrays are built by the caller for this call alone, so they are sorted in place; most
	// arrive sorted already (written that way, or copied from a sorted map) and skip the sort.
	const arr = Array.isArray(entries) ? (entries as (readonly [string, V])[]) : [...entries];
	// Insertion sort takes one pass over sorted input: no separate check for few keys.
	if (arr.length <= 8) insertionSortByKey(arr);
	else if (!isSortedByKey(arr)) arr.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
	return new Map(arr);
}

/** For the few keys of a typical object: Array#sort allocates a work area on every call. */
function insertionSortByKey(arr: (readonly [string, unknown])[]): void {
	for (let i = 1; i < arr.length; i++) {
		const x = arr[i] as readonly [string, unknown];
		let j = i - 1;
		while (j >= 0 && (arr[j] as readonly [string, unknown])[0] > x[0]) {
			arr[j + 1] = arr[j] as readonly [string, unknown];
			j--;
		}
		arr[j + 1] = x;
	}
}

function isSortedByKey(arr: readonly (readonly [string, unknown])[]): boolean {
	for (let i = 1; i < arr.length; i++)
		if ((arr[i - 1] as readonly [string, unknown])[0] > (arr[i] as readonly [string, unknown])[0])
			return false;
	return true;
}

/** A number value; JS numbers become cty.NumberFloatVal-like (53-bit) values, ints 64-bit. */
export function num(n: Num | number | bigint): NumberValue {
	if (n instanceof Num) return {kind: 'number', value: n};
	if (typeof n === 'bigint' || Number.isInteger(n)) return {kind: 'number', value: Num.fromInt(n)};
	return {kind: 'number', value: Num.fromJs(n)};
}

/** A list with the given element type; items must already have that type. */
export function list(elem: Type, items: readonly Value[]): Value {
	return {kind: 'list', elem, items};
}

/** A map with the given element type; entries are sorted by key. */
export function map(elem: Type, entries: Iterable<readonly [string, Value]>): Value {
	return {kind: 'map', elem, entries: sortedMap(entries)};
}
