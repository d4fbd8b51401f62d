// Postfix steps after a term: `.attr`, legacy `.0`, `[key]`, full splat `[*]` and
// attribute-only splat `.*`. Static steps extend a traversal; a dynamic `[key]` makes an
// IndexExpr, as in hclsyntax.

import type {Range} from '../diagnostics.js';
import type {AnonSymbolExpr, Expr, Traverser} from './ast.js';
import {failed, parseExpr, placeholder} from './parser-expr.js';
import {between, type Parser, type Tok} from './parser-state.js';
import {T} from './tokens.js';

/**
 * The steps after `from`. Static steps are collected in `steps` and joined to `base` (see
 * join) when a dynamic step or the end of the chain comes, so a traversal node is built once,
 * not once per step.
 */
export function parseTraversals(p: Parser, from: Expr): Expr {
	let base = from;
	let steps: Traverser[] | undefined;
	/** Range of base plus the steps so far. */
	let range = from.range;
	for (;;) {
		const next = p.types[p.cur];
		let step: Traverser;
		if (next === T.Dot) {
			const dot = p.read();
			const attr = p.cur;
			const attrType = p.types[attr];
			if (attrType === T.Ident) {
				p.read();
				step = {kind: 'Attr', name: p.text(attr), range: p.span(dot, attr)};
			} else if (attrType === T.Number) {
				p.read();
				step = legacyIndex(p, dot, attr, false);
			} else if (attrType === T.Star) {
				base = attrSplat(p, from, join(base, steps, range), dot);
				steps = undefined;
				range = base.range;
				continue;
			} else {
				p.err(
					p.range(attr),
					'Invalid attribute name',
					'An attribute name is required after a dot.',
				);
				p.recovery = true;
				return join(base, steps, range);
			}
		} else if (next === T.OBrack) {
			const open = p.read();
			if (p.types[p.cur] === T.Star) {
				p.read();
				let close = p.read();
				if (p.types[close] !== T.CBrack && !p.recovery) {
					p.err(
						p.range(close),
						'Missing close bracket on splat index',
						'The star for a full splat operator must be immediately followed by a closing bracket ("]").',
					);
					close = p.recover(T.CBrack);
				}
				const markerRange = p.span(open, close);
				const item: AnonSymbolExpr = {kind: 'AnonSymbol', range: markerRange};
				const each = parseTraversals(p, item);
				base = {
					kind: 'Splat',
					source: join(base, steps, range),
					each,
					item,
					markerRange,
					range: between(from.range, each.range),
				};
				steps = undefined;
				range = base.range;
				continue;
			}
			const nl = p.setNl(false);
			const mark = p.diags.length;
			const key = parseExpr(p);
			let close: Tok;
			if (failed(p, mark)) close = p.recover(T.CBrack);
			else {
				close = p.read();
				if (p.types[close] !== T.CBrack && !p.recovery) {
					p.err(
						p.range(close),
						'Missing close bracket on index',
						'The index operator must end with a closing bracket ("]").',
					);
					close = p.recover(T.CBrack);
				}
			}
			p.restoreNl(nl);
			const r = p.span(open, close);
			const literalKey =
				key.kind === 'Literal' ||
				(key.kind === 'Template' && key.parts.length === 1 && key.parts[0]?.kind === 'Literal');
			if (literalKey) step = {kind: 'Index', key, range: r};
			else {
				base = {
					kind: 'Index',
					collection: join(base, steps, range),
					key,
					openRange: p.range(open),
					range: between(from.range, r),
				};
				steps = undefined;
				range = base.range;
				continue;
			}
		} else return join(base, steps, range);
		if (steps === undefined) steps = [step];
		else steps.push(step);
		range = between(range, step.range);
	}
}

/**
 * `base` followed by static `steps` (covering `range`): a traversal extends (a root name keeps
 * being a ScopeTraversal), any other expression becomes the source of a RelativeTraversal.
 */
function join(base: Expr, steps: Traverser[] | undefined, range: Range): Expr {
	if (steps === undefined) return base;
	if (base.kind === 'ScopeTraversal') {
		return {
			kind: 'ScopeTraversal',
			root: base.root,
			rootRange: base.rootRange,
			steps: base.steps.length === 0 ? steps : [...base.steps, ...steps],
			range,
		};
	}
	if (base.kind === 'RelativeTraversal') {
		return {
			kind: 'RelativeTraversal',
			source: base.source,
			steps: base.steps.length === 0 ? steps : [...base.steps, ...steps],
			range,
		};
	}
	return {kind: 'RelativeTraversal', source: base, steps, range};
}

/** `.0` (HIL's index syntax); `.0.1` lexes as a number and is rejected as HCL does. */
function legacyIndex(p: Parser, dot: Tok, num: Tok, inSplat: boolean): Traverser {
	const r = p.span(dot, num);
	const text = p.text(num);
	const dotAt = text.indexOf('.');
	if (dotAt >= 0) {
		const first = text.slice(0, dotAt);
		const second = text.slice(dotAt + 1);
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
	const key: Expr = {kind: 'Literal', value: {type: 'number', text}, range: p.range(num)};
	return {kind: 'Index', key, range: r};
}

/** `source.*.a.b`: only attribute (and legacy index) steps apply to each element. */
function attrSplat(p: Parser, from: Expr, source: Expr, dot: Tok): Expr {
	const marker = p.read();
	const markerRange = p.span(dot, marker);
	const item: AnonSymbolExpr = {kind: 'AnonSymbol', range: markerRange};
	const steps: Traverser[] = [];
	let first: Range | undefined;
	let last = p.range(marker);
	while (p.types[p.cur] === T.Dot) {
		const d = p.read();
		const t = p.cur;
		const type = p.types[t];
		if (type === T.Number) {
			p.read();
			steps.push(legacyIndex(p, d, t, true));
		} else if (type === T.Ident) {
			p.read();
			steps.push({kind: 'Attr', name: p.text(t), range: p.span(d, t)});
		} else {
			if (!p.recovery) {
				if (type === T.Star) {
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
