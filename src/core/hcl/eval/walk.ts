// Static walks over an expression: the variables it references (hcl Expression.Variables(),
// minus names bound by enclosing for-expressions) and the functions it calls. Bake uses them
// to resolve dependencies before evaluating, as buildx's loadDeps does.

import type {Expr, ScopeTraversalExpr, TemplatePart, Traverser} from '../ast.js';

// The tree is immutable and bake walks the same expression once per matrix instance (and per
// lookup), so each expression is walked once, for both answers, and they are remembered.
// Loops are indexed: a for-of makes an iterator and a result per step until V8 compiles it,
// and this walk runs once over every expression of a file, mostly before that.
interface Found {
	readonly vars: ScopeTraversalExpr[];
	readonly fns: string[];
}
const walked = new WeakMap<Expr, Found>();
const NOTHING_BOUND: ReadonlySet<string> = new Set();

function walk(expr: Expr): Found {
	let found = walked.get(expr);
	if (!found) {
		found = {vars: [], fns: []};
		visit(expr, NOTHING_BOUND, found);
		walked.set(expr, found);
	}
	return found;
}

export function referencedTraversals(expr: Expr): readonly ScopeTraversalExpr[] {
	return walk(expr).vars;
}

export function functionCalls(expr: Expr): readonly string[] {
	return walk(expr).fns;
}

/** `bound`: names bound by enclosing for-expressions. Recursion passes its state, no closures. */
function visit(e: Expr, bound: ReadonlySet<string>, out: Found): void {
	switch (e.kind) {
		case 'Literal':
		case 'AnonSymbol':
			return;
		case 'Template':
			visitParts(e.parts, bound, out);
			return;
		case 'TemplateWrap':
		case 'Paren':
			visit(e.expr, bound, out);
			return;
		case 'ScopeTraversal':
			if (!bound.has(e.root)) out.vars.push(e);
			visitSteps(e.steps, bound, out);
			return;
		case 'RelativeTraversal':
			visit(e.source, bound, out);
			visitSteps(e.steps, bound, out);
			return;
		case 'Index':
			visit(e.collection, bound, out);
			visit(e.key, bound, out);
			return;
		case 'Splat':
			visit(e.source, bound, out);
			visit(e.each, bound, out);
			return;
		case 'Tuple':
			for (let i = 0; i < e.items.length; i++) visit(e.items[i] as Expr, bound, out);
			return;
		case 'Object':
			for (let i = 0; i < e.items.length; i++) {
				const it = e.items[i] as (typeof e.items)[number];
				if (it.keyIdent === undefined) visit(it.key, bound, out);
				visit(it.value, bound, out);
			}
			return;
		case 'FunctionCall':
			out.fns.push(e.name);
			for (let i = 0; i < e.args.length; i++) visit(e.args[i] as Expr, bound, out);
			return;
		case 'Conditional':
			visit(e.cond, bound, out);
			visit(e.then, bound, out);
			visit(e.else, bound, out);
			return;
		case 'Binary':
			visit(e.left, bound, out);
			visit(e.right, bound, out);
			return;
		case 'Unary':
			visit(e.operand, bound, out);
			return;
		case 'For': {
			visit(e.coll, bound, out);
			const inner = new Set(bound);
			inner.add(e.valueVar);
			if (e.keyVar !== undefined) inner.add(e.keyVar);
			if (e.keyExpr) visit(e.keyExpr, inner, out);
			visit(e.valueExpr, inner, out);
			if (e.cond) visit(e.cond, inner, out);
			return;
		}
	}
}

function visitSteps(steps: readonly Traverser[], bound: ReadonlySet<string>, out: Found): void {
	for (let i = 0; i < steps.length; i++) {
		const st = steps[i] as Traverser;
		if (st.kind === 'Index') visit(st.key, bound, out);
	}
}

function visitParts(parts: readonly TemplatePart[], bound: ReadonlySet<string>, out: Found): void {
	for (let i = 0; i < parts.length; i++) {
		const p = parts[i] as TemplatePart;
		switch (p.kind) {
			case 'Literal':
				break;
			case 'Interp':
				visit(p.expr, bound, out);
				break;
			case 'If':
				visit(p.cond, bound, out);
				visitParts(p.then, bound, out);
				visitParts(p.else, bound, out);
				break;
			case 'For': {
				visit(p.coll, bound, out);
				const inner = new Set(bound);
				inner.add(p.valueVar);
				if (p.keyVar !== undefined) inner.add(p.keyVar);
				visitParts(p.body, inner, out);
				break;
			}
		}
	}
}
