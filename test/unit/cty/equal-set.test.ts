import {describe, expect, it} from 'vitest';
import {valuesEqual} from '../../../src/core/cty/equal.js';
import {renderValue, valueFromJs} from '../../../src/core/cty/format.js';
import {Num} from '../../../src/core/cty/number.js';
import {setValue} from '../../../src/core/cty/set.js';
import type {Value} from '../../../src/core/cty/value.js';
import {BOOL, list, NUMBER, nullOf, STRING, str, tuple} from '../../../src/core/cty/value.js';

const n = (s: string): Value => ({kind: 'number', value: Num.parse(s) as Num});

describe('valuesEqual', () => {
	it('compares numbers by value, not precision', () => {
		expect(valuesEqual(n('2.0'), {kind: 'number', value: Num.fromInt(2)})).toBe(true);
		expect(valuesEqual(n('0.1'), n('0.10'))).toBe(true);
		expect(valuesEqual(n('1'), str('1'))).toBe(false);
	});
	it('compares fractions by their printed form, as cty rawNumberEqual does', () => {
		const sum: Value = {
			kind: 'number',
			value: (Num.parse('0.1') as Num).add(Num.parse('0.2') as Num),
		};
		const f = Num.fromJs(0.1);
		// The float64 0.1 is a different binary value from the 512-bit 0.1, yet prints the same.
		expect(f.eq(Num.parse('0.1') as Num)).toBe(false);
		expect(valuesEqual(sum, n('0.3'))).toBe(true);
		expect(valuesEqual({kind: 'number', value: Num.fromJs(0.1)}, n('0.1'))).toBe(true);
		expect(valuesEqual(n('0.5'), n('-0.5'))).toBe(false);
		expect(valuesEqual(n('2'), n('2.0000000000000000000001'))).toBe(false);
	});
	it('treats null as equal only to null, of any type', () => {
		expect(valuesEqual(nullOf(), nullOf(STRING))).toBe(true);
		expect(valuesEqual(nullOf(STRING), str(''))).toBe(false);
	});
	it('needs identical types for collections', () => {
		expect(valuesEqual(valueFromJs(['a', 1]), valueFromJs(['a', 1]))).toBe(true);
		expect(valuesEqual(valueFromJs(['a']), list(STRING, [str('a')]))).toBe(false);
		expect(valuesEqual(valueFromJs({a: [1]}), valueFromJs({a: [1]}))).toBe(true);
		expect(valuesEqual(valueFromJs({a: [1]}), valueFromJs({a: [2]}))).toBe(false);
		expect(valuesEqual(tuple([nullOf()]), tuple([nullOf()]))).toBe(true);
	});
});

describe('sets', () => {
	it('orders strings by bytes, numbers by value, false before true', () => {
		expect(renderValue(setValue(STRING, ['b', 'B', 'a', 'b'].map(str)))).toBe('["B", "a", "b"]');
		expect(renderValue(setValue(NUMBER, [n('10'), n('9'), n('-1'), n('9.0')]))).toBe('[-1, 9, 10]');
		expect(renderValue(setValue(BOOL, [valueFromJs(true), valueFromJs(false)]))).toBe(
			'[false, true]',
		);
	});
	it('dedupes structured values deterministically', () => {
		const a = valueFromJs(['x', 1]);
		const b = valueFromJs(['a', 2]);
		const s1 = setValue(a.kind === 'tuple' ? {kind: 'dynamic'} : STRING, [a, b, a]);
		const s2 = setValue({kind: 'dynamic'}, [b, a]);
		expect(s1.kind === 'set' && s1.items.length).toBe(2);
		expect(renderValue(s1)).toBe(renderValue(s2));
	});
});
