// Recursive-descent expression parser with HCL's precedence:
// `? :` < `||` < `&&` < `== !=` < `< > <= >=` < `+ -` < `* / %` < unary `! -` < traversals.
// Error messages and recovery follow hashicorp/hcl's hclsyntax parser.

import type {Range} from '../diagnostics.js';
import type {BinaryOp, Expr, LiteralExpr} from './ast.js';
import {parseCollection} from './parser-collections.js';
import {between, MAX_DEPTH, type Parser} from './parser-state.js';
import {parseTemplateExpr} from './parser-template.js';
import {parseTraversals} from './parser-traversal.js';
import {T, type Token, type TokenType} from './tokens.js';

/** A null literal standing in for an expression that failed to parse (HCL uses DynamicVal). */
export function placeholder(range: Range): LiteralExpr {
	return {kind: 'Literal', value: {type: 'null'}, range};
}

/** Whether errors were added since `mark` while in recovery mode (HCL's `p.recovery && diags.HasErrors()`). */
export function failed(p: Parser, mark: number): boolean {
	return p.recovery && p.diags.length > mark;
}

export function parseExpr(p: Parser): Expr {
	if (p.depth >= MAX_DEPTH) {
		const t = p.peek();
		if (!p.recovery) {
			p.err(
				p.range(t),
				'Expression too deeply nested',
				`Expressions may be nested at most ${MAX_DEPTH} levels deep.`,
			);
		}
		p.recovery = true;
		return placeholder(p.range(t));
	}
	p.depth++;
	try {
		return parseConditional(p);
	} finally {
		p.depth--;
	}
}

function parseConditional(p: Parser): Expr {
	const startTok = p.peek();
	const mark = p.diags.length;
	const cond = parseBinary(p, 0);
	if (failed(p, mark)) return cond;
	const q = p.peek();
	if (q.type !== T.Question) return cond;
	p.read();
	const thenMark = p.diags.length;
	const then = parseExpr(p);
	if (failed(p, thenMark)) return cond;
	const colon = p.peek();
	if (colon.type !== T.Colon) {
		p.err(
			p.range(colon),
			'Missing false expression in conditional',
			'The conditional operator (...?...:...) requires a false expression, delimited by a colon.',
		);
		return cond;
	}
	p.read();
	const elseMark = p.diags.length;
	const otherwise = parseExpr(p);
	if (failed(p, elseMark)) return cond;
	return {
		kind: 'Conditional',
		cond,
		then,
		else: otherwise,
		range: between(p.range(startTok), otherwise.range),
	};
}

const LEVELS = 6;

function opAt(level: number, t: TokenType): BinaryOp | undefined {
	switch (level) {
		case 0:
			return t === T.Or ? '||' : undefined;
		case 1:
			return t === T.And ? '&&' : undefined;
		case 2:
			return t === T.EqualOp ? '==' : t === T.NotEqual ? '!=' : undefined;
		case 3:
			if (t === T.Lt) return '<';
			if (t === T.Lte) return '<=';
			if (t === T.Gt) return '>';
			return t === T.Gte ? '>=' : undefined;
		case 4:
			return t === T.Plus ? '+' : t === T.Minus ? '-' : undefined;
		default:
			if (t === T.Star) return '*';
			if (t === T.Slash) return '/';
			return t === T.Percent ? '%' : undefined;
	}
}

/** Left-associative binary operators, one precedence level per recursion step. */
function parseBinary(p: Parser, level: number): Expr {
	if (level === LEVELS) return parseWithTraversals(p);
	const mark = p.diags.length;
	let left = parseBinary(p, level + 1);
	if (failed(p, mark)) return left;
	for (;;) {
		const op = opAt(level, p.peek().type);
		if (op === undefined) return left;
		p.read();
		const rhsMark = p.diags.length;
		const right = parseBinary(p, level + 1);
		if (failed(p, rhsMark)) return left;
		left = {kind: 'Binary', op, left, right, range: between(left.range, right.range)};
	}
}

export function parseWithTraversals(p: Parser): Expr {
	return parseTraversals(p, parseTerm(p));
}

