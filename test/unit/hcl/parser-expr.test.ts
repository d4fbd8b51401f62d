import {describe, expect, it} from 'vitest';
import type {Expr} from '../../../src/core/hcl/ast.js';
import {parseExpression} from '../../../src/core/hcl/parser.js';
import {brief, expr, slice} from './helpers.js';

/** A compact s-expression form of an expression tree, for precedence assertions. */
function show(e: Expr): string {
	switch (e.kind) {
		case 'Literal':
			return e.value.type === 'number'
				? e.value.text
				: e.value.type === 'bool'
					? String(e.value.value)
					: 'null';
		case 'ScopeTraversal':
			return (
				e.root +
				e.steps.map((s) => (s.kind === 'Attr' ? `.${s.name}` : `[${show(s.key)}]`)).join('')
			);
		case 'RelativeTraversal':
			return `(${show(e.source)})${e.steps.map((s) => (s.kind === 'Attr' ? `.${s.name}` : `[${show(s.key)}]`)).join('')}`;
		case 'Binary':
			return `(${show(e.left)} ${e.op} ${show(e.right)})`;
		case 'Unary':
			return `(${e.op}${show(e.operand)})`;
		case 'Conditional':
			return `(${show(e.cond)} ? ${show(e.then)} : ${show(e.else)})`;
		case 'Paren':
			return `(${show(e.expr)})`;
		case 'FunctionCall':
			return `${e.name}(${e.args.map(show).join(', ')}${e.expandFinal ? '...' : ''})`;
		case 'Index':
			return `${show(e.collection)}[${show(e.key)}]`;
		case 'Tuple':
			return `[${e.items.map(show).join(', ')}]`;
		case 'Template':
			return JSON.stringify(e.parts.map((p) => (p.kind === 'Literal' ? p.value : p.kind)));
		case 'TemplateWrap':
			return `wrap(${show(e.expr)})`;
		case 'Splat':
			return `splat(${show(e.source)}, ${show(e.each)})`;
		case 'AnonSymbol':
			return '*';
		case 'Object':
			return `{${e.items.map((i) => `${i.keyIdent ?? show(i.key)}=${show(i.value)}`).join(', ')}}`;
		case 'For':
			return `for(${e.keyVar ?? ''},${e.valueVar} in ${show(e.coll)}: ${e.keyExpr ? `${show(e.keyExpr)} => ` : ''}${show(e.valueExpr)}${e.group ? '...' : ''}${e.cond ? ` if ${show(e.cond)}` : ''})`;
	}
}

describe('expressions', () => {
	it('applies HCL operator precedence', () => {
		expect(show(expr('a || b && c == d < e + f * g'))).toBe(
			'(a || (b && (c == (d < (e + (f * g))))))',
		);
		expect(show(expr('1 - 2 - 3'))).toBe('((1 - 2) - 3)');
		expect(show(expr('-a.b + !c'))).toBe('((-a.b) + (!c))');
		expect(show(expr('!a == b'))).toBe('((!a) == b)');
		expect(show(expr('a % b / c * d'))).toBe('(((a % b) / c) * d)');
		expect(show(expr('(1 + 2) * 3'))).toBe('(((1 + 2)) * 3)');
	});

	it('parses conditionals, right-nested in the false branch', () => {
		expect(show(expr('a ? b : c ? d : e'))).toBe('(a ? b : (c ? d : e))');
		expect(show(expr('x == "" ? 1 + 2 : 3'))).toBe('((x == [""]) ? (1 + 2) : 3)');
	});

	it('makes true/false/null literals and keeps number text', () => {
		expect(expr('true')).toMatchObject({kind: 'Literal', value: {type: 'bool', value: true}});
		expect(expr('null')).toMatchObject({kind: 'Literal', value: {type: 'null'}});
		expect(expr('12345678901234567890.5')).toMatchObject({
			value: {type: 'number', text: '12345678901234567890.5'},
		});
	});

	it('parses function calls with expansion and trailing commas', () => {
		const src = 'join(",", compact(list)...)';
		const e = expr(src);
		expect(show(e)).toBe('join([","], compact(list)...)');
		if (e.kind !== 'FunctionCall') throw new Error('not a call');
		expect(e.expandFinal).toBe(true);
		expect(slice(src, e)).toBe(src);
		expect(slice(src, {range: e.nameRange})).toBe('join');
		expect(e.openParenRange.start.col).toBe(5);
		expect(e.closeParenRange.start.col).toBe(27);
		expect(show(expr('f(\n  1,\n  2,\n)'))).toBe('f(1, 2)');
		expect(show(expr('provider::ns::fn(1)'))).toBe('provider::ns::fn(1)');
	});

	it('builds static traversals with positions, and index nodes for dynamic keys', () => {
		const src = 'a.b[0].c["k"].1';
		const e = expr(src);
		expect(e).toMatchObject({kind: 'ScopeTraversal', root: 'a'});
		expect(show(e)).toBe('a.b[0].c[["k"]][1]');
		if (e.kind !== 'ScopeTraversal') throw new Error('no traversal');
		expect(e.steps.map((s) => slice(src, s))).toEqual(['.b', '[0]', '.c', '["k"]', '.1']);
		expect(slice(src, e)).toBe(src);
		const d = expr('a[b].c');
		expect(show(d)).toBe('(a[b]).c');
		expect(d).toMatchObject({
			kind: 'RelativeTraversal',
			source: {kind: 'Index', key: {kind: 'ScopeTraversal'}},
		});
		expect(show(expr('f(x).y[0]'))).toBe('(f(x)).y[0]');
	});

	it('parses full and attribute-only splats around an AnonSymbol', () => {
		const full = expr('items[*].name[0]');
		expect(show(full)).toBe('splat(items, (*).name[0])');
		if (full.kind !== 'Splat') throw new Error('no splat');
		expect(full.each).toMatchObject({kind: 'RelativeTraversal', source: full.item});
		expect(full.markerRange.start.col).toBe(6);
		expect(full.markerRange.end.col).toBe(9);
		const attr = expr('items.*.name');
		expect(show(attr)).toBe('splat(items, (*).name)');
		expect(show(expr('items[*]'))).toBe('splat(items, *)');
	});

	it('parses tuples and objects with newline or comma separators', () => {
		expect(show(expr('[1, "a",\n b,\n]'))).toBe('[1, ["a"], b]');
		const src = '{\n  a = 1\n  "b" : 2, (c) = 3\n  d.e = 4\n  true = 5\n}';
		const o = parseExpression(src, 'e.hcl');
		expect(o.diagnostics).toEqual([]);
		expect(show(o.expr)).toBe('{a=1, ["b"]=2, (c)=3, d.e=4, true=5}');
		if (o.expr.kind !== 'Object') throw new Error('no object');
		expect(o.expr.items[2]?.key.kind).toBe('Paren');
		expect(o.expr.items.map((i) => slice(src, i))).toEqual([
			'a = 1',
			'"b" : 2',
			'(c) = 3',
			'd.e = 4',
			'true = 5',
		]);
	});

	it('parses for expressions with conditions and grouping', () => {
		expect(show(expr('[for s in list : upper(s) if s != ""]'))).toBe(
			'for(,s in list: upper(s) if (s != [""]))',
		);
		const o = expr('{for k, v in m : v => k... if k != null}');
		expect(show(o)).toBe('for(k,v in m: v => k... if (k != null))');
		expect(o).toMatchObject({kind: 'For', object: true, group: true});
		expect(show(expr('{\n for k, v in m :\n k => v\n }'))).toBe('for(k,v in m: k => v)');
	});

	it('ignores newlines inside parentheses and brackets', () => {
		expect(show(expr('(\n1\n+\n2\n)'))).toBe('((1 + 2))');
		expect(show(expr('a[\n0\n]'))).toBe('a[0]');
	});
});

