// HCL type expressions (hcl/ext/typeexpr) read from the syntax tree: `string`, `list(T)`,
// `object({a = T, b = optional(T, default)})`, `any` ... Errors are positioned diagnostics
// with typeexpr's wording. Defaults need expression evaluation, which lives in the evaluator,
// so a caller passes `evalDefault` to get them (without it, defaults are ignored).

import type {Range} from '../diagnostics.js';
import {DiagnosticError, errorAt} from '../diagnostics.js';
import type {Expr, FunctionCallExpr} from '../hcl/ast.js';
import type {Type, Value} from './value.js';
import {BOOL, DYNAMIC, NUMBER, STRING} from './value.js';

const SUMMARY = 'Invalid type specification';

function fail(range: Range, detail: string): never {
	throw new DiagnosticError([errorAt(range, SUMMARY, detail)]);
}

export type EvalDefault = (e: Expr) => Value;

export function typeFromExpr(expr: Expr, evalDefault?: EvalDefault): Type {
	return getType(expr, evalDefault, false);
}

function keywordOf(expr: Expr): string | undefined {
	if (expr.kind === 'ScopeTraversal' && expr.steps.length === 0) return expr.root;
	if (expr.kind === 'Paren') return keywordOf(expr.expr);
	return undefined;
}

function getType(expr: Expr, evalDefault: EvalDefault | undefined, inObjectAttr: boolean): Type {
	if (expr.kind === 'Paren') return getType(expr.expr, evalDefault, inObjectAttr);
	const kw = keywordOf(expr);
	if (expr.kind === 'ScopeTraversal') {
		if (expr.steps.length > 0 || kw === undefined) {
			fail(
				expr.range,
				'A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).',
			);
		}
		switch (kw) {
			case 'bool':
				return BOOL;
			case 'string':
				return STRING;
			case 'number':
				return NUMBER;
			case 'any':
				return DYNAMIC;
			case 'list':
			case 'map':
			case 'set':
				fail(
					expr.range,
					`The ${kw} type constructor requires one argument specifying the element type.`,
				);
				break;
			case 'object':
				fail(
					expr.range,
					'The object type constructor requires one argument specifying the attribute types as a map.',
				);
				break;
			case 'tuple':
				fail(
					expr.range,
					'The tuple type constructor requires one argument specifying the element types as a list.',
				);
				break;
			default:
				fail(expr.range, `The keyword "${kw}" is not a valid type specification.`);
		}
	}
	if (expr.kind !== 'FunctionCall') {
		fail(
			expr.range,
			'A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).',
		);
	}
	return callType(expr, evalDefault);
}

function callType(call: FunctionCallExpr, evalDefault: EvalDefault | undefined): Type {
	const name = call.name;
	switch (name) {
		case 'bool':
		case 'string':
		case 'number':
		case 'any':
			fail(call.range, `Primitive type keyword "${name}" does not expect arguments.`);
			break;
		case 'optional':
			fail(
				call.range,
				'Keyword "optional" is valid only as a modifier for object type attributes.',
			);
			break;
		case 'list':
		case 'set':
		case 'map': {
			const arg = call.args[0];
			if (call.args.length !== 1 || !arg) {
				fail(
					call.range,
					`The ${name} type constructor requires one argument specifying the element type.`,
				);
			}
			return {kind: name, elem: getType(arg, evalDefault, false)};
		}
		case 'tuple': {
			const arg = call.args[0];
			if (call.args.length !== 1 || !arg) {
				fail(
					call.range,
					'The tuple type constructor requires one argument specifying the element types as a list.',
				);
			}
			if (arg.kind !== 'Tuple')
				fail(arg.range, 'Tuple type constructor requires a list of element types.');
			return {kind: 'tuple', elems: arg.items.map((x) => getType(x, evalDefault, false))};
		}
		case 'object':
			return objectType(call, evalDefault);
		default:
			fail(call.nameRange, `Keyword "${name}" is not a valid type constructor.`);
	}
}

function attrName(key: Expr, keyIdent: string | undefined): string | undefined {
	if (keyIdent !== undefined) return keyIdent;
	if (key.kind === 'ScopeTraversal' && key.steps.length === 0) return key.root;
	if (key.kind === 'Template' && key.parts.every((p) => p.kind === 'Literal')) {
		return key.parts.map((p) => (p.kind === 'Literal' ? p.value : '')).join('');
	}
	return undefined;
}

function objectType(call: FunctionCallExpr, evalDefault: EvalDefault | undefined): Type {
	const arg = call.args[0];
	if (call.args.length !== 1 || !arg) {
		fail(
			call.range,
			'The object type constructor requires one argument specifying the attribute types as a map.',
		);
	}
	if (arg.kind !== 'Object') {
		fail(
			arg.range,
			'Object type constructor requires a map whose keys are attribute names and whose values are the corresponding attribute types.',
		);
	}
	const attrs: Record<string, Type> = {};
	const optional: string[] = [];
	const defaults: Record<string, Value> = {};
	for (const item of arg.items) {
		const name = attrName(item.key, item.keyIdent);
		if (name === undefined)
			fail(item.key.range, 'Object constructor map keys must be attribute names.');
		const v = item.value;
		if (v.kind === 'FunctionCall' && v.name === 'optional') {
			const t = v.args[0];
			if (!t)
				fail(
					v.range,
					'Optional attribute modifier requires the attribute type as its first argument.',
				);
			if (v.args.length > 2) {
				fail(
					v.range,
					'Optional attribute modifier expects at most two arguments: the attribute type, and a default value.',
				);
			}
			attrs[name] = getType(t, evalDefault, true);
			optional.push(name);
			const d = v.args[1];
			if (d && evalDefault) defaults[name] = evalDefault(d);
			continue;
		}
		attrs[name] = getType(v, evalDefault, true);
	}
	if (optional.length === 0) return {kind: 'object', attrs};
	if (Object.keys(defaults).length === 0) return {kind: 'object', attrs, optional};
	return {kind: 'object', attrs, optional, defaults};
}
