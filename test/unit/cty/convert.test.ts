import {describe, expect, it} from 'vitest';
import {
	ConversionError,
	convert,
	convertWithDefaults,
	unifyTypes,
} from '../../../src/core/cty/convert.js';
import {renderValue, valueFromJs} from '../../../src/core/cty/format.js';
import {Num} from '../../../src/core/cty/number.js';
import {typeFriendlyName, typeOf} from '../../../src/core/cty/types.js';
import type {Type, Value} from '../../../src/core/cty/value.js';
import {
	BOOL,
	DYNAMIC,
	map,
	NUMBER,
	nullOf,
	object,
	STRING,
	str,
} from '../../../src/core/cty/value.js';

const list = (elem: Type): Type => ({kind: 'list', elem});
const set = (elem: Type): Type => ({kind: 'set', elem});
const mapT = (elem: Type): Type => ({kind: 'map', elem});
const obj = (attrs: Record<string, Type>, optional?: string[]): Type =>
	optional ? {kind: 'object', attrs, optional} : {kind: 'object', attrs};
const v = valueFromJs;

function errOf(x: Value, t: Type): string {
	try {
		convert(x, t);
	} catch (e) {
		expect(e).toBeInstanceOf(ConversionError);
		return (e as Error).message;
	}
	throw new Error('no error');
}

describe('primitive conversions', () => {
	it('number and bool to string', () => {
		expect(convert(v(1.5), STRING)).toEqual(str('1.5'));
		expect(convert({kind: 'number', value: Num.parse('9007199254740993') as Num}, STRING)).toEqual(
			str('9007199254740993'),
		);
		expect(convert(v(true), STRING)).toEqual(str('true'));
	});
	it('string to number and bool (unsafe)', () => {
		const n = convert(str('12.50'), NUMBER);
		expect(n.kind === 'number' && n.value.toString()).toBe('12.5');
		expect(convert(str('true'), BOOL)).toEqual(v(true));
		expect(convert(str('0'), BOOL)).toEqual(v(false));
	});
	it('reports cty messages', () => {
		expect(errOf(str('abc'), NUMBER)).toBe('a number is required');
		expect(errOf(str('yes'), BOOL)).toBe('a bool is required');
		expect(errOf(str('True'), BOOL)).toBe(
			'a bool is required; to convert from string, use lowercase "true"',
		);
		expect(errOf(v(true), NUMBER)).toBe('number required');
		expect(errOf(v(['a']), STRING)).toBe('string required');
		expect(errOf(v({a: 1}), BOOL)).toBe('bool required');
	});
	it('keeps nulls typed and passes dynamic through', () => {
		expect(convert(nullOf(), STRING)).toEqual(nullOf(STRING));
		expect(convert(v([1]), DYNAMIC)).toEqual(v([1]));
	});
});