describe('expression errors', () => {
	function errs(src: string): string[] {
		return parseExpression(src, 'e.hcl').diagnostics.map(brief);
	}

	it('reports HCL wording with ranges', () => {
		expect(errs('1 +')).toEqual(['Missing expression @ 1:4-1:4']);
		expect(errs('a ? b')).toEqual(['Missing false expression in conditional @ 1:6-1:6']);
		expect(errs('[1 2]')).toEqual(['Missing item separator @ 1:4-1:5']);
		expect(errs('{a = 1 b = 2}')).toEqual(['Missing attribute separator @ 1:8-1:9']);
		expect(errs('{a b}')).toEqual(['Missing key/value separator @ 1:4-1:5']);
		expect(errs('f(1 2)')).toEqual(['Missing argument separator @ 1:5-1:6']);
		expect(errs('f(1')).toEqual(['Unterminated function call @ 1:1-1:3']);
		expect(errs('(1')).toEqual(['Unbalanced parentheses @ 1:3-1:3']);
		expect(errs('a.')).toEqual(['Invalid attribute name @ 1:3-1:3']);
		expect(errs('a.0.1')).toEqual(['Invalid legacy index syntax @ 1:3-1:6']);
		expect(errs('1 2')).toEqual(['Extra characters after expression @ 1:3-1:4']);
		expect(errs('[for x in y : x => x]')).toEqual(["Invalid 'for' expression @ 1:15-1:16"]);
		expect(errs('{for x in y : x}')).toEqual(["Invalid 'for' expression @ 1:15-1:16"]);
		expect(errs('f(a..., b)')).toEqual(['Missing closing parenthesis @ 1:4-1:7']);
	});

	it('stops a broken operator chain where hclsyntax stops', () => {
		// hclsyntax keeps the left operand of the outermost operator whose right side failed.
		const cases: [string, string][] = [
			['a || b + c * )', 'a'],
			['a * b + c == ( ) && d', '((a * b) + c)'],
			[') + a', 'null'],
		];
		for (const [src, tree] of cases) {
			const r = parseExpression(src, 'e.hcl');
			expect(r.diagnostics.map((d) => d.summary)).toEqual(['Invalid expression']);
			expect(show(r.expr)).toBe(tree);
		}
		// A non-recovering error (a chained legacy index) does not stop the chain.
		const legacy = parseExpression('-x + y.0.1 * z', 'e.hcl');
		expect(legacy.diagnostics.map(brief)).toEqual(['Invalid legacy index syntax @ 1:8-1:11']);
		expect(show(legacy.expr)).toBe('((-x) + (y[null] * z))');
	});

	it('returns a partial tree for a broken expression', () => {
		const r = parseExpression('f(1, @)', 'e.hcl');
		expect(r.diagnostics.map((d) => d.summary)).toEqual([
			'Invalid character',
			'Invalid expression',
		]);
		expect(r.expr).toMatchObject({kind: 'FunctionCall', name: 'f'});
	});
});
