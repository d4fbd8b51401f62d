import {describe, expect, it} from 'vitest';
import {typeFriendlyName, typeOf} from '../../../src/core/cty/types.js';
import {list, map, NUMBER, STRING, str} from '../../../src/core/cty/value.js';
import {call, err, r} from './helpers.js';

const strs = (...xs: string[]) => list(STRING, xs.map(str));
const typeName = (name: string, ...args: unknown[]) =>
	typeFriendlyName(typeOf(call(name, ...args)));

describe('sequence functions', () => {
	it('element wraps around and checks its index', () => {
		expect(r('element', ['a', 'b', 'c'], 4)).toBe('"b"');
		expect(err('element', ['a'], -1)).toBe('cannot use element function with a negative index');
		expect(err('element', [], 0)).toBe('cannot use element function with an empty list');
		expect(err('element', ['a'], 0.5)).toBe(
			'invalid index: value must be a whole number, between -9223372036854775808 and 9223372036854775807',
		);
		expect(err('element', new Set(['a']), 0)).toBe('cannot read elements from set of string');
	});
	it('slice', () => {
		expect(r('slice', ['a', 'b', 'c'], 1, 3)).toBe('["b", "c"]');
		expect(r('slice', strs('a', 'b'), 1, 1)).toBe('[]');
		expect(typeName('slice', strs('a', 'b'), 0, 1)).toBe('list of string');
		expect(err('slice', ['a'], 2, 2)).toBe(
			'start index must not be greater than the length of the list',
		);
		expect(err('slice', ['a', 'b'], 1, 0)).toBe('start index must not be greater than end index');
		expect(err('slice', ['a'], 0, 5)).toBe(
			'end index must not be greater than the length of the list',
		);
		expect(err('slice', new Set(['a']), 0, 1)).toContain('cannot slice a set');
	});
	it('concat keeps lists as lists and mixes into tuples', () => {
		expect(r('concat', strs('a'), strs('b'))).toBe('["a", "b"]');
		expect(typeName('concat', strs('a'), list(NUMBER, []))).toBe('list of string');
		expect(r('concat', ['a'], ['b', 1])).toBe('["a", "b", 1]');
		expect(typeName('concat', ['a'], strs('b'))).toBe('tuple');
		expect(err('concat', ['a'], 'b')).toBe('all arguments must be lists or tuples; got string');
	});
	it('flatten, distinct, compact, chunklist', () => {
		expect(r('flatten', [['a', ['b']], [], 'c', new Set(['d'])])).toBe('["a", "b", "c", "d"]');
		expect(err('flatten', 'a')).toBe('can only flatten lists, sets and tuples');
		expect(r('distinct', ['a', 'b', 'a', 'c', 'b'])).toBe('["a", "b", "c"]');
		expect(r('compact', ['a', '', 'b', null])).toBe('["a", "b"]');
		expect(r('chunklist', ['a', 'b', 'c'], 2)).toBe('[["a", "b"], ["c"]]');
		expect(r('chunklist', ['a', 'b'], 0)).toBe('[["a", "b"]]');
		expect(err('chunklist', ['a'], -1)).toBe('the size argument must be positive');
		expect(typeName('chunklist', ['a'], 1)).toBe('list of list of string');
	});
	it('contains, coalesce, coalescelist', () => {
		expect(r('contains', ['a', 'b'], 'b')).toBe('true');
		expect(r('contains', [1, 2], '1')).toBe('false');
		expect(err('contains', 'ab', 'a')).toBe('argument must be list, tuple, or set');
		expect(r('coalesce', null, 'x', 'y')).toBe('"x"');
		expect(r('coalesce', null, 1, 'y')).toBe('"1"');
		expect(r('coalesce', '', 'x')).toBe('""');
		expect(err('coalesce', null, null)).toBe('no non-null arguments');
		expect(err('coalesce', 1, true)).toBe('all arguments must have the same type');
		expect(err('coalesce')).toBe('all arguments must have the same type');
		expect(r('coalescelist', [], ['a'])).toBe('["a"]');
		expect(err('coalescelist', 'a')).toBe('coalescelist arguments must be lists or tuples');
	});
	it('range follows cty', () => {
		expect(r('range', 3)).toBe('[0, 1, 2]');
		expect(r('range', -3)).toBe('[0, -1, -2]');
		expect(r('range', 1, 4)).toBe('[1, 2, 3]');
		expect(r('range', 4, 1)).toBe('[4, 3, 2]');
		expect(r('range', 0, 1, 0.25)).toBe('[0, 0.25, 0.5, 0.75]');
		expect(r('range', 0)).toBe('[]');
		expect(err('range', 1, 5, -1)).toBe('end must be less than start when step is negative');
		expect(err('range', 5, 1, 1)).toBe('end must be greater than start when step is positive');
		expect(err('range', 2000)).toContain('more than 1024 values were generated');
		expect(err('range')).toBe('must have one, two, or three arguments');
	});
	it('reverselist and sort', () => {
		expect(r('reverselist', [1, 'a'])).toBe('["a", 1]');
		expect(err('reverselist', new Set(['a']))).toBe(
			'can only reverse list or tuple values, not set of string',
		);
		expect(r('sort', ['b', 'a', 'B', 'é', '10', '9'])).toBe('["10", "9", "B", "a", "b", "é"]');
		expect(r('sort', [3, 1])).toBe('["1", "3"]');
		expect(err('sort', ['a', null])).toBe(
			'given list element 1 is null; a null string cannot be sorted',
		);
	});
});

