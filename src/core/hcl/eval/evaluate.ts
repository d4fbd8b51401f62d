// The HCL expression evaluator: an AST Expr in a Scope to a cty Value, with hclsyntax's
// semantics and wording. Errors are collected as diagnostics; a failed sub-expression yields
// `undefined` (HCL's unknown DynamicVal), so that siblings are still evaluated and every
// problem in one expression is reported, as HCL does.

import type {Type, Value} from '../../cty/value.js';
import {BOOL, bool, DYNAMIC, NUMBER, nullOf, object, STRING, tuple} from '../../cty/value.js';
import type {Diagnostic, Range} from '../../diagnostics.js';
import {DiagnosticError, errorAt} from '../../diagnostics.js';
import type {AnonSymbolExpr, BinaryExpr, ConditionalExpr, Expr, UnaryExpr} from '../ast.js';
import {evalFunctionCall} from './calls.js';
import {evalFor, evalSplat, evalTemplate} from './collections.js';
import {convert, Num, ops, typeFriendlyName, typeOf, unifyTypes} from './cty-bridge.js';
import {didYouMean, quote} from './errors.js';
import type {Scope} from './scope.js';
import {getAttr, index} from './traversal.js';

/** undefined = the expression failed (its diagnostics are recorded) or is unknown. */
export type Result = Value | undefined;

export interface EvalResult {
	readonly value: Value | undefined;
	readonly diagnostics: readonly Diagnostic[];
}

/** Evaluate, collecting diagnostics. `value` is undefined when there are errors. */
export function evaluateExpr(expr: Expr, scope: Scope): EvalResult {
	const ev = new Evaluator();
	const value = ev.eval(expr, scope);
	return {value: ev.diags.length > 0 ? undefined : value, diagnostics: ev.diags};
}

/** Evaluate or throw a DiagnosticError with every problem found. */
export function evaluate(expr: Expr, scope: Scope): Value {
	const r = evaluateExpr(expr, scope);
	if (r.value === undefined) {
		throw new DiagnosticError(
			r.diagnostics.length ? r.diagnostics : [errorAt(expr.range, 'Unknown value')],
		);
	}
	return r.value;
}

const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);

