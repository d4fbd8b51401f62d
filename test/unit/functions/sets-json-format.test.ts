import {describe, expect, it} from 'vitest';
import {typeFriendlyName, typeOf} from '../../../src/core/cty/types.js';
import {call, err, r} from './helpers.js';

describe('set functions', () => {
	it('union, intersection, subtract, symmetric difference', () => {
		expect(r('setunion', ['b', 'a'], ['c', 'a'])).toBe('["a", "b", "c"]');
		expect(typeFriendlyName(typeOf(call('setunion', ['a'], [])))).toBe('set of string');
		expect(r('setunion', [1], ['a'])).toBe('["1", "a"]');
		expect(r('setintersection', ['a', 'b'], ['b', 'c'], ['b'])).toBe('["b"]');
		expect(r('setsubtract', ['a', 'b', 'c'], ['a', 'c'])).toBe('["b"]');
		expect(r('setsymmetricdifference', ['a', 'b'], ['b', 'c'])).toBe('["a", "c"]');
		expect(err('setunion', ['a'], [['x']])).toBe(
			'given sets must all have compatible element types',
		);
	});
	it('sethaselement compares with types', () => {
		expect(r('sethaselement', ['a', 'b'], 'a')).toBe('true');
		expect(r('sethaselement', [1], '1')).toBe('false');
	});
	it('setproduct', () => {
		expect(r('setproduct', ['a', 'b'], [1, 2])).toBe('[["a", 1], ["a", 2], ["b", 1], ["b", 2]]');
		expect(typeFriendlyName(typeOf(call('setproduct', ['a'], ['b'])))).toBe('list of tuple');
		expect(typeFriendlyName(typeOf(call('setproduct', new Set(['a']), ['b'])))).toBe(
			'set of tuple',
		);
		expect(r('setproduct', ['a'], [])).toBe('[]');
		expect(err('setproduct', ['a'])).toBe('at least two arguments are required');
		expect(err('setproduct', ['a'], 'b')).toBe('a set or a list is required');
	});
});

describe('json functions', () => {
	it('jsonencode and jsondecode', () => {
		expect(r('jsonencode', {b: [1, 'x<'], a: null})).toBe(
			'"{\\"a\\":null,\\"b\\":[1,\\"x\\\\u003c\\"]}"',
		);
		expect(r('jsonencode', null)).toBe('"null"');
		expect(r('jsondecode', '{"a": [1, 2.5e3, "x"], "b": null}')).toBe(
			'{a = [1, 2500, "x"], b = null}',
		);
		expect(err('jsondecode', '{"a":')).toBe('unexpected end of JSON input');
	});
});

describe('format and formatlist', () => {
	it('formats each verb like cty', () => {
		expect(r('format', 'Hello, %s!', 'W')).toBe('"Hello, W!"');
		expect(r('format', '%d|%5d|%-5d|%05d|%+d|% d', 3, 42, 42, 42, 3, 3)).toBe(
			'"3|   42|42   |00042|+3| 3"',
		);
		expect(r('format', '%f|%.2f|%8.3f|%e|%g|%G', 2.25, 2.375, 1.5, 1000, 0.5, 1e-7)).toBe(
			'"2.250000|2.38|   1.500|1.000000e+03|0.5|1E-07"',
		);
		expect(r('format', '%x %X %o %b %#x', 255, 255, 8, 5, 255)).toBe('"ff FF 10 101 0xff"');
		expect(r('format', '%v %v %v %v', 'str', 1000000, true, ['a'])).toBe(
			'"str 1e+06 true [\\"a\\"]"',
		);
		expect(r('format', '%#v %#v', 'x', {a: 1})).toBe('"\\"x\\" {\\"a\\":1}"');
		expect(r('format', '%q %t %%', 'q"<', 'true')).toBe('"\\"q\\\\\\"\\\\u003c\\" true %"');
		expect(r('format', '%[2]s %s %[1]s', 'a', 'b', 'c')).toBe('"b c a"');
		expect(r('format', '%.2s|%4s|%-4s|', 'héllo', 'é', 'ab')).toBe('"hé|   é|ab  |"');
		expect(r('format', '%v', null)).toBe('"null"');
		expect(r('format', '%s', 1.5)).toBe('"1.5"');
	});
	it('reports cty errors', () => {
		expect(err('format', '%d', 1.5)).toBe(
			'unsupported value for "%d" at 0: an integer is required',
		);
		expect(err('format', '%s is', null)).toBe(
			'unsupported value for "%s" at 0: null value cannot be formatted',
		);
		expect(err('format', '%s')).toBe(
			'not enough arguments for "%s" at 0: need index 1 but have 0 total',
		);
		expect(err('format', '%v %v %v', true, true)).toBe(
			'not enough arguments for "%v" at 6: need index 3 but have 2 total',
		);
		expect(err('format', '%[0]s', true)).toBe("unrecognized format character '0' at offset 2");
		expect(err('format', '%z', 10)).toBe('unsupported format verb \'z\' in "%z" at offset 0');
		expect(err('format', '%#z', 10)).toBe('unsupported format verb \'z\' in "%#z" at offset 0');
		expect(err('format', '%☠', 10)).toBe("unrecognized format character '☠' at offset 1");
		expect(err('format', 'no verbs', 10)).toBe('too many arguments; no verbs in format string');
		expect(err('format', 'one %d', 10, 11)).toBe(
			'too many arguments; only 1 used by format string',
		);
		expect(err('format', '%d', 'x')).toBe('unsupported value for "%d" at 0: a number is required');
		expect(err('format', '%s', ['a'])).toBe('unsupported value for "%s" at 0: string required');
	});
	it('formatlist iterates sequences in step', () => {
		expect(r('formatlist', '%s-%s', ['a', 'b'], 'x')).toBe('["a-x", "b-x"]');
		expect(r('formatlist', '%s=%d', ['a', 'b'], [1, 2])).toBe('["a=1", "b=2"]');
		expect(r('formatlist', 'plain')).toBe('["plain"]');
		expect(r('formatlist', '%s', [])).toBe('[]');
		expect(err('formatlist', '%s%s', ['a'], ['b', 'c'])).toBe(
			'argument 2 has length 2, which is inconsistent with argument 1 of length 1',
		);
		expect(err('formatlist', '%d', ['a'])).toBe(
			'error on format iteration 0: unsupported value for "%d" at 0: a number is required',
		);
	});
});