function parseTerm(p: Parser): Expr {
	const start = p.peek();
	switch (start.type) {
		case T.OParen:
			return parseParens(p);
		case T.Number:
			p.read();
			return {kind: 'Literal', value: {type: 'number', text: start.text}, range: p.range(start)};
		case T.Ident: {
			p.read();
			const next = p.peek().type;
			if (next === T.OParen || next === T.DoubleColon) return finishCall(p, start);
			const range = p.range(start);
			switch (start.text) {
				case 'true':
					return {kind: 'Literal', value: {type: 'bool', value: true}, range};
				case 'false':
					return {kind: 'Literal', value: {type: 'bool', value: false}, range};
				case 'null':
					return {kind: 'Literal', value: {type: 'null'}, range};
			}
			return {kind: 'ScopeTraversal', root: start.text, rootRange: range, steps: [], range};
		}
		case T.OQuote:
		case T.OHeredoc:
			return parseTemplateExpr(p);
		case T.Minus:
		case T.Bang: {
			p.read();
			const operand = parseWithTraversals(p);
			return {
				kind: 'Unary',
				op: start.type === T.Minus ? '-' : '!',
				operand,
				range: between(p.range(start), operand.range),
			};
		}
		case T.OBrack:
		case T.OBrace:
			return parseCollection(p);
	}
	if (!p.recovery) {
		if (start.type === T.EOF) {
			p.err(
				p.range(start),
				'Missing expression',
				'Expected the start of an expression, but found the end of the file.',
			);
		} else {
			p.err(
				p.range(start),
				'Invalid expression',
				'Expected the start of an expression, but found an invalid expression token.',
			);
		}
	}
	p.recovery = true;
	return placeholder(p.range(start));
}

function parseParens(p: Parser): Expr {
	const open = p.read();
	p.pushNl(false);
	const mark = p.diags.length;
	const expr = parseExpr(p);
	if (p.diags.length > mark) {
		p.recover(T.CParen);
		p.popNl();
		return expr;
	}
	const close = p.peek();
	if (close.type !== T.CParen) {
		p.err(
			p.range(close),
			'Unbalanced parentheses',
			'Expected a closing parenthesis to terminate the expression.',
		);
		p.recovery = true;
	}
	const cparen = p.read();
	p.popNl();
	return {kind: 'Paren', expr, range: between(p.range(open), p.range(cparen))};
}

function finishCall(p: Parser, name: Token): Expr {
	let open = p.read();
	let fname = name.text;
	let nameRange = p.range(name);
	while (open.type === T.DoubleColon) {
		const part = p.read();
		if (part.type !== T.Ident) {
			p.err(
				p.range(part),
				'Missing function name',
				'Function scope resolution symbol :: must be followed by a function name in this scope.',
			);
			p.recovery = true;
			return placeholder(between(nameRange, p.range(part)));
		}
		fname = `${fname}::${part.text}`;
		nameRange = between(nameRange, p.range(part));
		open = p.read();
	}
	if (open.type !== T.OParen) {
		p.err(
			p.range(open),
			'Missing open parenthesis',
			'Function selector must be followed by an open parenthesis to begin the function call.',
		);
		p.recovery = true;
		return placeholder(between(nameRange, p.range(open)));
	}
	const args: Expr[] = [];
	let expandFinal = false;
	let close: Token = open;
	p.pushNl(false);
	for (;;) {
		if (p.peek().type === T.CParen) {
			close = p.read();
			break;
		}
		const mark = p.diags.length;
		const at = p.pos;
		args.push(parseExpr(p));
		if (failed(p, mark) || p.pos === at) {
			const t = p.recover(T.CParen);
			if (t.type === T.CParen) close = t;
			break;
		}
		const sep = p.read();
		if (sep.type === T.CParen) {
			close = sep;
			break;
		}
		if (sep.type === T.Ellipsis) {
			expandFinal = true;
			if (p.peek().type !== T.CParen) {
				if (!p.recovery) {
					p.err(
						p.range(sep),
						'Missing closing parenthesis',
						'An expanded function argument (with ...) must be immediately followed by closing parentheses.',
					);
				}
				close = p.recover(T.CParen);
			} else close = p.read();
			break;
		}
		if (sep.type !== T.Comma) {
			if (sep.type === T.EOF) {
				p.err(
					between(nameRange, p.range(open)),
					'Unterminated function call',
					'There is no closing parenthesis for this function call before the end of the file. This may be caused by incorrect parenthesis nesting elsewhere in this file.',
				);
			} else {
				p.err(
					p.range(sep),
					'Missing argument separator',
					'A comma is required to separate each function argument from the next.',
				);
			}
			close = p.recover(T.CParen);
			break;
		}
		if (p.peek().type === T.CParen) {
			close = p.read();
			break;
		}
	}
	p.popNl();
	const closeRange = p.range(close);
	return {
		kind: 'FunctionCall',
		name: fname,
		nameRange,
		args,
		expandFinal,
		openParenRange: p.range(open),
		closeParenRange: closeRange,
		range: between(nameRange, closeRange),
	};
}
