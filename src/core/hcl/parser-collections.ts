// Tuple and object constructors and `for` expressions. Newlines are ignored inside `[...]`
// and in `for` expressions; object constructors are newline-sensitive (a newline or a comma
// separates items).

import type {Expr, ObjectItem} from './ast.js';
import {failed, parseExpr, placeholder} from './parser-expr.js';
import {between, type Parser, type Tok} from './parser-state.js';
import {T, type TokenType} from './tokens.js';

/** At `[` or `{`. */
export function parseCollection(p: Parser): Expr {
	const open = p.read();
	// No try/finally around the newline mode: an exception ends the whole parse.
	const nl = p.setNl(false);
	const isFor = isKeyword(p, p.cur, 'for');
	let e: Expr;
	if (isFor) e = finishFor(p, open);
	else if (p.types[open] === T.OBrack) e = parseTuple(p, open);
	else {
		p.setNl(true);
		e = parseObject(p, open);
	}
	p.restoreNl(nl);
	return e;
}

function isKeyword(p: Parser, t: Tok, word: string): boolean {
	return p.types[t] === T.Ident && p.text(t) === word;
}

/** After `[`, newlines ignored. */
function parseTuple(p: Parser, open: Tok): Expr {
	const items: Expr[] = [];
	let close: Tok;
	for (;;) {
		if (p.types[p.cur] === T.CBrack) {
			close = p.read();
			break;
		}
		const mark = p.diags.length;
		const at = p.pos;
		items.push(parseExpr(p));
		if ((p.recovery && p.diags.length > mark) || p.pos === at) {
			close = p.recover(T.CBrack);
			break;
		}
		const next = p.cur;
		const nextType = p.types[next];
		if (nextType === T.CBrack) {
			close = p.read();
			break;
		}
		if (nextType !== T.Comma) {
			if (!p.recovery) {
				if (nextType === T.EOF) {
					p.err(
						p.range(open),
						'Unterminated tuple constructor expression',
						'There is no corresponding closing bracket before the end of the file. This may be caused by incorrect bracket nesting elsewhere in this file.',
					);
				} else {
					p.err(
						p.range(next),
						'Missing item separator',
						'Expected a comma to mark the beginning of the next item.',
					);
				}
			}
			close = p.recover(T.CBrack);
			break;
		}
		p.read();
	}
	return {kind: 'Tuple', items, range: p.span(open, close)};
}

/** After `{`, newlines significant (they separate items). */
function parseObject(p: Parser, open: Tok): Expr {
	const items: ObjectItem[] = [];
	let close: Tok;
	for (;;) {
		const first = p.cur;
		const firstType = p.types[first];
		if (firstType === T.Newline) {
			p.read();
			continue;
		}
		if (firstType === T.CBrace) {
			close = p.read();
			break;
		}
		const forceNonLiteral = firstType === T.OParen;
		const mark = p.diags.length;
		const at = p.pos;
		const key = parseExpr(p);
		if ((p.recovery && p.diags.length > mark) || p.pos === at) {
			close = p.recover(T.CBrace);
			break;
		}
		const sep = p.cur;
		const sepType = p.types[sep];
		if (sepType !== T.Equal && sepType !== T.Colon) {
			if (!p.recovery) missingSeparator(p, open, sep);
			close = p.recover(T.CBrace);
			break;
		}
		p.read();
		const valueMark = p.diags.length;
		const value = parseExpr(p);
		const keyIdent = forceNonLiteral ? undefined : keywordOf(key);
		const range = between(key.range, value.range);
		items.push(keyIdent === undefined ? {key, value, range} : {key, keyIdent, value, range});
		if (p.recovery && p.diags.length > valueMark) {
			close = p.recover(T.CBrace);
			break;
		}
		const next = p.cur;
		const nextType = p.types[next];
		if (nextType === T.CBrace) {
			close = p.read();
			break;
		}
		if (nextType !== T.Comma && nextType !== T.Newline) {
			if (!p.recovery) {
				if (nextType === T.EOF) unterminatedObject(p, open);
				else {
					p.err(
						p.range(next),
						'Missing attribute separator',
						'Expected a newline or comma to mark the beginning of the next attribute.',
					);
				}
			}
			close = p.recover(T.CBrace);
			break;
		}
		p.read();
	}
	return {kind: 'Object', items, range: p.span(open, close)};
}

/** A bare identifier key (or true/false/null) means the literal name, as HCL's ExprAsKeyword. */
function keywordOf(key: Expr): string | undefined {
	if (key.kind === 'ScopeTraversal' && key.steps.length === 0) return key.root;
	if (key.kind === 'Literal' && key.value.type === 'bool') return String(key.value.value);
	if (key.kind === 'Literal' && key.value.type === 'null') return 'null';
	return undefined;
}