describe('map functions', () => {
	it('length of everything', () => {
		expect(r('length', ['a', 'b'])).toBe('2');
		expect(r('length', {a: 1})).toBe('1');
		expect(r('length', map(STRING, []))).toBe('0');
		expect(err('length', 1)).toBe(
			'argument must be a string, a collection type, or a structural type',
		);
	});
	it('keys and values are sorted', () => {
		expect(r('keys', {b: 1, a: 2})).toBe('["a", "b"]');
		expect(typeName('keys', map(STRING, [['x', str('1')]]))).toBe('list of string');
		expect(r('values', {b: 1, a: 'x'})).toBe('["x", 1]');
		expect(err('keys', ['a'])).toBe('must have map or object type');
		expect(err('values', 'a')).toBe('values() requires a map as the first argument');
	});
	it('lookup', () => {
		expect(r('lookup', {a: 'x'}, 'a', 'd')).toBe('"x"');
		expect(r('lookup', {a: 'x'}, 'b', 'd')).toBe('"d"');
		expect(r('lookup', map(STRING, [['a', str('x')]]), 'b', 1)).toBe('"1"');
		expect(err('lookup', map(STRING, [['a', str('x')]]), 'b', ['x'])).toBe(
			'the default value must have the same type as the map elements',
		);
		expect(err('lookup', ['a'], 'b', 'c')).toBe('lookup() requires a map as the first argument');
	});
	it('merge', () => {
		expect(r('merge', {a: 1, b: 2}, {b: 'x'}, null)).toBe('{a = 1, b = "x"}');
		const m = call('merge', map(STRING, [['a', str('1')]]), map(STRING, [['b', str('2')]]));
		expect(m.kind).toBe('map');
		expect(r('merge')).toBe('{}');
		expect(err('merge', {a: 1}, 'x')).toBe('arguments must be maps or objects, got "string"');
	});
	it('zipmap', () => {
		expect(r('zipmap', ['a', 'b'], [1, 'x'])).toBe('{a = 1, b = "x"}');
		expect(call('zipmap', strs('a'), strs('x')).kind).toBe('map');
		expect(err('zipmap', ['a'], [])).toBe('count of keys (1) does not match count of values (0)');
	});
	it('index, hasindex and indexof', () => {
		expect(r('index', strs('a', 'b'), 1)).toBe('"b"');
		expect(r('index', map(STRING, [['k', str('v')]]), 'k')).toBe('"v"');
		expect(err('index', strs('a'), 3)).toBe('invalid index cty.NumberIntVal(3)');
		expect(err('index', strs('a'), '0')).toBe('key for list must be number');
		expect(err('index', 'a', 0)).toBe('collection must be a list, a map or a tuple');
		expect(r('hasindex', strs('a'), 0)).toBe('true');
		expect(r('hasindex', strs('a'), 1)).toBe('false');
		expect(r('hasindex', strs('a'), '0')).toBe('false');
		expect(r('hasindex', map(STRING, [['k', str('v')]]), 'k')).toBe('true');
		expect(r('indexof', ['a', 'b'], 'b')).toBe('1');
		expect(err('indexof', ['a', 'b'], 'c')).toBe('item not found');
		expect(err('indexof', [], 'c')).toBe('cannot search an empty list');
		expect(err('indexof', {a: 1}, 'c')).toBe('argument must be a list or tuple');
	});
});
