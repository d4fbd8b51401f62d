// cty Value.Equals for fully known values: nulls equal only nulls (of any type), other values
// need identical types and equal contents; numbers compare by value.

import type {Num} from './number.js';
import {typeEquals, typeOf} from './types.js';
import type {Value} from './value.js';

export function valuesEqual(a: Value, b: Value): boolean {
	if (a.kind === 'null' || b.kind === 'null') return a.kind === 'null' && b.kind === 'null';
	if (!typeEquals(typeOf(a), typeOf(b))) return false;
	return rawContentsEqual(a, b);
}

/**
 * cty rawNumberEqual: integers compare exactly; other numbers are equal when they print the
 * same (Text('f', -1)), so 0.1 + 0.2 == 0.3 holds although the 512-bit values differ.
 */
export function numbersEqual(a: Num, b: Num): boolean {
	if (a.sign() !== b.sign()) return false;
	const ai = a.isInteger();
	if (ai !== b.isInteger()) return false;
	if (ai) return a.eq(b);
	return a.toString() === b.toString();
}

/** Contents equality for two values already known to share a type. */
function rawContentsEqual(a: Value, b: Value): boolean {
	switch (a.kind) {
		case 'string':
			return b.kind === 'string' && a.value === b.value;
		case 'number':
			return b.kind === 'number' && numbersEqual(a.value, b.value);
		case 'bool':
			return b.kind === 'bool' && a.value === b.value;
		case 'list':
		case 'set':
		case 'tuple': {
			if (!('items' in b) || a.items.length !== b.items.length) return false;
			return a.items.every((x, i) => valuesEqual(x, b.items[i] as Value));
		}
		case 'map': {
			if (b.kind !== 'map' || a.entries.size !== b.entries.size) return false;
			for (const [k, x] of a.entries) {
				const y = b.entries.get(k);
				if (y === undefined || !valuesEqual(x, y)) return false;
			}
			return true;
		}
		case 'object': {
			if (b.kind !== 'object' || a.attrs.size !== b.attrs.size) return false;
			for (const [k, x] of a.attrs) {
				const y = b.attrs.get(k);
				if (y === undefined || !valuesEqual(x, y)) return false;
			}
			return true;
		}
		case 'null':
			return false;
	}
}
