// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are HCL source, where ${} is literal text
import {describe, expect, it} from 'vitest';
import {parseHcl} from '../../../src/core/hcl/parser.js';
import {brief, file, slice} from './helpers.js';

describe('bodies', () => {
	it('parses attributes and blocks with labels in source order, with positions', () => {
		const src = 'a = 1\ntarget "app" other {\n  tags = ["x"]\n}\ngroup default {}\nb = "s"\n';
		const f = file(src);
		expect(f.body.attributes.map((a) => a.name)).toEqual(['a', 'b']);
		expect(f.body.blocks.map((b) => [b.type, ...b.labels])).toEqual([
			['target', 'app', 'other'],
			['group', 'default'],
		]);
		const target = f.body.blocks[0];
		expect(target && slice(src, target)).toBe('target "app" other {\n  tags = ["x"]\n}');
		expect(target?.labelRanges.map((r) => slice(src, {range: r}))).toEqual(['"app"', 'other']);
		expect(target && slice(src, {range: target.typeRange})).toBe('target');
		const tags = target?.body.attributes[0];
		expect(tags?.nameRange.start).toEqual({line: 3, col: 3, offset: 29});
		expect(tags && slice(src, tags)).toBe('tags = ["x"]');
		expect(f.body.range.end.offset).toBe(src.length);
	});

	it('unescapes quoted labels', () => {
		expect(file('b "a\\"b" {}\n').body.blocks[0]?.labels).toEqual(['a"b']);
	});

	it('parses one-line blocks and nested blocks', () => {
		const f = file('outer {\n  inner "x" { y = 1 }\n  empty {}\n}');
		const outer = f.body.blocks[0];
		expect(outer?.body.blocks.map((b) => b.type)).toEqual(['inner', 'empty']);
		expect(outer?.body.blocks[0]?.body.attributes.map((a) => a.name)).toEqual(['y']);
	});

	it('accepts comments everywhere and CRLF line ends', () => {
		const f = file(
			'# c\r\na = 1 // trailing\r\n/* block */ b = 2\r\nc = [\r\n  1, # one\r\n  2,\r\n]\r\n',
		);
		expect(f.body.attributes.map((a) => a.name)).toEqual(['a', 'b', 'c']);
	});

	it('parses an empty file', () => {
		const f = file('');
		expect(f.body.attributes).toEqual([]);
		expect(f.body.blocks).toEqual([]);
	});
});

describe('body errors', () => {
	function errs(src: string): string[] {
		return parseHcl(src, 'f.hcl').diagnostics.map(brief);
	}

	it('rejects a redefined attribute in HCL wording and keeps the first', () => {
		const r = parseHcl('x = 1\nx = 2\n', 'f.hcl');
		expect(r.diagnostics.map(brief)).toEqual(['Attribute redefined @ 2:1-2:2']);
		expect(r.diagnostics[0]?.detail).toBe(
			'The argument "x" was already set at f.hcl:1,1-2. Each argument may be set only once.',
		);
		expect(r.file.body.attributes.map((a) => a.expr)).toMatchObject([{value: {text: '1'}}]);
	});

	it('finds a redefined attribute in a body of many attributes too', () => {
		const names = Array.from({length: 20}, (_, i) => `a${i}`);
		const src = `${names.map((n, i) => `${n} = ${i}`).join('\n')}\na3 = 1\na19 = 2\n`;
		const r = parseHcl(src, 'f.hcl');
		expect(r.diagnostics.map(brief)).toEqual([
			'Attribute redefined @ 21:1-21:3',
			'Attribute redefined @ 22:1-22:4',
		]);
		expect(r.file.body.attributes.map((a) => a.name)).toEqual(names);
	});

	it('allows the same attribute name in different bodies', () => {
		expect(errs('x = 1\nb { x = 2 }\nc {\n x = 3\n}\n')).toEqual([]);
	});

	it('reports missing newlines and separators', () => {
		expect(errs('a = 1 b = 2')).toEqual(['Missing newline after argument @ 1:7-1:8']);
		expect(errs('a = 1, b = 2')).toEqual(['Unexpected comma after argument @ 1:6-1:7']);
		expect(errs('b {} c {}')).toEqual(['Missing newline after block definition @ 1:6-1:7']);
	});

	it('reports unclosed blocks at the opening brace', () => {
		expect(errs('target "a" {\n  x = 1\n')).toEqual(['Unclosed configuration block @ 1:12-1:13']);
		const r = parseHcl('target "a" {\n  x = 1\n', 'f.hcl');
		expect(r.file.body.blocks[0]?.body.attributes.map((a) => a.name)).toEqual(['x']);
	});

	it('reports bad body items', () => {
		expect(errs('"a" = 1')).toEqual(['Invalid argument name @ 1:1-1:2']);
		expect(errs('a\n')).toEqual(['Argument or block definition required @ 1:1-1:2']);
		expect(errs('= 1')).toEqual(['Argument or block definition required @ 1:1-1:2']);
		expect(errs('b "x" = 1')).toEqual(['Invalid block definition @ 1:7-1:8']);
		expect(errs('b "x"\n{}')).toEqual(['Invalid block definition @ 1:6-2:1']);
		expect(errs('a = @')).toEqual(['Invalid character @ 1:5-1:6', 'Invalid expression @ 1:5-1:6']);
		expect(errs('a = ')).toEqual(['Missing expression @ 1:5-1:5']);
		expect(errs('b { x = 1, y = 2 }')).toEqual([
			'Invalid single-argument block definition @ 1:10-1:11',
		]);
		expect(errs('b { c {} }')).toEqual(['Argument definition required @ 1:5-1:8']);
		expect(errs('b "${x}" {}')).toEqual(['Invalid string literal @ 1:4-1:6']);
	});

	it('keeps parsing after a broken item', () => {
		const r = parseHcl('a = [1 2]\nb = 3\ntarget "t" {\n  c = (\n}\nd = 4\n', 'f.hcl');
		expect(r.diagnostics.length).toBeGreaterThan(0);
		expect(r.file.body.attributes.map((a) => a.name)).toContain('b');
	});
});
