// HCL's operators on values (hclsyntax operation.go, backed by cty stdlib functions).
// Arithmetic and logic convert their operands first (`"1" + 1` is 2); equality never converts.
// Errors are thrown as plain Errors (ConversionError for operand conversion) carrying cty's
// wording; the evaluator reports them as "Invalid operand" / "Operation failed".

import {convert} from './convert.js';
import {valuesEqual} from './equal.js';
import type {Num} from './number.js';
import type {Value} from './value.js';
import {BOOL, bool, NUMBER} from './value.js';

function number(v: Value): Num {
	const c = convert(v, NUMBER);
	if (c.kind !== 'number') throw new Error('argument must not be null');
	return c.value;
}

function boolean(v: Value): boolean {
	const c = convert(v, BOOL);
	if (c.kind !== 'bool') throw new Error('argument must not be null');
	return c.value;
}

function numVal(n: Num): Value {
	return {kind: 'number', value: n};
}

export function add(a: Value, b: Value): Value {
	return numVal(number(a).add(number(b)));
}
export function sub(a: Value, b: Value): Value {
	return numVal(number(a).sub(number(b)));
}
export function mul(a: Value, b: Value): Value {
	return numVal(number(a).mul(number(b)));
}
/** cty Divide: x/0 is an infinity; 0/0 throws "can't divide zero by zero or infinity by infinity". */
export function div(a: Value, b: Value): Value {
	return numVal(number(a).div(number(b)));
}
/** cty Modulo: sign of the dividend; x % 0 is x. */
export function mod(a: Value, b: Value): Value {
	return numVal(number(a).mod(number(b)));
}
export function neg(a: Value): Value {
	return numVal(number(a).neg());
}

/** -1, 0 or 1 after converting both operands to numbers. */
export function compare(a: Value, b: Value): -1 | 0 | 1 {
	return number(a).cmp(number(b));
}
export function lessThan(a: Value, b: Value): Value {
	return bool(compare(a, b) < 0);
}
export function lessThanOrEqual(a: Value, b: Value): Value {
	return bool(compare(a, b) <= 0);
}
export function greaterThan(a: Value, b: Value): Value {
	return bool(compare(a, b) > 0);
}
export function greaterThanOrEqual(a: Value, b: Value): Value {
	return bool(compare(a, b) >= 0);
}

/** `==` (cty Equals): no conversion, so `1 == "1"` is false; null equals only null. */
export function equals(a: Value, b: Value): Value {
	return bool(valuesEqual(a, b));
}
export function notEquals(a: Value, b: Value): Value {
	return bool(!valuesEqual(a, b));
}

export function not(a: Value): Value {
	return bool(!boolean(a));
}
export function and(a: Value, b: Value): Value {
	return bool(boolean(a) && boolean(b));
}
export function or(a: Value, b: Value): Value {
	return bool(boolean(a) || boolean(b));
}
