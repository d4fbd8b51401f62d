// SourceRange (src/core/hcl/source-range.ts): the parser's ranges keep offsets and work out
// lines and columns when read. Checked two ways: against the lexer's own positions for every
// token, and, for every range in parsed trees, against positions counted from the text.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are HCL source

import {readFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import type {Pos, Range} from '../../../src/core/diagnostics.js';
import {Lexer} from '../../../src/core/hcl/lexer.js';
import {parseHcl, parseTemplate} from '../../../src/core/hcl/parser.js';
import {between} from '../../../src/core/hcl/parser-state.js';
import {SourceRange} from '../../../src/core/hcl/source-range.js';
import {generateTree, MEDIUM} from '../../fixtures/gen/generate-tree.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const TEXTS: [string, string][] = [
	['bake.hcl', readFileSync(join(ROOT, 'bake.hcl'), 'utf8')],
	['constructs.hcl', readFileSync(join(ROOT, 'test/fixtures/hcl/constructs.hcl'), 'utf8')],
	['generated.hcl', generateTree(MEDIUM).get('docker/bake.hcl') ?? ''],
	[
		'heredocs.hcl',
		'a = <<EOT\n  one ${x}\n  two %{ if y }yes%{ endif }\nEOT\nb = <<-EOT\n    indented\n      more\n    EOT\nc = "x\\ny ${ z }"\n',
	],
	['crlf.hcl', 'target "a" {\r\n  tags = [\r\n    "x",\r\n  ]\r\n}\r\n'],
	['bom.hcl', '\ufefftarget "a" {\n  args = { A = "${1 + 2}" }\n}\n'],
	['unicode.hcl', 'naïve = "ünï ${cödé}"\n# é\nx = [\n  "𝄞",\n]\n'],
];

/** The position of an offset, counted from the text by hand. */
function counted(text: string, offset: number): Pos {
	let line = 1;
	let lineStart = 0;
	for (let i = 0; i < offset; i++) {
		if (text.charCodeAt(i) === 10) {
			line++;
			lineStart = i + 1;
		}
	}
	return {line, col: offset - lineStart + 1, offset};
}

/** Every range in a parsed tree (any object with file/start/end under a key ending in Range(s)). */
function ranges(node: unknown, out: Range[] = []): Range[] {
	if (Array.isArray(node)) {
		for (const x of node) ranges(x, out);
		return out;
	}
	if (node === null || typeof node !== 'object') return out;
	for (const [key, value] of Object.entries(node)) {
		if (key === 'range' || key.endsWith('Range')) out.push(value as Range);
		else if (key.endsWith('Ranges')) out.push(...(value as Range[]));
		else ranges(value, out);
	}
	return out;
}

describe('SourceRange', () => {
	for (const [name, text] of TEXTS) {
		it(`gives every token of ${name} the lexer's own positions`, () => {
			const lx = new Lexer(text, name, {});
			lx.run();
			for (let k = 0; k < lx.count; k++) {
				const r = new SourceRange(
					name,
					lx.lineTable,
					(lx.starts[k] as number) + lx.base,
					(lx.ends[k] as number) + lx.base,
				);
				expect(r.start).toEqual(lx.startPos(k));
				expect(r.end).toEqual(lx.endPos(k));
			}
		});

		it(`puts every range of the parsed ${name} where the text says`, () => {
			const r = parseHcl(text, name);
			expect(r.diagnostics).toEqual([]);
			const all = ranges(r.file);
			expect(all.length).toBeGreaterThan(5);
			// The parser's own ranges are SourceRanges; the few made otherwise are plain.
			expect(all.filter((x) => x instanceof SourceRange).length).toBeGreaterThan(all.length / 2);
			for (const range of all) {
				expect(range.file).toBe(name);
				expect(range.start).toEqual(counted(text, range.start.offset));
				expect(range.end).toEqual(counted(text, range.end.offset));
				expect(range.end.offset).toBeGreaterThanOrEqual(range.start.offset);
			}
		});
	}

	it('keeps a template that starts mid-line (HCL-JSON strings) on its own lines', () => {
		const start = {line: 3, col: 10, offset: 40};
		const r = parseTemplate('a${b}\nc${d}', 'j.json', start);
		expect(r.diagnostics).toEqual([]);
		expect(r.expr.range.start).toEqual(start);
		// The second line starts at the text's index 6: offset 51 is its column 6.
		expect(r.expr.range.end).toEqual({line: 4, col: 6, offset: 51});
	});

	it('joins ranges of one text without working out positions, and of two texts as before', () => {
		const lx = new Lexer('abc\ndef', 'a.hcl', {});
		lx.run();
		const a = new SourceRange('a.hcl', lx.lineTable, 0, 3);
		const b = new SourceRange('a.hcl', lx.lineTable, 4, 7);
		const ab = between(a, b);
		expect(ab).toBeInstanceOf(SourceRange);
		expect([ab.start, ab.end]).toEqual([
			{line: 1, col: 1, offset: 0},
			{line: 2, col: 4, offset: 7},
		]);
		// Never backwards: a range that ends before the other starts is not joined.
		expect(between(b, a)).toBe(b);
		const other = new Lexer('x\ny', 'a.hcl', {start: {line: 7, col: 3, offset: 70}});
		other.run();
		const c = new SourceRange('a.hcl', other.lineTable, 72, 73);
		const ac = between(a, c);
		expect(ac).not.toBeInstanceOf(SourceRange);
		expect(ac).toEqual({file: 'a.hcl', start: a.start, end: c.end});
	});
});
