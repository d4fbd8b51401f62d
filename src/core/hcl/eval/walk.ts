// Static walks over an expression: the variables it references (hcl Expression.Variables(),
// minus names bound by enclosing for-expressions) and the functions it calls. Bake uses them
// to resolve dependencies before evaluating, as buildx's loadDeps does.

import type {Expr, ScopeTraversalExpr, TemplatePart} from '../ast.js';

// The tree is immutable and bake walks the same expression once per matrix instance (and per
// lookup), so each walk is done once per node and remembered.
const traversalCache = new WeakMap<Expr, readonly ScopeTraversalExpr[]>();
const callCache = new WeakMap<Expr, readonly string[]>();

export function referencedTraversals(expr: Expr): readonly ScopeTraversalExpr[] {
	let out = traversalCache.get(expr);
	if (!out) {
		const found: ScopeTraversalExpr[] = [];
		visit(expr, new Set(), found, undefined);
		out = found;
		traversalCache.set(expr, out);
	}
	return out;
}

export function functionCalls(expr: Expr): readonly string[] {
	let out = callCache.get(expr);
	if (!out) {
		const found: string[] = [];
		visit(expr, new Set(), undefined, found);
		out = found;
		callCache.set(expr, out);
	}
	return out;
}

function visit(
	e: Expr,
	bound: ReadonlySet<string>,
	vars: ScopeTraversalExpr[] | undefined,
	fns: string[] | undefined,
): void {
	const go = (x: Expr, b: ReadonlySet<string> = bound) => visit(x, b, vars, fns);
	switch (e.kind) {
		case 'Literal':
		case 'AnonSymbol':
			return;
		case 'Template':
			visitParts(e.parts, bound, vars, fns);
			return;
		case 'TemplateWrap':
		case 'Paren':
			go(e.expr);
			return;
		case 'ScopeTraversal':
			if (!bound.has(e.root)) vars?.push(e);
			for (const st of e.steps) if (st.kind === 'Index') go(st.key);
			return;
		case 'RelativeTraversal':
			go(e.source);
			for (const st of e.steps) if (st.kind === 'Index') go(st.key);
			return;
		case 'Index':
			go(e.collection);
			go(e.key);
			return;
		case 'Splat':
			go(e.source);
			go(e.each);
			return;
		case 'Tuple':
			for (const it of e.items) go(it);
			return;
		case 'Object':
			for (const it of e.items) {
				if (it.keyIdent === undefined) go(it.key);
				go(it.value);
			}
			return;
		case 'FunctionCall':
			fns?.push(e.name);
			for (const a of e.args) go(a);
			return;
		case 'Conditional':
			go(e.cond);
			go(e.then);
			go(e.else);
			return;
		case 'Binary':
			go(e.left);
			go(e.right);
			return;
		case 'Unary':
			go(e.operand);
			return;
		case 'For': {
			go(e.coll);
			const inner = new Set(bound);
			inner.add(e.valueVar);
			if (e.keyVar !== undefined) inner.add(e.keyVar);
			if (e.keyExpr) go(e.keyExpr, inner);
			go(e.valueExpr, inner);
			if (e.cond) go(e.cond, inner);
			return;
		}
	}
}

function visitParts(
	parts: readonly TemplatePart[],
	bound: ReadonlySet<string>,
	vars: ScopeTraversalExpr[] | undefined,
	fns: string[] | undefined,
): void {
	for (const p of parts) {
		switch (p.kind) {
			case 'Literal':
				break;
			case 'Interp':
				visit(p.expr, bound, vars, fns);
				break;
			case 'If':
				visit(p.cond, bound, vars, fns);
				visitParts(p.then, bound, vars, fns);
				visitParts(p.else, bound, vars, fns);
				break;
			case 'For': {
				visit(p.coll, bound, vars, fns);
				const inner = new Set(bound);
				inner.add(p.valueVar);
				if (p.keyVar !== undefined) inner.add(p.keyVar);
				visitParts(p.body, inner, vars, fns);
				break;
			}
		}
	}
}