function unterminatedObject(p: Parser, open: Tok): void {
	p.err(
		p.range(open),
		'Unterminated object constructor expression',
		'There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.',
	);
}

function missingSeparator(p: Parser, open: Tok, next: Tok): void {
	switch (p.types[next]) {
		case T.Newline:
		case T.Comma:
			p.err(
				p.range(next),
				'Missing attribute value',
				'Expected an attribute value, introduced by an equals sign ("=").',
			);
			return;
		case T.Ident:
			p.err(
				p.range(next),
				'Missing key/value separator',
				'Expected an equals sign ("=") to mark the beginning of the attribute value. If you intended to given an attribute name containing periods or spaces, write the name in quotes to create a string literal.',
			);
			return;
		case T.EOF:
			unterminatedObject(p, open);
			return;
		default:
			p.err(
				p.range(next),
				'Missing key/value separator',
				'Expected an equals sign ("=") to mark the beginning of the attribute value.',
			);
	}
}

const FOR = "Invalid 'for' expression";

/** Report a malformed `for` expression at the next token and skip to its closing bracket. */
function forFailed(p: Parser, open: Tok, closeType: TokenType, detail: string): Expr {
	if (!p.recovery) p.err(p.range(p.cur), FOR, detail);
	return placeholder(p.span(open, p.recover(closeType)));
}

/** After `[` or `{` with the `for` keyword next (newlines ignored). */
function finishFor(p: Parser, open: Tok): Expr {
	p.read(); // for
	const object = p.types[open] === T.OBrace;
	const closeType: TokenType = object ? T.CBrace : T.CBrack;
	if (p.types[p.cur] !== T.Ident)
		return forFailed(p, open, closeType, "For expression requires variable name after 'for'.");
	let keyVar: string | undefined;
	let valueVar = p.text(p.read());
	if (p.types[p.cur] === T.Comma) {
		p.read();
		keyVar = valueVar;
		if (p.types[p.cur] !== T.Ident) {
			return forFailed(
				p,
				open,
				closeType,
				'For expression requires value variable name after comma.',
			);
		}
		valueVar = p.text(p.read());
	}
	if (!isKeyword(p, p.cur, 'in')) {
		return forFailed(
			p,
			open,
			closeType,
			"For expression requires the 'in' keyword after its name declarations.",
		);
	}
	p.read();
	const collMark = p.diags.length;
	const coll = parseExpr(p);
	if (failed(p, collMark)) return placeholder(p.span(open, p.recover(closeType)));
	if (p.types[p.cur] !== T.Colon) {
		return forFailed(
			p,
			open,
			closeType,
			'For expression requires a colon after the collection expression.',
		);
	}
	p.read();
	const valMark = p.diags.length;
	let keyExpr: Expr | undefined;
	let valueExpr = parseExpr(p);
	if (p.types[p.cur] === T.FatArrow) {
		p.read();
		keyExpr = valueExpr;
		valueExpr = parseExpr(p);
	}
	if (failed(p, valMark)) return placeholder(p.span(open, p.recover(closeType)));
	let group = false;
	let ellipsis = -1;
	if (p.types[p.cur] === T.Ellipsis) {
		ellipsis = p.read();
		group = true;
	}
	let cond: Expr | undefined;
	if (isKeyword(p, p.cur, 'if')) {
		p.read();
		const condMark = p.diags.length;
		cond = parseExpr(p);
		if (failed(p, condMark)) return placeholder(p.span(open, p.recover(closeType)));
	}
	let close: Tok;
	if (p.types[p.cur] === closeType) close = p.read();
	else {
		if (!p.recovery)
			p.err(p.range(p.cur), FOR, "Extra characters after the end of the 'for' expression.");
		close = p.recover(closeType);
	}
	const range = p.span(open, close);
	if (!object) {
		if (keyExpr) p.err(keyExpr.range, FOR, 'Key expression is not valid when building a tuple.');
		if (ellipsis >= 0)
			p.err(
				p.range(ellipsis),
				FOR,
				'Grouping ellipsis (...) cannot be used when building a tuple.',
			);
	} else if (!keyExpr) {
		p.err(valueExpr.range, FOR, 'Key expression is required when building an object.');
	}
	return {
		kind: 'For',
		...(keyVar === undefined ? {} : {keyVar}),
		valueVar,
		coll,
		...(keyExpr === undefined ? {} : {keyExpr}),
		valueExpr,
		...(cond === undefined ? {} : {cond}),
		group,
		object,
		range,
	};
}
