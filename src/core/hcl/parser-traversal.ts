// Postfix steps after a term: `.attr`, legacy `.0`, `[key]`, full splat `[*]` and
// attribute-only splat `.*`. Static steps extend a traversal; a dynamic `[key]` makes an
// IndexExpr, as in hclsyntax.

import type {Range} from '../diagnostics.js';
import type {AnonSymbolExpr, Expr, Traverser} from './ast.js';
import {failed, parseExpr, placeholder} from './parser-expr.js';
import {between, type Parser} from './parser-state.js';
import {T, type Token} from './tokens.js';

export function parseTraversals(p: Parser, from: Expr): Expr {
	let ret = from;
	for (;;) {
		const next = p.peek();
		if (next.type === T.Dot) {
			const dot = p.read();
			const attr = p.peek();
			if (attr.type === T.Ident) {
				p.read();
				const r = between(p.range(dot), p.range(attr));
				ret = extend(ret, {kind: 'Attr', name: attr.text, range: r});
			} else if (attr.type === T.Number) {
				p.read();
				ret = extend(ret, legacyIndex(p, dot, attr, false));
			} else if (attr.type === T.Star) {
				ret = attrSplat(p, from, ret, dot);
			} else {
				p.err(
					p.range(attr),
					'Invalid attribute name',
					'An attribute name is required after a dot.',
				);
				p.recovery = true;
				return ret;
			}
		} else if (next.type === T.OBrack) {
			const open = p.read();
			if (p.peek().type === T.Star) {
				p.read();
				let close = p.read();
				if (close.type !== T.CBrack && !p.recovery) {
					p.err(
						p.range(close),
						'Missing close bracket on splat index',
						'The star for a full splat operator must be immediately followed by a closing bracket ("]").',
					);
					close = p.recover(T.CBrack);
				}
				const markerRange = between(p.range(open), p.range(close));
				const item: AnonSymbolExpr = {kind: 'AnonSymbol', range: markerRange};
				const each = parseTraversals(p, item);
				ret = {
					kind: 'Splat',
					source: ret,
					each,
					item,
					markerRange,
					range: between(from.range, each.range),
				};
				continue;
			}
			p.pushNl(false);
			const mark = p.diags.length;
			const key = parseExpr(p);
			let close: Token;
			if (failed(p, mark)) close = p.recover(T.CBrack);
			else {
				close = p.read();
				if (close.type !== T.CBrack && !p.recovery) {
					p.err(
						p.range(close),
						'Missing close bracket on index',
						'The index operator must end with a closing bracket ("]").',
					);
					close = p.recover(T.CBrack);
				}
			}
			p.popNl();
			const r = between(p.range(open), p.range(close));
			const literalKey =
				key.kind === 'Literal' ||
				(key.kind === 'Template' && key.parts.length === 1 && key.parts[0]?.kind === 'Literal');
			if (literalKey) ret = extend(ret, {kind: 'Index', key, range: r});
			else {
				ret = {
					kind: 'Index',
					collection: ret,
					key,
					openRange: p.range(open),
					range: between(from.range, r),
				};
			}
		} else return ret;
	}
}

/** `.0` (HIL's index syntax); `.0.1` lexes as a number and is rejected as HCL does. */
function legacyIndex(p: Parser, dot: Token, num: Token, inSplat: boolean): Traverser {
	const r = between(p.range(dot), p.range(num));
	const dotAt = num.text.indexOf('.');
	if (dotAt >= 0) {
		const first = num.text.slice(0, dotAt);
		const second = num.text.slice(dotAt + 1);
		const how = inSplat
			? 'the proper index syntax with a full splat expression [*] instead'
			: 'the proper index syntax instead';
		p.err(
			p.range(num),
			'Invalid legacy index syntax',
			`When using the legacy index syntax, chaining two indexes together is not permitted. Use ${how}, like [${first}][${second}].`,
		);
		return {kind: 'Index', key: placeholder(p.range(num)), range: r};
	}
	const key: Expr = {kind: 'Literal', value: {type: 'number', text: num.text}, range: p.range(num)};
	return {kind: 'Index', key, range: r};
}

/** `source.*.a.b`: only attribute (and legacy index) steps apply to each element. */
function attrSplat(p: Parser, from: Expr, source: Expr, dot: Token): Expr {
	const marker = p.read();
	const markerRange = between(p.range(dot), p.range(marker));
	const item: AnonSymbolExpr = {kind: 'AnonSymbol', range: markerRange};
	const steps: Traverser[] = [];
	let first: Range | undefined;
	let last = p.range(marker);
	while (p.peek().type === T.Dot) {
		const d = p.read();
		const t = p.peek();
		if (t.type === T.Number) {
			p.read();
			steps.push(legacyIndex(p, d, t, true));
		} else if (t.type === T.Ident) {
			p.read();
			steps.push({kind: 'Attr', name: t.text, range: between(p.range(d), p.range(t))});
		} else {
			if (!p.recovery) {
				if (t.type === T.Star) {
					p.err(
						p.range(t),
						'Nested splat expression not allowed',
						'A splat expression (*) cannot be used inside another attribute-only splat expression.',
					);
				} else {
					p.err(p.range(t), 'Invalid attribute name', 'An attribute name is required after a dot.');
				}
			}
			p.recovery = true;
			break;
		}
		first ??= p.range(d);
		last = p.range(t);
	}
	const each: Expr =
		steps.length === 0 || first === undefined
			? item
			: {kind: 'RelativeTraversal', source: item, steps, range: between(first, last)};
	return {kind: 'Splat', source, each, item, markerRange, range: between(from.range, last)};
}

/** Append a static step: extends a traversal, or starts a relative one after any other expression. */
function extend(expr: Expr, step: Traverser): Expr {
	if (expr.kind === 'ScopeTraversal') {
		return {...expr, steps: [...expr.steps, step], range: between(expr.range, step.range)};
	}
	if (expr.kind === 'RelativeTraversal') {
		return {...expr, steps: [...expr.steps, step], range: between(expr.range, step.range)};
	}
	return {
		kind: 'RelativeTraversal',
		source: expr,
		steps: [step],
		range: between(expr.range, step.range),
	};
}
