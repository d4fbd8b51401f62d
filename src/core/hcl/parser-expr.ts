// Expression parser with HCL's precedence:
// `? :` < `||` < `&&` < `== !=` < `< > <= >=` < `+ -` < `* / %` < unary `! -` < traversals.
// Binary operators are parsed by precedence climbing (one call per operand, not one per
// precedence level); the trees, and where parsing stops after an error, are those of
// hclsyntax's one-function-per-level parser. Error messages and recovery follow hclsyntax.

import type {Range} from '../diagnostics.js';
import type {BinaryOp, Expr, LiteralExpr} from './ast.js';
import {parseCollection} from './parser-collections.js';
import {between, MAX_DEPTH, type Parser, type Tok} from './parser-state.js';
import {parseTemplateExpr} from './parser-template.js';
import {parseTraversals} from './parser-traversal.js';
import {T, type TokenType} from './tokens.js';

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
		const t = p.cur;
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
	// No try/finally: an exception ends the whole parse (see guard in parser.ts).
	p.depth++;
	const startTok = p.cur;
	const mark = p.diags.length;
	const cond = parseBinary(p, 0);
	const e =
		(p.recovery && p.diags.length > mark) || p.types[p.cur] !== T.Question
			? cond
			: finishConditional(p, startTok, cond);
	p.depth--;
	return e;
}

/** After `cond`, at `?`. */
function finishConditional(p: Parser, startTok: Tok, cond: Expr): Expr {
	p.read();
	const thenMark = p.diags.length;
	const then = parseExpr(p);
	if (failed(p, thenMark)) return cond;
	const colon = p.cur;
	if (p.types[colon] !== T.Colon) {
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
		range: p.spanTo(startTok, otherwise.range),
	};
}

/** Precedence level of each binary operator token (0 `||` ... 5 `* / %`); -1 for other tokens. */
const LEVEL = new Int8Array(64).fill(-1);
/** The operator each binary operator token stands for. */
const OPERATOR: BinaryOp[] = [];

function binaryOp(t: TokenType, level: number, op: BinaryOp): void {
	LEVEL[t] = level;
	OPERATOR[t] = op;
}

binaryOp(T.Or, 0, '||');
binaryOp(T.And, 1, '&&');
binaryOp(T.EqualOp, 2, '==');
binaryOp(T.NotEqual, 2, '!=');
binaryOp(T.Lt, 3, '<');
binaryOp(T.Lte, 3, '<=');
binaryOp(T.Gt, 3, '>');
binaryOp(T.Gte, 3, '>=');
binaryOp(T.Plus, 4, '+');
binaryOp(T.Minus, 4, '-');
binaryOp(T.Star, 5, '*');
binaryOp(T.Slash, 5, '/');
binaryOp(T.Percent, 5, '%');

/**
 * Left-associative binary operators of level `min` and above. After an error in recovery mode
 * it returns what hclsyntax's level-by-level parser returns: the left operand of the outermost
 * operator whose right side failed (or the failed operand itself when it came first).
 */
function parseBinary(p: Parser, min: number): Expr {
	const mark = p.diags.length;
	let left = parseTerm(p);
	let t = p.types[p.cur]!;
	if (t === T.Dot || t === T.OBrack) {
		left = parseTraversals(p, left);
		t = p.types[p.cur]!;
	}
	if (p.recovery && p.diags.length > mark) return left;
	for (;;) {
		const level = LEVEL[t]!;
		if (level < min) return left;
		p.read();
		const rhsMark = p.diags.length;
		const right = parseBinary(p, level + 1);
		if (p.recovery && p.diags.length > rhsMark) return left;
		left = {kind: 'Binary', op: OPERATOR[t]!, left, right, range: between(left.range, right.range)};
		t = p.types[p.cur]!;
	}
}

function parseWithTraversals(p: Parser): Expr {
	const term = parseTerm(p);
	const t = p.types[p.cur];
	return t === T.Dot || t === T.OBrack ? parseTraversals(p, term) : term;
}

