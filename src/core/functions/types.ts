// The shape of a built-in function, after go-cty's `function.Spec`. The evaluator calls
// functions through call.ts, which converts arguments to the parameter types first and turns
// failures into positioned diagnostics with cty's wording.

import type {Type, Value} from '../cty/value.js';

export interface Param {
	readonly name: string;
	/** Arguments are converted to this type before `impl` runs ('dynamic' accepts anything). */
	readonly type: Type;
	/** Without it, a null argument fails with "argument must not be null". */
	readonly allowNull?: boolean;
}

export interface FunctionDef {
	/** One line, shown by tools; not part of evaluation. */
	readonly description?: string;
	readonly params: readonly Param[];
	/** Receives every argument past the fixed ones. */
	readonly varParam?: Param;
	/** Gets the converted arguments; throws FunctionArgError or FunctionError on bad input. */
	readonly impl: (args: readonly Value[]) => Value;
}

/** A problem with one argument: reported at that argument's range. */
export class FunctionArgError extends Error {
	readonly argIndex: number;
	constructor(argIndex: number, message: string) {
		super(message);
		this.name = 'FunctionArgError';
		this.argIndex = argIndex;
	}
}

/** A problem with the call as a whole: reported at the call. */
export class FunctionError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'FunctionError';
	}
}

export type FunctionTable = ReadonlyMap<string, FunctionDef>;
