// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are HCL source, where ${} is literal text
import {describe, expect, it} from 'vitest';
import type {Expr, TemplatePart} from '../../../src/core/hcl/ast.js';
import {parseExpression, parseTemplate} from '../../../src/core/hcl/parser.js';
import {brief, expr, slice} from './helpers.js';

/** Template parts as plain data: literal strings, `${}` / `%{}` markers. */
function parts(e: Expr): unknown[] {
	if (e.kind !== 'Template') throw new Error(`not a template: ${e.kind}`);
	return e.parts.map(partShape);
}

function partShape(p: TemplatePart): unknown {
	switch (p.kind) {
		case 'Literal':
			return p.value;
		case 'Interp':
			return {interp: p.expr.kind};
		case 'If':
			return {if: p.then.map(partShape), else: p.else.map(partShape)};
		case 'For':
			return {for: p.valueVar, key: p.keyVar, body: p.body.map(partShape)};
	}
}

describe('templates', () => {
	it('makes a one-literal template for a plain string', () => {
		const src = '"plain"';
		const e = expr(src);
		expect(parts(e)).toEqual(['plain']);
		expect(e).toMatchObject({kind: 'Template', heredoc: false});
		expect(slice(src, e)).toBe('"plain"');
		expect(parts(expr('""'))).toEqual(['']);
	});

	it('wraps a lone interpolation so that the raw value is kept', () => {
		expect(expr('"${x}"')).toMatchObject({
			kind: 'TemplateWrap',
			expr: {kind: 'ScopeTraversal', root: 'x'},
		});
		expect(expr('" ${x}"').kind).toBe('Template');
		expect(expr('"${x}${y}"').kind).toBe('Template');
	});

	it('keeps escaped template markers as literal text', () => {
		expect(parts(expr('"$${x} %%{y}"'))).toEqual(['${x} %{y}']);
	});

	it('applies strip markers to neighbouring literals only', () => {
		expect(parts(expr('"a  ${~ x ~}  b"'))).toEqual(['a', {interp: 'ScopeTraversal'}, 'b']);
		expect(parts(expr('"a  %{~ if x ~}  b  %{~ endif ~}  c"'))).toEqual([
			'a',
			{if: ['b'], else: []},
			'c',
		]);
	});

	it('nests if/else/endif and for/endfor directives', () => {
		const e = expr('"%{ for k, v in m }${k}=%{ if v }yes%{ else }no%{ endif };%{ endfor }"');
		expect(parts(e)).toEqual([
			{
				for: 'v',
				key: 'k',
				body: [{interp: 'ScopeTraversal'}, '=', {if: ['yes'], else: ['no']}, ';'],
			},
		]);
	});

	it('parses heredocs; <<- strips the smallest common indentation', () => {
		const plain = expr('<<EOT\n  a\n    b ${c}\nEOT\n');
		expect(parts(plain)).toEqual(['  a\n    b ', {interp: 'ScopeTraversal'}, '\n']);
		expect(plain).toMatchObject({heredoc: true});
		const flush = expr('<<-EOT\n    a\n\n      b\n    EOT');
		expect(parts(flush)).toEqual(['a\n\n  b\n']);
		// A line that starts with an interpolation counts as zero indentation, as in HCL.
		expect(parts(expr('<<-EOT\n  a\n${b}\nEOT'))).toEqual([
			'  a\n',
			{interp: 'ScopeTraversal'},
			'\n',
		]);
	});

	it('parses HCL-JSON string values as templates', () => {
		const r = parseTemplate('pre-${FOO}-%{ if BAR }x%{ endif }', 'j.json', {
			line: 2,
			col: 5,
			offset: 10,
		});
		expect(r.diagnostics).toEqual([]);
		expect(parts(r.expr)).toEqual(['pre-', {interp: 'ScopeTraversal'}, '-', {if: ['x'], else: []}]);
		expect(r.expr.range.start).toEqual({line: 2, col: 5, offset: 10});
		const wrapped = parseTemplate('${a.b}', 'j.json');
		expect(wrapped.expr.kind).toBe('TemplateWrap');
		expect(parts(parseTemplate('no \\n escapes $${here}', 'j.json').expr)).toEqual([
			'no \\n escapes ${here}',
		]);
	});

	it('reports template errors in HCL wording', () => {
		const e = (src: string) => parseExpression(src, 'e.hcl').diagnostics.map(brief);
		expect(e('"abc')).toEqual(['Unterminated template string @ 1:5-1:5']);
		expect(e('"${a b}"')).toEqual(['Extra characters after interpolation expression @ 1:6-1:7']);
		expect(e('"%{ if a }x"')).toEqual(['Unexpected end of template @ 1:12-1:13']);
		expect(e('"%{ endif }"')).toEqual(['Unexpected endif directive @ 1:2-1:12']);
		expect(e('"%{ iff a }"')).toEqual(['Invalid template control keyword @ 1:5-1:8']);
		const d = parseExpression('"%{ if a }x"', 'e.hcl').diagnostics[0];
		expect(d?.detail).toBe(
			'The if directive at e.hcl:1,2-11 is missing its corresponding endif directive.',
		);
	});
});