function parseTerm(p: Parser): Expr {
	const start = p.cur;
	const type = p.types[start];
	switch (type) {
		case T.Ident: {
			p.read();
			const next = p.types[p.cur];
			if (next === T.OParen || next === T.DoubleColon) return finishCall(p, start);
			const range = p.range(start);
			const name = p.text(start);
			switch (name) {
				case 'true':
					return {kind: 'Literal', value: {type: 'bool', value: true}, range};
				case 'false':
					return {kind: 'Literal', value: {type: 'bool', value: false}, range};
				case 'null':
					return {kind: 'Literal', value: {type: 'null'}, range};
			}
			return {kind: 'ScopeTraversal', root: name, rootRange: range, steps: [], range};
		}
		case T.OQuote:
		case T.OHeredoc:
			return parseTemplateExpr(p);
		case T.Number:
			p.read();
			return {
				kind: 'Literal',
				value: {type: 'number', text: p.text(start)},
				range: p.range(start),
			};
		case T.OBrack:
		case T.OBrace:
			return parseCollection(p);
		case T.OParen:
			return parseParens(p);
		case T.Minus:
		case T.Bang: {
			p.read();
			const operand = parseWithTraversals(p);
			return {
				kind: 'Unary',
				op: type === T.Minus ? '-' : '!',
				operand,
				range: p.spanTo(start, operand.range),
			};
		}
	}
	if (!p.recovery) {
		if (type === T.EOF) {
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
	const nl = p.setNl(false);
	const mark = p.diags.length;
	const expr = parseExpr(p);
	if (p.diags.length > mark) {
		p.recover(T.CParen);
		p.restoreNl(nl);
		return expr;
	}
	const close = p.cur;
	if (p.types[close] !== T.CParen) {
		p.err(
			p.range(close),
			'Unbalanced parentheses',
			'Expected a closing parenthesis to terminate the expression.',
		);
		p.recovery = true;
	}
	const cparen = p.read();
	p.restoreNl(nl);
	return {kind: 'Paren', expr, range: p.span(open, cparen)};
}

function finishCall(p: Parser, name: Tok): Expr {
	let open = p.read();
	let fname = p.text(name);
	let nameRange = p.range(name);
	while (p.types[open] === T.DoubleColon) {
		const part = p.read();
		if (p.types[part] !== T.Ident) {
			p.err(
				p.range(part),
				'Missing function name',
				'Function scope resolution symbol :: must be followed by a function name in this scope.',
			);
			p.recovery = true;
			return placeholder(p.spanFrom(nameRange, part));
		}
		fname = `${fname}::${p.text(part)}`;
		nameRange = p.spanFrom(nameRange, part);
		open = p.read();
	}
	if (p.types[open] !== T.OParen) {
		p.err(
			p.range(open),
			'Missing open parenthesis',
			'Function selector must be followed by an open parenthesis to begin the function call.',
		);
		p.recovery = true;
		return placeholder(p.spanFrom(nameRange, open));
	}
	const args: Expr[] = [];
	let expandFinal = false;
	let close: Tok = open;
	const nl = p.setNl(false);
	for (;;) {
		if (p.types[p.cur] === T.CParen) {
			close = p.read();
			break;
		}
		const mark = p.diags.length;
		const at = p.pos;
		args.push(parseExpr(p));
		if ((p.recovery && p.diags.length > mark) || p.pos === at) {
			const t = p.recover(T.CParen);
			if (p.types[t] === T.CParen) close = t;
			break;
		}
		const sep = p.read();
		const sepType = p.types[sep];
		if (sepType === T.CParen) {
			close = sep;
			break;
		}
		if (sepType === T.Ellipsis) {
			expandFinal = true;
			if (p.types[p.cur] !== T.CParen) {
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
		if (sepType !== T.Comma) {
			if (sepType === T.EOF) {
				p.err(
					p.spanFrom(nameRange, open),
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
		if (p.types[p.cur] === T.CParen) {
			close = p.read();
			break;
		}
	}
	p.restoreNl(nl);
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
