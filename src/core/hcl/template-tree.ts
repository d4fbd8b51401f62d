// Second half of template parsing: turn the flat piece list (literals, interpolations and
// directive markers) into nested TemplateIf/TemplateFor parts, reporting unbalanced
// directives with HCL's wording.

import type {Range} from '../diagnostics.js';
import type {Expr, TemplatePart} from './ast.js';
import {between, type Parser, rangeString} from './parser-state.js';

export type Piece =
	| {k: 'lit'; value: string; range: Range}
	| {k: 'interp'; expr: Expr; range: Range}
	| {k: 'if'; cond: Expr; range: Range}
	| {k: 'for'; keyVar: string | undefined; valueVar: string; coll: Expr; range: Range}
	| {k: 'else' | 'endif' | 'endfor'; range: Range};

const UNBALANCED = 'The control directives within this template are unbalanced.';

export function buildTemplateTree(p: Parser, items: readonly Piece[], end: Range): TemplatePart[] {
	const b = new TreeBuilder(p, items, end);
	const parts: TemplatePart[] = [];
	while (b.i < items.length) b.item(parts);
	return parts;
}

class TreeBuilder {
	i = 0;
	private readonly p: Parser;
	private readonly items: readonly Piece[];
	private readonly end: Range;

	constructor(p: Parser, items: readonly Piece[], end: Range) {
		this.p = p;
		this.items = items;
		this.end = end;
	}

	/** Append the next part (nested directives included) to `out`. */
	item(out: TemplatePart[]): void {
		const it = this.items[this.i++];
		if (it === undefined) return;
		switch (it.k) {
			case 'lit':
				out.push({kind: 'Literal', value: it.value, range: it.range});
				return;
			case 'interp':
				out.push({kind: 'Interp', expr: it.expr, range: it.range});
				return;
			case 'if':
				this.ifDirective(it, out);
				return;
			case 'for':
				this.forDirective(it, out);
				return;
			default:
				this.p.err(it.range, `Unexpected ${it.k} directive`, UNBALANCED);
		}
	}

	private ifDirective(open: Extract<Piece, {k: 'if'}>, out: TemplatePart[]): void {
		const then: TemplatePart[] = [];
		const otherwise: TemplatePart[] = [];
		let current = then;
		for (;;) {
			const next = this.items[this.i];
			if (next === undefined) {
				this.p.err(
					this.end,
					'Unexpected end of template',
					`The if directive at ${rangeString(open.range)} is missing its corresponding endif directive.`,
				);
				return;
			}
			if (next.k === 'else' || next.k === 'endif' || next.k === 'endfor') {
				this.i++;
				if (next.k === 'endif') {
					const range = between(open.range, next.range);
					out.push({kind: 'If', range, cond: open.cond, then, else: otherwise});
					return;
				}
				if (next.k === 'else' && current === then) {
					current = otherwise;
					continue;
				}
				this.p.err(
					next.range,
					`Unexpected ${next.k} directive`,
					next.k === 'else'
						? `Already in the else clause for the if started at ${rangeString(open.range)}.`
						: `Expecting an endif directive for the if started at ${rangeString(open.range)}.`,
				);
				return;
			}
			this.item(current);
		}
	}

	private forDirective(open: Extract<Piece, {k: 'for'}>, out: TemplatePart[]): void {
		const body: TemplatePart[] = [];
		for (;;) {
			const next = this.items[this.i];
			if (next === undefined) {
				this.p.err(
					this.end,
					'Unexpected end of template',
					`The for directive at ${rangeString(open.range)} is missing its corresponding endfor directive.`,
				);
				return;
			}
			if (next.k === 'else' || next.k === 'endif' || next.k === 'endfor') {
				this.i++;
				if (next.k === 'endfor') {
					const range = between(open.range, next.range);
					const base = {
						kind: 'For',
						range,
						valueVar: open.valueVar,
						coll: open.coll,
						body,
					} as const;
					out.push(open.keyVar === undefined ? base : {...base, keyVar: open.keyVar});
					return;
				}
				this.p.err(
					next.range,
					`Unexpected ${next.k} directive`,
					next.k === 'else'
						? 'An else clause is not expected for a for directive.'
						: `Expecting an endfor directive corresponding to the for directive at ${rangeString(open.range)}.`,
				);
				return;
			}
			this.item(body);
		}
	}
}
