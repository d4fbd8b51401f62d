// Calling a built-in function the way cty's function.Call does after HCL has checked the
// arity: each argument is converted to its parameter's type, nulls are refused unless the
// parameter allows them, then the implementation runs.
//
// Error contract (the evaluator builds the diagnostics):
// - FunctionArgError(i, msg): msg is the bare reason ("string required", "argument must not be
//   null"); HCL shows `Invalid value for "p" parameter: msg.` under "Invalid function argument".
// - FunctionError(msg): HCL shows `Call to function "f" failed: msg.` under "Error in function call".
// - FunctionArityError (a FunctionError) carries HCL's own summary/detail for bad arity.

import {ConversionError, convert} from '../cty/convert.js';
import {NumError} from '../cty/number.js';
import type {Value} from '../cty/value.js';
import type {FunctionDef, Param} from './types.js';
import {FunctionArgError, FunctionError} from './types.js';

export class FunctionArityError extends FunctionError {
	readonly summary: string;
	readonly detail: string;
	constructor(summary: string, detail: string) {
		super(detail);
		this.name = 'FunctionArityError';
		this.summary = summary;
		this.detail = detail;
	}
}

export function paramFor(def: FunctionDef, i: number): Param | undefined {
	return def.params[i] ?? def.varParam;
}

/**
 * Calls a function as HCL does. `args` is the caller's own array (made for this call): a
 * converted argument replaces its original in it, so no copy is made per call.
 */
export function callFunction(name: string, def: FunctionDef, args: Value[]): Value {
	const n = def.params.length;
	if (args.length < n) {
		const missing = def.params[args.length] as Param;
		throw new FunctionArityError(
			'Not enough function arguments',
			`Function "${name}" expects${def.varParam ? ' at least' : ''} ${n} argument(s). Missing value for "${missing.name}".`,
		);
	}
	if (!def.varParam && args.length > n) {
		throw new FunctionArityError(
			'Too many function arguments',
			`Function "${name}" expects only ${n} argument(s).`,
		);
	}
	// HCL converts every argument first, then cty's Call refuses nulls.
	for (let i = 0; i < args.length; i++) {
		try {
			args[i] = convert(args[i] as Value, (paramFor(def, i) as Param).type);
		} catch (err) {
			if (err instanceof ConversionError) throw new FunctionArgError(i, err.message);
			throw err;
		}
	}
	for (let i = 0; i < args.length; i++) {
		if ((args[i] as Value).kind === 'null' && !(paramFor(def, i) as Param).allowNull) {
			throw new FunctionArgError(i, 'argument must not be null');
		}
	}
	try {
		return def.impl(args);
	} catch (err) {
		if (err instanceof FunctionArgError || err instanceof FunctionError) throw err;
		// Conversions and arithmetic inside implementations fail with cty's plain messages.
		// Any other failure is reported as the call's error, never as a stack trace.
		if (err instanceof ConversionError || err instanceof NumError || err instanceof Error) {
			throw new FunctionError(err.message);
		}
		throw err;
	}
}
