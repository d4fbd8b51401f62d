import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {Num} from '../../../src/core/cty/number.js';

const p = (s: string): Num => Num.parse(s) as Num;

describe('Num properties', () => {
	it('integer arithmetic is exact (checked against BigInt)', () => {
		fc.assert(
			fc.property(
				fc.bigInt({min: -(2n ** 200n), max: 2n ** 200n}),
				fc.bigInt({min: -(2n ** 200n), max: 2n ** 200n}),
				(a, b) => {
					const x = p(String(a));
					const y = p(String(b));
					expect(x.add(y).toString()).toBe(String(a + b));
					expect(x.sub(y).toString()).toBe(String(a - b));
					expect(x.mul(y).toString()).toBe(String(a * b));
					expect(x.cmp(y)).toBe(a < b ? -1 : a > b ? 1 : 0);
				},
			),
		);
	});
	it('short decimals print back as written', () => {
		fc.assert(
			fc.property(fc.integer({min: -1e9, max: 1e9}), fc.integer({min: 0, max: 12}), (m, scale) => {
				const neg = m < 0;
				const digits = String(Math.abs(m)).padStart(scale + 1, '0');
				const int = digits.slice(0, digits.length - scale);
				const frac = digits.slice(digits.length - scale).replace(/0+$/, '');
				const body = frac ? `${int}.${frac}` : int;
				const text = neg ? `-${body}` : body;
				expect(p(text).toString()).toBe(text);
			}),
		);
	});
	it('float64 values survive toJsNumber and fromJs', () => {
		fc.assert(
			fc.property(fc.double({noNaN: true, noDefaultInfinity: true}), (d) => {
				const x = Num.fromJs(d);
				expect(Object.is(x.toJsNumber(), d === 0 ? 0 : d)).toBe(true);
				// 53-bit values print the shortest round-trip digits, like strconv.
				expect(Number(x.toString())).toBe(d === 0 ? 0 : d);
			}),
		);
	});
	it('division then multiplication returns close to the start', () => {
		fc.assert(
			fc.property(fc.integer({min: 1, max: 1e6}), fc.integer({min: 1, max: 1e6}), (a, b) => {
				const q = p(String(a)).div(p(String(b)));
				const back = q.mul(p(String(b)));
				const diff = back.sub(p(String(a))).abs();
				expect(diff.cmp(p('1e-140'))).toBe(-1);
			}),
		);
	});
});
