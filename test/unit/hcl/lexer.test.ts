// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are HCL source, where ${} is literal text
import {describe, expect, it} from 'vitest';
import {lex} from '../../../src/core/hcl/lexer.js';
import {T, type Token} from '../../../src/core/hcl/tokens.js';
import {brief} from './helpers.js';

const NAMES = Object.fromEntries(Object.entries(T).map(([k, v]) => [v, k]));

/** `Type(text)@line:col` for each token. */
function toks(src: string): string[] {
	const r = lex(src, 'l.hcl');
	return r.tokens.map(
		(t: Token) =>
			`${NAMES[t.type]}${t.text ? `(${t.text})` : ''}${t.flag ? '~' : ''}@${t.line}:${t.col}`,
	);
}

describe('lexer', () => {
	it('scans identifiers with dashes and unicode letters, with positions', () => {
		expect(toks('cache-from = no-cache\nnaïve_ü = 1')).toEqual([
			'Ident(cache-from)@1:1',
			'Equal@1:12',
			'Ident(no-cache)@1:14',
			'Newline@1:22',
			'Ident(naïve_ü)@2:1',
			'Equal@2:9',
			'Number(1)@2:11',
			'EOF@2:12',
		]);
	});

	it('keeps number source text', () => {
		expect(toks('1e3 1.5 10 2E-4 7.')).toEqual([
			'Number(1e3)@1:1',
			'Number(1.5)@1:5',
			'Number(10)@1:9',
			'Number(2E-4)@1:12',
			'Number(7)@1:17',
			'Dot@1:18',
			'EOF@1:19',
		]);
	});

	it('scans operators and punctuation', () => {
		expect(toks('a==b!=c<=d>=e&&f||g=>h...:: ? : %').map((s) => s.replace(/@.*/, ''))).toEqual([
			'Ident(a)',
			'EqualOp',
			'Ident(b)',
			'NotEqual',
			'Ident(c)',
			'Lte',
			'Ident(d)',
			'Gte',
			'Ident(e)',
			'And',
			'Ident(f)',
			'Or',
			'Ident(g)',
			'FatArrow',
			'Ident(h)',
			'Ellipsis',
			'DoubleColon',
			'Question',
			'Colon',
			'Percent',
			'EOF',
		]);
	});

	it('decodes string escapes and template escapes', () => {
		const r = lex('"a\\n\\r\\t\\"\\\\\\u00e9\\U0001F600 $${x} %%{y} $5"', 'l.hcl');
		const lit = r.tokens.find((t) => t.type === T.Lit);
		expect(lit?.text).toBe('a\n\r\t"\\é😀 ${x} %{y} $5');
		expect(r.diagnostics).toEqual([]);
	});

	it('reports bad escapes with their ranges', () => {
		const r = lex('"\\q \\u12"', 'l.hcl');
		expect(r.diagnostics.map(brief)).toEqual([
			'Invalid escape sequence @ 1:2-1:4',
			'Invalid escape sequence @ 1:5-1:9',
		]);
		expect(r.diagnostics[0]?.detail).toBe(
			'The symbol "q" is not a valid escape sequence selector.',
		);
	});

	it('scans interpolations and directives with strip markers', () => {
		expect(toks('"a${~ b ~}c%{if x}d%{ endif ~}"')).toEqual([
			'OQuote@1:1',
			'Lit(a)@1:2',
			'TemplateInterp~@1:3',
			'Ident(b)@1:7',
			'TemplateSeqEnd~@1:9',
			'Lit(c)@1:11',
			'TemplateControl@1:12',
			'Ident(if)@1:14',
			'Ident(x)@1:17',
			'TemplateSeqEnd@1:18',
			'Lit(d)@1:19',
			'TemplateControl@1:20',
			'Ident(endif)@1:23',
			'TemplateSeqEnd~@1:29',
			'CQuote@1:31',
			'EOF@1:32',
		]);
	});

	it('matches braces inside interpolations', () => {
		expect(toks('"${ {a = 1}.a }"').map((s) => s.replace(/@.*/, ''))).toEqual([
			'OQuote',
			'TemplateInterp',
			'OBrace',
			'Ident(a)',
			'Equal',
			'Number(1)',
			'CBrace',
			'Dot',
			'Ident(a)',
			'TemplateSeqEnd',
			'CQuote',
			'EOF',
		]);
	});

	it('scans heredocs line by line and finds an indented closing marker', () => {
		expect(toks('x = <<-EOT\n  a ${b}\n  c\n  EOT\ny = 1')).toEqual([
			'Ident(x)@1:1',
			'Equal@1:3',
			'OHeredoc(EOT)~@1:5',
			'Lit(  a )@2:1',
			'TemplateInterp@2:5',
			'Ident(b)@2:7',
			'TemplateSeqEnd@2:8',
			'Lit(\n)@2:9',
			'Lit(  c\n)@3:1',
			'CHeredoc@4:1',
			'Newline@4:6',
			'Ident(y)@5:1',
			'Equal@5:3',
			'Number(1)@5:5',
			'EOF@5:6',
		]);
	});

	it('does not take a marker after an interpolation as the end of a heredoc', () => {
		const r = lex('<<EOT\n${a}EOT\nEOT\n', 'l.hcl');
		expect(r.tokens.filter((t) => t.type === T.CHeredoc).map((t) => t.line)).toEqual([3]);
	});

	it('skips all three comment styles; a line comment leaves its newline', () => {
		expect(toks('a # one\n// two\n/* three\n */ b')).toEqual([
			'Ident(a)@1:1',
			'Newline@1:8',
			'Newline@2:7',
			'Ident(b)@4:5',
			'EOF@4:6',
		]);
	});

	it('treats CRLF as one newline', () => {
		expect(toks('a\r\nb')).toEqual(['Ident(a)@1:1', 'Newline@1:2', 'Ident(b)@2:1', 'EOF@2:2']);
	});

	it('reports invalid characters in HCL wording', () => {
		const r = lex("a = 'x' ; @ & **", 'l.hcl');
		expect(r.diagnostics.map((d) => `${d.summary}: ${d.detail}`)).toEqual([
			'Invalid character: Single quotes are not valid. Use double quotes (") to enclose strings.',
			'Invalid character: The ";" character is not valid. Use newlines to separate arguments and blocks, and commas to separate items in collection values.',
			'Invalid character: This character is not used within the language.',
			'Unsupported operator: Bitwise operators are not supported. Did you mean boolean AND ("&&")?',
			'Unsupported operator: "**" is not a supported operator. Exponentiation is not supported as an operator.',
		]);
		expect(brief(r.diagnostics[2] as never)).toBe('Invalid character @ 1:11-1:12');
	});

	it('reports a newline inside a quoted string', () => {
		const r = lex('a = "x\ny"', 'l.hcl');
		expect(r.diagnostics.map(brief)).toEqual(['Invalid multi-line string @ 1:7-2:1']);
	});

	it('keeps every token of a text denser than its first guess, with end positions', () => {
		const src = `x = [${'1,'.repeat(600)}]\n/* a\nb */ "\n`;
		const r = lex(src, 'l.hcl');
		expect(r.tokens).toHaveLength(3 + 1200 + 2 + 2 + 1);
		const close = r.tokens[1203];
		expect(close && `${NAMES[close.type]}@${close.line}:${close.col}-${close.endCol}`).toBe(
			'CBrack@1:1206-1207',
		);
		const ends = r.tokens.slice(-4).map((t) => `${NAMES[t.type]}@${t.endLine}:${t.endCol}`);
		expect(ends).toEqual(['Newline@2:1', 'OQuote@3:7', 'QuotedNewline@4:1', 'EOF@4:1']);
	});

	it('lexes a bare template with a start position', () => {
		const r = lex('a\n${b}', 'j.json', {template: true, start: {line: 3, col: 10, offset: 40}});
		expect(r.tokens.map((t) => `${NAMES[t.type]}@${t.line}:${t.col}+${t.start}`)).toEqual([
			'Lit@3:10+40',
			'TemplateInterp@4:1+42',
			'Ident@4:3+44',
			'TemplateSeqEnd@4:4+45',
			'EOF@4:5+46',
		]);
	});
});
