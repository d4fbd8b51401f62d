// Argument helpers shared by the extra function files (encoding, crypto, cidr, datetime ...).
// call.ts has already converted each argument to its declared type, so these only unwrap it
// and apply gocty's conversions where go-cty-funcs uses them.

import type {Num} from '../cty/number.js';
import type {Value} from '../cty/value.js';
import {FunctionArgError, FunctionError} from './types.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** The string inside a string-typed argument. */
export function strArg(args: readonly Value[], i: number): string {
	const v = args[i];
	if (v?.kind !== 'string') throw new FunctionArgError(i, 'string required');
	return v.value;
}

export function numArg(args: readonly Value[], i: number): Num {
	const v = args[i];
	if (v?.kind !== 'number') throw new FunctionArgError(i, 'number required');
	return v.value;
}

/**
 * gocty.FromCtyValue into a Go `int` (64-bit): whole numbers only. go-cty-funcs returns that
 * error either bare (a call error) or wrapped as an argument error, so the caller chooses.
 */
export function intArg(args: readonly Value[], i: number, asArgError: boolean): bigint {
	const n = numArg(args, i).toBigInt();
	if (n === undefined || n < INT64_MIN || n > INT64_MAX) {
		const msg = `value must be a whole number, between ${INT64_MIN} and ${INT64_MAX}`;
		throw asArgError ? new FunctionArgError(i, msg) : new FunctionError(msg);
	}
	return n;
}

/** Go's %q for the ASCII-printable strings our messages quote (close enough for the rest). */
export function goQuote(s: string): string {
	return JSON.stringify(s);
}
