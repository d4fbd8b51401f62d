// cty sets: unique items in cty's iteration order. Strings sort by byte order, numbers by
// value, false before true; other element types by cty's set-hash string (set_internals.go),
// which is consistent but not meaningful, exactly as cty leaves it.

import {valuesEqual} from './equal.js';
import type {Type, Value} from './value.js';

/** cty's makeSetHashBytes rendering, used to order sets of non-primitive values. */
export function setHashString(v: Value): string {
	switch (v.kind) {
		case 'null':
			return '~';
		case 'string':
			return JSON.stringify(v.value);
		case 'number':
			return v.value.toString();
		case 'bool':
			return v.value ? 'T' : 'F';
		case 'list':
		case 'set':
			return `[${v.items.map((x) => `${setHashString(x)};`).join('')}]`;
		case 'tuple':
			return `<${v.items.map((x) => `${setHashString(x)};`).join('')}>`;
		case 'map':
			return `{${[...v.entries].map(([k, x]) => `${JSON.stringify(k)}:${setHashString(x)};`).join('')}}`;
		case 'object':
			return `<${[...v.attrs].map(([k, x]) => `${k}=${setHashString(x)};`).join('')}>`;
	}
}

function byteCompare(a: string, b: string): number {
	// Go compares strings by UTF-8 bytes; code-point order gives the same result.
	const ai = [...a];
	const bi = [...b];
	const n = Math.min(ai.length, bi.length);
	for (let i = 0; i < n; i++) {
		const x = (ai[i] as string).codePointAt(0) as number;
		const y = (bi[i] as string).codePointAt(0) as number;
		if (x !== y) return x < y ? -1 : 1;
	}
	return ai.length - bi.length;
}

/** cty setRules.Less as a comparator; nulls (unordered in cty) go last. */
export function compareSetItems(a: Value, b: Value): number {
	if (a.kind === 'null' || b.kind === 'null') {
		return a.kind === 'null' ? (b.kind === 'null' ? 0 : 1) : -1;
	}
	if (a.kind === 'string' && b.kind === 'string') return byteCompare(a.value, b.value);
	if (a.kind === 'number' && b.kind === 'number') return a.value.cmp(b.value);
	if (a.kind === 'bool' && b.kind === 'bool') return Number(a.value) - Number(b.value);
	return byteCompare(setHashString(a), setHashString(b));
}

/** Dedupe (cty equality) and order. Items must already have the element type. */
export function normalizeSetItems(items: readonly Value[]): Value[] {
	const out: Value[] = [];
	for (const it of items) {
		if (!out.some((o) => valuesEqual(o, it))) out.push(it);
	}
	out.sort(compareSetItems);
	return out;
}

export function setValue(elem: Type, items: readonly Value[]): Value {
	return {kind: 'set', elem, items: normalizeSetItems(items)};
}

export function setHas(set: readonly Value[], v: Value): boolean {
	return set.some((o) => valuesEqual(o, v));
}
