import {describe, expect, it} from 'vitest';
import {err, r} from './helpers.js';

describe('string functions', () => {
	it('case mapping follows Go', () => {
		expect(r('upper', 'hello é')).toBe('"HELLO É"');
		expect(r('upper', 'straße')).toBe('"STRAßE"');
		expect(r('lower', 'ÀB')).toBe('"àb"');
		expect(r('title', 'hello wORLD foo_bar x-y')).toBe('"Hello WORLD Foo_bar X-Y"');
	});
	it('lengths and substrings count grapheme clusters', () => {
		expect(r('strlen', 'héllo')).toBe('5');
		expect(r('strlen', '🏳️‍🌈a')).toBe('2');
		expect(r('length', 'e\u0301')).toBe('1');
		expect(r('substr', 'hello world', 1, 4)).toBe('"ello"');
		expect(r('substr', 'hello world', -5, -1)).toBe('"world"');
		expect(r('substr', 'hello', 10, 2)).toBe('""');
		expect(r('substr', 'hello', 0, 0)).toBe('""');
		expect(r('substr', '🏳️‍🌈ab', 1, 1)).toBe('"a"');
		expect(r('reverse', 'ab🏳️‍🌈')).toBe('"🏳️‍🌈ba"');
	});
	it('trimming', () => {
		expect(r('trim', '?!hello?!', '!?')).toBe('"hello"');
		expect(r('trimprefix', 'helloworld', 'hello')).toBe('"world"');
		expect(r('trimprefix', 'helloworld', 'x')).toBe('"helloworld"');
		expect(r('trimsuffix', 'helloworld', 'world')).toBe('"hello"');
		expect(r('trimspace', '\n\t hi \u00a0')).toBe('"hi"');
		expect(r('chomp', 'abc\r\n\n')).toBe('"abc"');
		expect(r('chomp', 'a\nb')).toBe('"a\\nb"');
	});
	it('split, join, indent', () => {
		expect(r('split', ',', 'a,b,,c')).toBe('["a", "b", "", "c"]');
		expect(r('split', ',', '')).toBe('[""]');
		expect(r('join', '-', ['a', 'b'], ['c'])).toBe('"a-b-c"');
		expect(r('join', ',', [])).toBe('""');
		expect(err('join', ',', ['a', null])).toBe('element 1 is null; cannot concatenate null values');
		expect(err('join', ',')).toBe('at least one list is required');
		expect(r('indent', 2, 'a\nb\n')).toBe('"a\\n  b\\n  "');
	});
});