describe('structural conversions', () => {
	it('tuple to list unifies element types', () => {
		const l = convert(v(['a', 1, true]), list(DYNAMIC));
		expect(typeFriendlyName(typeOf(l))).toBe('list of string');
		expect(renderValue(l)).toBe('["a", "1", "true"]');
		expect(errOf(v(['a', ['b']]), list(DYNAMIC))).toBe('all list elements must have the same type');
		expect(errOf(v(['a', ['b']]), list(STRING))).toBe('element 1: string required');
	});
	it('tuple to set dedupes and orders', () => {
		const s = convert(v(['b', 'a', 'b']), set(STRING));
		expect(renderValue(s)).toBe('["a", "b"]');
		const ns = convert(v([10, 2, 2]), set(NUMBER));
		expect(renderValue(ns)).toBe('[2, 10]');
	});
	it('object to map and back', () => {
		const m = convert(v({a: 1, b: 'x'}), mapT(STRING));
		expect(m.kind).toBe('map');
		expect(renderValue(m)).toBe('{a = "1", b = "x"}');
		expect(errOf(v({a: 1, b: ['x']}), mapT(DYNAMIC))).toBe(
			'all map elements must have the same type',
		);
		expect(errOf(v({a: 1, b: ['x']}), mapT(STRING))).toBe('element "b": string required');
		const o = convert(
			map(STRING, [
				['name', str('J')],
				['x', str('y')],
			]),
			obj({name: STRING}),
		);
		expect(renderValue(o)).toBe('{name = "J"}');
		expect(errOf(map(STRING, [['name', str('J')]]), obj({name: STRING, greeting: STRING}))).toBe(
			'map has no element for required attribute "greeting"',
		);
	});
	it('object to object: missing attributes, optional attributes, nested errors', () => {
		expect(errOf(v({bar: 'b'}), obj({foo: STRING}))).toBe('attribute "foo" is required');
		expect(errOf(v({bar: 'b'}), obj({foo: STRING, baz: STRING}))).toBe(
			'attributes "baz" and "foo" are required',
		);
		expect(errOf(v({}), obj({foo: STRING, bar: STRING, baz: STRING}))).toBe(
			'attributes "bar", "baz", and "foo" are required',
		);
		expect(errOf(v({foo: true}), obj({foo: NUMBER}))).toBe('attribute "foo": number required');
		const filled = convert(v({name: 'x', extra: 1}), obj({name: STRING, tag: STRING}, ['tag']));
		expect(renderValue(filled)).toBe('{name = "x", tag = null}');
	});
	it('collection element type messages', () => {
		expect(errOf(convert(v([['a']]), list(list(STRING))), list(STRING))).toBe(
			'incorrect list element type: string required',
		);
		expect(errOf(v('x'), list(STRING))).toBe('list of string required');
		expect(errOf(v('x'), mapT(DYNAMIC))).toBe('map of any required');
	});
	it('applies optional defaults', () => {
		const t: Type = {
			kind: 'object',
			attrs: {a: STRING, b: NUMBER},
			optional: ['b'],
			defaults: {b: v(3)},
		};
		expect(renderValue(convertWithDefaults(v({a: 'x'}), t))).toBe('{a = "x", b = 3}');
	});
	it('keeps a collection element type when `any` is wanted', () => {
		const empty = convert({kind: 'set', elem: STRING, items: []}, list(DYNAMIC));
		expect(typeFriendlyName(typeOf(empty))).toBe('list of string');
		const m = convert(map(NUMBER, []), mapT(DYNAMIC));
		expect(typeFriendlyName(typeOf(m))).toBe('map of number');
	});
	it('list and set interconvert', () => {
		const l = convert(convert(v(['b', 'a']), set(STRING)), list(STRING));
		expect(renderValue(l)).toBe('["a", "b"]');
		expect(typeFriendlyName(typeOf(l))).toBe('list of string');
	});
});

describe('unifyTypes', () => {
	it('prefers string over number and bool', () => {
		expect(unifyTypes([STRING, NUMBER])).toEqual(STRING);
		expect(unifyTypes([NUMBER, BOOL])).toBeUndefined();
		expect(unifyTypes([NUMBER, NUMBER])).toEqual(NUMBER);
		expect(unifyTypes([])).toBeUndefined();
	});
	it('builds collection and structural types', () => {
		expect(unifyTypes([list(STRING), list(NUMBER)])).toEqual(list(STRING));
		expect(unifyTypes([typeOf(v({a: 1})), typeOf(v({a: 'x'}))])).toEqual(obj({a: STRING}));
		// Different attribute names or tuple lengths fall back to a map or a list.
		expect(unifyTypes([typeOf(v({a: 1})), typeOf(v({b: 'x'}))])).toEqual(mapT(STRING));
		expect(unifyTypes([typeOf(v({a: 1})), typeOf(v({b: ['x']}))])).toBeUndefined();
		expect(unifyTypes([typeOf(v(['a'])), typeOf(v([]))])).toEqual(list(STRING));
		expect(unifyTypes([typeOf(v(['a'])), typeOf(v([1, 2]))])).toEqual(list(STRING));
		expect(unifyTypes([mapT(STRING), typeOf(v({a: 1}))])).toEqual(mapT(STRING));
		expect(unifyTypes([typeOf(v(['a'])), typeOf(v({a: 1}))])).toBeUndefined();
		expect(unifyTypes([DYNAMIC, typeOf(object([['a', str('x')]]))])).toEqual(DYNAMIC);
	});
});