export function errText(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

export class Evaluator {
	readonly diags: Diagnostic[] = [];
	/**
	 * Values bound to splat symbols while their `each` expression runs (each splat removes its
	 * own when done). Created on first use: an evaluator is made for every attribute evaluated,
	 * and few splat.
	 */
	anon: Map<AnonSymbolExpr, Value> | undefined;

	error(range: Range | undefined, summary: string, detail: string): undefined {
		this.diags.push(errorAt(range, summary, detail));
		return undefined;
	}

	/**
	 * Evaluate with the diagnostics kept apart (try/can, conditional branches): they are
	 * returned, not recorded. Same evaluator, so splat symbols stay bound.
	 */
	isolated(expr: Expr, scope: Scope): EvalResult {
		const mark = this.diags.length;
		const value = this.eval(expr, scope);
		if (this.diags.length === mark) return {value, diagnostics: NO_DIAGNOSTICS};
		return {value: undefined, diagnostics: this.diags.splice(mark)};
	}

	eval(e: Expr, s: Scope): Result {
		switch (e.kind) {
			case 'Literal':
				return literal(e.value);
			case 'Template':
				return evalTemplate(this, e.parts, s);
			case 'TemplateWrap':
			case 'Paren':
				return this.eval(e.expr, s);
			case 'ScopeTraversal': {
				const root = s.lookup(e.root);
				if (root === undefined) {
					return this.error(
						e.rootRange,
						'Unknown variable',
						`There is no variable named ${quote(e.root)}.${didYouMean(e.root, s.names())}`,
					);
				}
				return this.steps(root, e.steps, s);
			}
			case 'RelativeTraversal': {
				const src = this.eval(e.source, s);
				return src === undefined ? undefined : this.steps(src, e.steps, s);
			}
			case 'Index': {
				const coll = this.eval(e.collection, s);
				const key = this.eval(e.key, s);
				if (coll === undefined || key === undefined) return undefined;
				const r = index(coll, key, e.openRange);
				if (!r.ok) {
					this.diags.push(r.diag);
					return undefined;
				}
				return r.value;
			}
			case 'Splat':
				return evalSplat(this, e, s);
			case 'AnonSymbol':
				return this.anon?.get(e) ?? nullOf(DYNAMIC);
			case 'Tuple': {
				const items: Value[] = new Array(e.items.length);
				let ok = true;
				for (let i = 0; i < items.length; i++) {
					const v = this.eval(e.items[i] as Expr, s);
					if (v === undefined) ok = false;
					else items[i] = v;
				}
				return ok ? tuple(items) : undefined;
			}
			case 'Object':
				return this.object(e.items, s);
			case 'FunctionCall':
				return evalFunctionCall(this, e, s);
			case 'Conditional':
				return this.conditional(e, s);
			case 'Binary':
				return this.binary(e, s);
			case 'Unary':
				return this.unary(e, s);
			case 'For':
				return evalFor(this, e, s);
		}
	}

	steps(v: Value, steps: readonly import('../ast.js').Traverser[], s: Scope): Result {
		let cur = v;
		// Indexed: every variable read comes here, most with no steps at all.
		for (let i = 0; i < steps.length; i++) {
			const st = steps[i] as import('../ast.js').Traverser;
			let r: ReturnType<typeof getAttr>;
			if (st.kind === 'Attr') r = getAttr(cur, st.name, st.range);
			else {
				const key = this.eval(st.key, s);
				if (key === undefined) return undefined;
				r = index(cur, key, st.range);
			}
			if (!r.ok) {
				this.diags.push(r.diag);
				return undefined;
			}
			cur = r.value;
		}
		return cur;
	}

	private object(items: readonly import('../ast.js').ObjectItem[], s: Scope): Result {
		const attrs: [string, Value][] = [];
		let ok = true;
		for (let i = 0; i < items.length; i++) {
			const it = items[i] as import('../ast.js').ObjectItem;
			if (it.keyIdent !== undefined) {
				// A bare identifier key (`args = {step = "x"}`): its own name, nothing to evaluate.
				const val = this.eval(it.value, s);
				if (val === undefined) ok = false;
				else putAttr(attrs, it.keyIdent, val);
				continue;
			}
			const key = this.eval(it.key, s);
			const val = this.eval(it.value, s);
			if (key === undefined || val === undefined) {
				ok = false;
				continue;
			}
			if (key.kind === 'null') {
				this.error(it.key.range, 'Null value as key', "Can't use a null value as a key.");
				ok = false;
				continue;
			}
			let k: Value;
			try {
				k = key.kind === 'string' ? key : convert(key, STRING);
			} catch (err) {
				this.error(
					it.key.range,
					'Incorrect key type',
					`Can't use this value as a key: ${errText(err)}.`,
				);
				ok = false;
				continue;
			}
			if (k.kind === 'string') putAttr(attrs, k.value, val);
		}
		return ok ? object(attrs) : undefined;
	}

	private conditional(e: ConditionalExpr, s: Scope): Result {
		// HCL evaluates both results first (to unify their types) and reports only the taken one's errors.
		const t = this.isolated(e.then, s);
		const f = this.isolated(e.else, s);
		const tType = t.value ? typeOf(t.value) : DYNAMIC;
		const fType = f.value ? typeOf(f.value) : DYNAMIC;
		let resultType: Type | undefined;
		if (t.value?.kind === 'null' && t.value.type.kind === 'dynamic') resultType = fType;
		else if (f.value?.kind === 'null' && f.value.type.kind === 'dynamic') resultType = tType;
		else resultType = unifyTypes([tType, fType]);
		if (resultType === undefined) {
			return this.error(
				e.range,
				'Inconsistent conditional result types',
				`The true and false result expressions must have consistent types. The 'true' value is ${typeFriendlyName(tType)}, but the 'false' value is ${typeFriendlyName(fType)}.`,
			);
		}
		const cond = this.eval(e.cond, s);
		if (cond === undefined) return undefined;
		if (cond.kind === 'null') {
			return this.error(
				e.cond.range,
				'Null condition',
				'The condition value is null. Conditions must either be true or false.',
			);
		}
		let c: Value;
		try {
			c = convert(cond, BOOL);
		} catch {
			return this.error(
				e.cond.range,
				'Incorrect condition type',
				'The condition expression must be of type bool.',
			);
		}
		const chosen = c.kind === 'bool' && c.value ? t : f;
		const chosenExpr = chosen === t ? e.then : e.else;
		if (chosen.diagnostics.length) this.diags.push(...chosen.diagnostics);
		if (chosen.value === undefined) return undefined;
		try {
			return convert(chosen.value, resultType);
		} catch (err) {
			return this.error(
				chosenExpr.range,
				'Inconsistent conditional result types',
				`The ${chosen === t ? 'true' : 'false'} result value has the wrong type: ${errText(err)}.`,
			);
		}
	}

	private binary(e: BinaryExpr, s: Scope): Result {
		const l = this.eval(e.left, s);
		const r = this.eval(e.right, s);
		if (l === undefined || r === undefined) return undefined;
		const op = e.op;
		if (op === '==' || op === '!=') {
			const eq = ops.equals(l, r);
			return op === '==' ? eq : bool(!(eq.kind === 'bool' && eq.value));
		}
		const want = op === '&&' || op === '||' ? BOOL : NUMBER;
		const lc = this.operand(l, want, e.left.range, 'left');
		const rc = this.operand(r, want, e.right.range, 'right');
		if (lc === undefined || rc === undefined) return undefined;
		if (lc.kind === 'null' || rc.kind === 'null') {
			return this.error(
				e.range,
				'Operation failed',
				'Error during operation: argument must not be null.',
			);
		}
		try {
			switch (op) {
				case '&&':
					return ops.and(lc, rc);
				case '||':
					return ops.or(lc, rc);
				case '+':
					return ops.add(lc, rc);
				case '-':
					return ops.sub(lc, rc);
				case '*':
					return ops.mul(lc, rc);
				case '/':
					return ops.div(lc, rc);
				case '%':
					return ops.mod(lc, rc);
				default:
					return compare(op, lc, rc);
			}
		} catch (err) {
			return this.error(e.range, 'Operation failed', `Error during operation: ${errText(err)}.`);
		}
	}

	private operand(v: Value, want: Type, range: Range, side: string): Result {
		try {
			return convert(v, want);
		} catch (err) {
			return this.error(
				range,
				'Invalid operand',
				`Unsuitable value for ${side} operand: ${errText(err)}.`,
			);
		}
	}

	private unary(e: UnaryExpr, s: Scope): Result {
		const v = this.eval(e.operand, s);
		if (v === undefined) return undefined;
		const c = this.operand(v, e.op === '!' ? BOOL : NUMBER, e.operand.range, 'unary');
		if (c === undefined) return undefined;
		if (c.kind === 'null') {
			return this.error(
				e.range,
				'Operation failed',
				'Error during operation: argument must not be null.',
			);
		}
		try {
			return e.op === '!' ? ops.not(c) : ops.neg(c);
		} catch (err) {
			return this.error(e.range, 'Operation failed', `Error during operation: ${errText(err)}.`);
		}
	}
}

/** A later key replaces an earlier one, and takes its place at the end (as HCL's map does). */
function putAttr(attrs: [string, Value][], key: string, val: Value): void {
	for (let i = 0; i < attrs.length; i++) {
		if ((attrs[i] as [string, Value])[0] === key) {
			attrs.splice(i, 1);
			break;
		}
	}
	attrs.push([key, val]);
}

function compare(op: '<' | '<=' | '>' | '>=', l: Value, r: Value): Value {
	const c = ops.compare(l, r);
	switch (op) {
		case '<':
			return bool(c < 0);
		case '<=':
			return bool(c <= 0);
		case '>':
			return bool(c > 0);
		default:
			return bool(c >= 0);
	}
}

function literal(v: import('../ast.js').LiteralExpr['value']): Value {
	switch (v.type) {
		case 'bool':
			return bool(v.value);
		case 'null':
			return nullOf(DYNAMIC);
		case 'number':
			return numberFromText(v.text);
	}
}

function numberFromText(text: string): Value {
	return {kind: 'number', value: Num.parse(text) ?? Num.fromInt(0)};
}
