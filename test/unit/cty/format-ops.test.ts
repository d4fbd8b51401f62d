import {describe, expect, it} from 'vitest';
import {ConversionError} from '../../../src/core/cty/convert.js';
import {
	renderValue,
	TemplateValueError,
	valueFromJs,
	valueToJs,
	valueToString,
} from '../../../src/core/cty/format.js';
import {Num} from '../../../src/core/cty/number.js';
import * as ops from '../../../src/core/cty/ops.js';
import type {Value} from '../../../src/core/cty/value.js';
import {nullOf, str} from '../../../src/core/cty/value.js';

const n = (s: string): Value => ({kind: 'number', value: Num.parse(s) as Num});

describe('valueToString', () => {
	it('interpolates primitives as HCL does', () => {
		expect(valueToString(str('x'))).toBe('x');
		expect(valueToString(n('1.50'))).toBe('1.5');
		expect(valueToString(valueFromJs(true))).toBe('true');
	});
	it('refuses collections and null with HCL wording', () => {
		expect(() => valueToString(valueFromJs(['a']))).toThrow(
			'Cannot include the given value in a string template: string required.',
		);
		expect(() => valueToString(nullOf())).toThrow(TemplateValueError);
		expect(() => valueToString(nullOf())).toThrow(
			'The expression result is null. Cannot include a null value in a string template.',
		);
	});
});

describe('renderValue and valueToJs', () => {
	it('renders an HCL-like literal', () => {
		expect(renderValue(valueFromJs({b: [1, 'x'], 'a b': null}))).toBe(
			'{"a b" = null, b = [1, "x"]}',
		);
		expect(renderValue(str('${x}'))).toBe('"$${x}"');
	});
	it('keeps exactness in valueToJs', () => {
		expect(valueToJs(valueFromJs({a: [1, 'x', true, null]}))).toEqual({a: [1, 'x', true, null]});
		expect(valueToJs(n('9007199254740993'))).toBe('9007199254740993');
		expect(valueToJs(n('0.5'))).toBe(0.5);
		expect(valueToJs(n('0.1'))).toBe('0.1');
	});
});

describe('operators', () => {
	it('converts operands for arithmetic', () => {
		expect(renderValue(ops.add(str('1'), n('1')))).toBe('2');
		expect(renderValue(ops.sub(n('5'), n('7.5')))).toBe('-2.5');
		expect(renderValue(ops.mul(n('3'), str('4')))).toBe('12');
		expect(renderValue(ops.div(n('7'), n('2')))).toBe('3.5');
		expect(renderValue(ops.mod(n('-7'), n('2')))).toBe('-1');
		expect(renderValue(ops.neg(n('3')))).toBe('-3');
		expect(() => ops.add(str('x'), n('1'))).toThrow(ConversionError);
		expect(() => ops.add(str('x'), n('1'))).toThrow('a number is required');
	});
	it('does not convert for equality', () => {
		expect(ops.equals(str('1'), n('1'))).toEqual(valueFromJs(false));
		expect(ops.equals(n('1.0'), n('1'))).toEqual(valueFromJs(true));
		expect(ops.notEquals(nullOf(), nullOf())).toEqual(valueFromJs(false));
	});
	it('logic and comparison', () => {
		expect(ops.and(str('true'), valueFromJs(false))).toEqual(valueFromJs(false));
		expect(ops.or(valueFromJs(false), valueFromJs(true))).toEqual(valueFromJs(true));
		expect(ops.not(valueFromJs(true))).toEqual(valueFromJs(false));
		expect(ops.compare(n('2'), str('10'))).toBe(-1);
		expect(ops.lessThan(n('2'), n('10'))).toEqual(valueFromJs(true));
		expect(() => ops.not(n('1'))).toThrow('bool required');
	});
});
