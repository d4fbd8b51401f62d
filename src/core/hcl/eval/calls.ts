// Function calls: argument expansion (`f(xs...)`), arity checks, built-in and user functions,
// and the three functions that take expressions rather than values: try, can, convert.

import type {Value} from '../../cty/value.js';
import {FALSE, TRUE} from '../../cty/value.js';
import type {Range} from '../../diagnostics.js';
import {DiagnosticError} from '../../diagnostics.js';
import {FunctionArgError} from '../../functions/types.js';
import type {Expr, FunctionCallExpr} from '../ast.js';
import {callFunction, convert, typeFromExpr} from './cty-bridge.js';
import {didYouMean, hclRangeString, quote} from './errors.js';
import type {Evaluator, Result} from './evaluate.js';
import {errText} from './evaluate.js';
import type {Scope} from './scope.js';

/** Names handled by the evaluator itself because their arguments are expressions. */
export const EXPRESSION_FUNCTIONS: ReadonlySet<string> = new Set(['try', 'can', 'convert']);

export function evalFunctionCall(ev: Evaluator, e: FunctionCallExpr, s: Scope): Result {
	switch (e.name) {
		case 'try':
			return evalTry(ev, e, s);
		case 'can':
			return evalCan(ev, e, s);
		case 'convert':
			return evalConvert(ev, e, s);
	}
	const def = s.getFunction(e.name);
	if (!def) {
		const known = [...s.functionNames(), ...EXPRESSION_FUNCTIONS];
		return ev.error(
			e.nameRange,
			'Call to unknown function',
			`There is no function named ${quote(e.name)}.${didYouMean(e.name, known)}`,
		);
	}
	let args: Value[] = new Array(e.args.length);
	let failed = false;
	for (let i = 0; i < e.args.length; i++) {
		const v = ev.eval(e.args[i] as Expr, s);
		if (v === undefined) failed = true;
		else args[i] = v;
	}
	if (failed) return undefined;
	const lastRange = e.args[e.args.length - 1]?.range;
	if (e.expandFinal && args.length > 0) {
		const last = args[args.length - 1] as Value;
		if (last.kind === 'null') {
			return ev.error(
				lastRange,
				'Invalid expanding argument value',
				'The expanding argument (indicated by ...) must not be null.',
			);
		}
		if (last.kind !== 'list' && last.kind !== 'tuple' && last.kind !== 'set') {
			return ev.error(
				lastRange,
				'Invalid expanding argument value',
				'The expanding argument (indicated by ...) must be of a tuple, list, or set type.',
			);
		}
		args = [...args.slice(0, -1), ...last.items];
	}
	const params = def.params;
	if (args.length < params.length) {
		const missing = params[args.length];
		return ev.error(
			e.closeParenRange,
			'Not enough function arguments',
			`Function ${quote(e.name)} expects${def.varParam ? ' at least' : ''} ${params.length} argument(s). Missing value for ${quote(missing?.name ?? '')}.`,
		);
	}
	if (!def.varParam && args.length > params.length) {
		return ev.error(
			argRange(e, params.length),
			'Too many function arguments',
			`Function ${quote(e.name)} expects only ${params.length} argument(s).`,
		);
	}
	try {
		return callFunction(e.name, def, args);
	} catch (err) {
		if (err instanceof FunctionArgError) {
			const p = params[err.argIndex] ?? def.varParam;
			return ev.error(
				argRange(e, err.argIndex) ?? e.range,
				'Invalid function argument',
				`Invalid value for ${quote(p?.name ?? '')} parameter: ${err.message}.`,
			);
		}
		return ev.error(
			e.range,
			'Error in function call',
			`Call to function ${quote(e.name)} failed: ${errText(err)}.`,
		);
	}
}

/**
 * Where argument i came from: an expanded list's elements report at its expression.
 * Computed only on errors, so a successful call allocates nothing for it.
 */
function argRange(e: FunctionCallExpr, i: number): Range | undefined {
	return e.expandFinal && i >= e.args.length - 1
		? e.args[e.args.length - 1]?.range
		: e.args[i]?.range;
}

function evalTry(ev: Evaluator, e: FunctionCallExpr, s: Scope): Result {
	if (e.args.length === 0) {
		return ev.error(
			e.range,
			'Error in function call',
			'Call to function "try" failed: at least one argument is required.',
		);
	}
	const diags = [];
	for (const arg of e.args) {
		const r = ev.isolated(arg, s);
		if (r.value !== undefined) return r.value;
		diags.push(...r.diagnostics);
	}
	let text = 'no expression succeeded:\n';
	for (const d of diags) {
		text += d.range
			? `- ${d.summary} (at ${hclRangeString(d.range)})\n  ${d.detail}\n`
			: `- ${d.summary}\n  ${d.detail}\n`;
	}
	text += '\nAt least one expression must produce a successful result';
	return ev.error(e.range, 'Error in function call', `Call to function "try" failed: ${text}.`);
}

function evalCan(ev: Evaluator, e: FunctionCallExpr, s: Scope): Result {
	const arg = e.args[0];
	if (arg === undefined) {
		return ev.error(
			e.closeParenRange,
			'Not enough function arguments',
			'Function "can" expects 1 argument(s). Missing value for "expression".',
		);
	}
	if (e.args.length > 1) {
		return ev.error(
			e.args[1]?.range,
			'Too many function arguments',
			'Function "can" expects only 1 argument(s).',
		);
	}
	return ev.isolated(arg, s).value === undefined ? FALSE : TRUE;
}

function evalConvert(ev: Evaluator, e: FunctionCallExpr, s: Scope): Result {
	const [valueExpr, typeExpr] = e.args;
	if (valueExpr === undefined || typeExpr === undefined) {
		const missing = valueExpr === undefined ? 'value' : 'type';
		return ev.error(
			e.closeParenRange,
			'Not enough function arguments',
			`Function "convert" expects 2 argument(s). Missing value for ${quote(missing)}.`,
		);
	}
	if (e.args.length > 2) {
		return ev.error(
			e.args[2]?.range,
			'Too many function arguments',
			'Function "convert" expects only 2 argument(s).',
		);
	}
	const v = ev.eval(valueExpr, s);
	let type: import('../../cty/value.js').Type;
	try {
		type = typeFromExpr(typeExpr);
	} catch (err) {
		if (err instanceof DiagnosticError) ev.diags.push(...err.diagnostics);
		else ev.error(typeExpr.range, 'Invalid type specification', errText(err));
		return undefined;
	}
	if (v === undefined) return undefined;
	try {
		return convert(v, type);
	} catch (err) {
		return ev.error(
			valueExpr.range,
			'Invalid function argument',
			`Invalid value for "value" parameter: ${errText(err)}.`,
		);
	}
}
