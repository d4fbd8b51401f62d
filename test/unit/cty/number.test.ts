import {describe, expect, it} from 'vitest';
import {Num, NumError} from '../../../src/core/cty/number.js';

const p = (s: string): Num => {
	const n = Num.parse(s);
	if (!n) throw new Error(`bad number ${s}`);
	return n;
};

describe('Num.parse', () => {
	it('accepts decimal literals as strconv does', () => {
		for (const [text, printed] of [
			['0', '0'],
			['-0', '0'],
			['124', '124'],
			['1.5', '1.5'],
			['-2.50', '-2.5'],
			['1e3', '1000'],
			['1E-2', '0.01'],
			['.5', '0.5'],
			['5.', '5'],
			['+7', '7'],
			['1e21', '1000000000000000000000'],
			['0.000001', '0.000001'],
		] as const) {
			expect(p(text).toString(), text).toBe(printed);
		}
	});
	it('rejects non-numbers', () => {
		for (const t of ['', 'abc', '1.2.3', '0x10', '1_000', ' 1', '1 ', 'e5', '--1']) {
			expect(Num.parse(t), t).toBeUndefined();
		}
	});
});

describe('precision', () => {
	it('keeps integers past 2^53 exact', () => {
		expect(p('9007199254740993').add(p('0')).toString()).toBe('9007199254740993');
		expect(p('9007199254740993').add(p('1')).toString()).toBe('9007199254740994');
		expect(p('18446744073709551617').toBigInt()).toBe(18446744073709551617n);
	});
	it('multiplies big integers exactly', () => {
		const a = 123456789012345678901234567890n;
		const b = 987654321098765432109876543210n;
		expect(
			p(String(a))
				.mul(p(String(b)))
				.toString(),
		).toBe(String(a * b));
		expect(p('4294967296').mul(p('4294967296')).toString()).toBe('18446744073709551616');
		// pow is float64 (53 bits): Go's shortest digits at that precision, then zero padding.
		expect(p('2').pow(p('64')).toString()).toBe('18446744073709550000');
	});
	it('prints 0.1 + 0.2 as cty does at 512 bits', () => {
		expect(p('0.1').add(p('0.2')).toString()).toBe('0.3');
	});
	it('rounds division at 512 bits and prints the shortest round-trip decimal', () => {
		const third = p('1').div(p('3')).toString();
		expect(third.startsWith('0.3333333333')).toBe(true);
		// 512 bits carry about 154 significant decimal digits.
		expect(third.length).toBeGreaterThan(150);
		expect(third.length).toBeLessThan(160);
		expect(p('10').div(p('4')).toString()).toBe('2.5');
	});
	it('tracks precision: 64-bit integers divide at 64 bits', () => {
		expect(Num.fromInt(10).div(Num.fromInt(3)).toString()).toBe('3.3333333333333333333');
		expect(Num.fromJs(0.1).toString()).toBe('0.1');
	});
});

describe('arithmetic', () => {
	it('implements cty modulo (sign of the dividend, x % 0 = x)', () => {
		expect(p('7').mod(p('3')).toString()).toBe('1');
		expect(p('-7').mod(p('3')).toString()).toBe('-1');
		expect(p('7').mod(p('-3')).toString()).toBe('1');
		expect(p('7.5').mod(p('2')).toString()).toBe('1.5');
		expect(p('5').mod(p('0')).toString()).toBe('5');
	});
	it('divides by zero into infinities, 0/0 is an error', () => {
		expect(p('1').div(p('0')).toString()).toBe('+Inf');
		expect(p('-1').div(p('0')).toString()).toBe('-Inf');
		expect(p('1').div(p('0')).isInfinite()).toBe(true);
		expect(() => p('0').div(p('0'))).toThrow(NumError);
		expect(() => p('0').div(p('0'))).toThrow("can't divide zero by zero or infinity by infinity");
	});
	it('compares and rounds', () => {
		expect(p('1.5').cmp(p('1.25'))).toBe(1);
		expect(p('-3').cmp(p('2'))).toBe(-1);
		expect(p('2.0').eq(p('2'))).toBe(true);
		expect(p('3.7').floor().toString()).toBe('3');
		expect(p('-3.7').floor().toString()).toBe('-4');
		expect(p('-3.2').ceil().toString()).toBe('-3');
		expect(p('3.2').ceil().toString()).toBe('4');
		expect(p('-1.5').trunc().toString()).toBe('-1');
		expect(p('-0.5').sign()).toBe(-1);
		expect(p('0').isZero()).toBe(true);
		expect(p('2.5').isInteger()).toBe(false);
		expect(p('2.5').toBigInt()).toBeUndefined();
	});
	it('uses float64 for pow and log, as cty does', () => {
		expect(p('2').pow(p('10')).toString()).toBe('1024');
		expect(p('2').pow(p('0.5')).toString()).toBe('1.4142135623730951');
		expect(p('100').log(p('10')).toString()).toBe('2');
	});
	it('converts to JS numbers with correct rounding', () => {
		expect(p('0.1').toJsNumber()).toBe(0.1);
		expect(p('9007199254740993').toJsNumber()).toBe(9007199254740992);
		expect(p('1e400').toJsNumber()).toBe(Number.POSITIVE_INFINITY);
		expect(p('-1.5').toJsNumber()).toBe(-1.5);
	});
});

describe('text formats', () => {
	it('matches big.Float.Text', () => {
		expect(p('1000').text('e', 6)).toBe('1.000000e+03');
		expect(p('1000').text('g', -1)).toBe('1000');
		expect(p('0.00000000000000000000001').text('g', -1)).toBe('1e-23');
		expect(p('1234567').text('g', -1)).toBe('1.234567e+06');
		expect(p('0.006').text('f', 2)).toBe('0.01');
		expect(p('2.5').text('f', 0)).toBe('2');
		expect(p('3.5').text('f', 0)).toBe('4');
		expect(p('-1.5').text('f', 3)).toBe('-1.500');
	});
});
