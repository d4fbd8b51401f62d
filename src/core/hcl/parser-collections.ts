// Tuple and object constructors and `for` expressions. Newlines are ignored inside `[...]`
// and in `for` expressions; object constructors are newline-sensitive (a newline or a comma
// separates items).

import type {Expr, ObjectItem} from './ast.js';
import {failed, parseExpr, placeholder} from './parser-expr.js';
import {between, type Parser} from './parser-state.js';
import {T, type Token, type TokenType} from './tokens.js';

/** At `[` or `{`. */
export function parseCollection(p: Parser): Expr {
	const open = p.peek();
	return open.type === T.OBrack ? parseTuple(p) : parseObject(p);
}

function isKeyword(t: Token, word: string): boolean {
	return t.type === T.Ident && t.text === word;
}

function parseTuple(p: Parser): Expr {
	const open = p.read();
	p.pushNl(false);
	try {
		if (isKeyword(p.peek(), 'for')) return finishFor(p, open);
		const items: Expr[] = [];
		let close: Token;
		for (;;) {
			if (p.peek().type === T.CBrack) {
				close = p.read();
				break;
			}
			const mark = p.diags.length;
			const at = p.pos;
			items.push(parseExpr(p));
			if (failed(p, mark) || p.pos === at) {
				close = p.recover(T.CBrack);
				break;
			}
			const next = p.peek();
			if (next.type === T.CBrack) {
				close = p.read();
				break;
			}
			if (next.type !== T.Comma) {
				if (!p.recovery) {
					if (next.type === T.EOF) {
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
		return {kind: 'Tuple', items, range: between(p.range(open), p.range(close))};
	} finally {
		p.popNl();
	}
}

function parseObject(p: Parser): Expr {
	const open = p.read();
	p.pushNl(false);
	const isFor = isKeyword(p.peek(), 'for');
	p.popNl();
	if (isFor) {
		p.pushNl(false);
		try {
			return finishFor(p, open);
		} finally {
			p.popNl();
		}
	}
	p.pushNl(true);
	try {
		const items: ObjectItem[] = [];
		let close: Token;
		for (;;) {
			const first = p.peek();
			if (first.type === T.Newline) {
				p.read();
				continue;
			}
			if (first.type === T.CBrace) {
				close = p.read();
				break;
			}
			const forceNonLiteral = first.type === T.OParen;
			const mark = p.diags.length;
			const at = p.pos;
			const key = parseExpr(p);
			if (failed(p, mark) || p.pos === at) {
				close = p.recover(T.CBrace);
				break;
			}
			const sep = p.peek();
			if (sep.type !== T.Equal && sep.type !== T.Colon) {
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
			if (failed(p, valueMark)) {
				close = p.recover(T.CBrace);
				break;
			}
			const next = p.peek();
			if (next.type === T.CBrace) {
				close = p.read();
				break;
			}
			if (next.type !== T.Comma && next.type !== T.Newline) {
				if (!p.recovery) {
					if (next.type === T.EOF) unterminatedObject(p, open);
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
		return {kind: 'Object', items, range: between(p.range(open), p.range(close))};
	} finally {
		p.popNl();
	}
}

/** A bare identifier key (or true/false/null) means the literal name, as HCL's ExprAsKeyword. */
function keywordOf(key: Expr): string | undefined {
	if (key.kind === 'ScopeTraversal' && key.steps.length === 0) return key.root;
	if (key.kind === 'Literal' && key.value.type === 'bool') return String(key.value.value);
	if (key.kind === 'Literal' && key.value.type === 'null') return 'null';
	return undefined;
}

function unterminatedObject(p: Parser, open: Token): void {
	p.err(
		p.range(open),
		'Unterminated object constructor expression',
		'There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.',
	);
}

function missingSeparator(p: Parser, open: Token, next: Token): void {
	switch (next.type) {
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

/** After `[` or `{` with the `for` keyword next. */
function finishFor(p: Parser, open: Token): Expr {
	p.read(); // for
	const object = open.type === T.OBrace;
	const closeType: TokenType = object ? T.CBrace : T.CBrack;
	const fail = (detail: string): Expr => {
		if (!p.recovery) p.err(p.range(p.peek()), FOR, detail);
		const close = p.recover(closeType);
		return placeholder(between(p.range(open), p.range(close)));
	};
	if (p.peek().type !== T.Ident) return fail("For expression requires variable name after 'for'.");
	let keyVar: string | undefined;
	let valueVar = p.read().text;
	if (p.peek().type === T.Comma) {
		p.read();
		keyVar = valueVar;
		if (p.peek().type !== T.Ident) {
			return fail('For expression requires value variable name after comma.');
		}
		valueVar = p.read().text;
	}
	if (!isKeyword(p.peek(), 'in')) {
		return fail("For expression requires the 'in' keyword after its name declarations.");
	}
	p.read();
	const collMark = p.diags.length;
	const coll = parseExpr(p);
	if (failed(p, collMark))
		return placeholder(between(p.range(open), p.range(p.recover(closeType))));
	if (p.peek().type !== T.Colon)
		return fail('For expression requires a colon after the collection expression.');
	p.read();
	const valMark = p.diags.length;
	let keyExpr: Expr | undefined;
	let valueExpr = parseExpr(p);
	if (p.peek().type === T.FatArrow) {
		p.read();
		keyExpr = valueExpr;
		valueExpr = parseExpr(p);
	}
	if (failed(p, valMark)) return placeholder(between(p.range(open), p.range(p.recover(closeType))));
	let group = false;
	let ellipsis: Token | undefined;
	if (p.peek().type === T.Ellipsis) {
		ellipsis = p.read();
		group = true;
	}
	let cond: Expr | undefined;
	if (isKeyword(p.peek(), 'if')) {
		p.read();
		const condMark = p.diags.length;
		cond = parseExpr(p);
		if (failed(p, condMark))
			return placeholder(between(p.range(open), p.range(p.recover(closeType))));
	}
	let close: Token;
	if (p.peek().type === closeType) close = p.read();
	else {
		if (!p.recovery)
			p.err(p.range(p.peek()), FOR, "Extra characters after the end of the 'for' expression.");
		close = p.recover(closeType);
	}
	const range = between(p.range(open), p.range(close));
	if (!object) {
		if (keyExpr) p.err(keyExpr.range, FOR, 'Key expression is not valid when building a tuple.');
		if (ellipsis)
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
