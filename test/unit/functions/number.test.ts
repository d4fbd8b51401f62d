import {describe, expect, it} from 'vitest';
import {Num} from '../../../src/core/cty/number.js';
import {err, r} from './helpers.js';

const big = (s: string) => ({kind: 'number' as const, value: Num.parse(s) as Num});

describe('arithmetic functions', () => {
	it('compute with cty precision', () => {
		expect(r('add', 1, 2)).toBe('3');
		expect(r('add', big('9007199254740993'), 0)).toBe('9007199254740993');
		expect(r('subtract', 1, '3')).toBe('-2');
		expect(r('multiply', big('99999999999999999999'), 2)).toBe('199999999999999999998');
		expect(r('divide', 10, 4)).toBe('2.5');
		expect(r('divide', 1, 0)).toBe('+Inf');
		expect(err('divide', 0, 0)).toBe("can't divide zero by zero or infinity by infinity");
		expect(r('modulo', -7, 3)).toBe('-1');
		expect(r('negate', 2)).toBe('-2');
		expect(r('absolute', -2.5)).toBe('2.5');
		expect(err('add', 'x', 1)).toBe('a number is required');
	});
	it('min and max', () => {
		expect(r('max', 1, 9, 3)).toBe('9');
		expect(r('min', 4, -2.5, 3)).toBe('-2.5');
		expect(err('max')).toBe('must pass at least one number');
	});
	it('rounding', () => {
		expect(r('int', -1.5)).toBe('-1');
		expect(r('int', 2.9)).toBe('2');
		expect(r('floor', -1.5)).toBe('-2');
		expect(r('ceil', 1.2)).toBe('2');
		expect(r('ceil', 3)).toBe('3');
	});
	it('float64 functions', () => {
		expect(r('pow', 2, 10)).toBe('1024');
		expect(r('pow', 2, 0.5)).toBe('1.4142135623730951');
		expect(r('log', 8, 2)).toBe('3');
		expect(r('signum', -3)).toBe('-1');
		expect(r('signum', 0)).toBe('0');
		expect(err('signum', 1.5)).toBe(
			'value must be a whole number, between -9223372036854775808 and 9223372036854775807',
		);
	});
	it('parseint', () => {
		expect(r('parseint', '100', 10)).toBe('100');
		expect(r('parseint', 'FF', 16)).toBe('255');
		expect(r('parseint', 'ff', 16)).toBe('255');
		expect(r('parseint', '-1010', 2)).toBe('-10');
		expect(r('parseint', 'zZ', 62)).toBe(String(35 * 62 + 61));
		expect(r('parseint', '18446744073709551617', 10)).toBe('18446744073709551617');
		expect(err('parseint', '12', 1)).toBe('base must be a whole number between 2 and 62 inclusive');
		expect(err('parseint', '2', 2)).toBe('cannot parse "2" as a base 2 integer');
		expect(err('parseint', 12, 10)).toBe('first argument must be a string, not number');
	});
	it('comparisons and logic', () => {
		expect(r('greaterthan', 2, 1)).toBe('true');
		expect(r('greaterthanorequalto', 1, 1)).toBe('true');
		expect(r('lessthan', 2, '10')).toBe('true');
		expect(r('lessthanorequalto', 3, 2)).toBe('false');
		expect(r('equal', 1, '1')).toBe('false');
		expect(r('equal', [1], [1])).toBe('true');
		expect(r('notequal', null, null)).toBe('false');
		expect(r('and', true, 'false')).toBe('false');
		expect(r('or', false, true)).toBe('true');
		expect(r('not', true)).toBe('false');
		expect(err('not', 'maybe')).toBe('a bool is required');
	});
});
