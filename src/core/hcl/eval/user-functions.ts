// User-defined functions (hcl ext/userfunc): `function "f" { params = [a]  result = a }`.
// The result is evaluated in a child of the base scope with the parameters bound; a variadic
// parameter receives a tuple. A call that re-enters a function already running is a cycle
// error, so recursion can never hang or overflow the stack.

import type {Value} from '../../cty/value.js';
import {DYNAMIC, tuple} from '../../cty/value.js';
import type {Diagnostic} from '../../diagnostics.js';
import type {FunctionDef} from '../../functions/types.js';
import {FunctionError} from '../../functions/types.js';
import type {Expr} from '../ast.js';
import {ArgMemo} from './arg-memo.js';
import {hclDiagnosticsString} from './errors.js';
import {Evaluator} from './evaluate.js';
import type {Scope} from './scope.js';

export interface UserFunctionSpec {
	readonly name: string;
	readonly params: readonly string[];
	readonly variadic?: string;
	readonly result: Expr;
	/**
	 * Calls with equal arguments return the remembered value. Only for pure bodies (no
	 * timestamp/uuid/bcrypt, no reads of values that change while evaluating); the caller
	 * decides which are worth it (see BakeEvaluator.resolveFunction).
	 */
	readonly memoize?: boolean;
}

/** A failed user-function body: carries the body's diagnostics (HCL smuggles them in the error). */
export class UserFunctionError extends FunctionError {
	readonly diagnostics: readonly Diagnostic[];
	constructor(diagnostics: readonly Diagnostic[]) {
		super(hclDiagnosticsString(diagnostics));
		this.diagnostics = diagnostics;
	}
}

/** hcl.ExprAsKeyword: a bare identifier expression's name, else undefined. */
export function exprAsKeyword(e: Expr): string | undefined {
	if (e.kind === 'ScopeTraversal' && e.steps.length === 0) return e.root;
	if (e.kind === 'Paren') return exprAsKeyword(e.expr);
	return undefined;
}

export function makeUserFunction(spec: UserFunctionSpec, base: () => Scope): FunctionDef {
	const memo = spec.memoize ? new ArgMemo() : undefined;
	// The parameter names, the variadic one last: bound by position on every call.
	const names = spec.variadic !== undefined ? [...spec.params, spec.variadic] : spec.params;
	// Set while the body runs: a call that finds it set re-entered the function (a cycle).
	let running = false;
	// Calls never overlap (re-entry is the cycle error above), so one evaluator serves them all,
	// emptied before each call: none is made per call.
	const ev = new Evaluator();
	return {
		description: `user function ${spec.name}`,
		params: spec.params.map((name) => ({name, type: DYNAMIC})),
		...(spec.variadic !== undefined
			? {varParam: {name: spec.variadic, type: DYNAMIC, allowNull: true}}
			: {}),
		impl: (args: readonly Value[]): Value => {
			const hit = memo?.get(args);
			if (hit !== undefined) return hit;
			if (running) throw new FunctionError(`function cycle not allowed for ${spec.name}`);
			let values = args;
			if (spec.variadic !== undefined) {
				const fixed = args.slice(0, spec.params.length);
				fixed.push(tuple(args.slice(spec.params.length)));
				values = fixed;
			}
			running = true;
			ev.diags.length = 0;
			try {
				const value = ev.eval(spec.result, base().params(names, values));
				if (value === undefined || ev.diags.length > 0)
					throw new UserFunctionError(ev.diags.splice(0));
				memo?.set(args, value);
				return value;
			} finally {
				running = false;
			}
		},
	};
}
