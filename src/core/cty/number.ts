// cty numbers: Go's big.Float as cty uses it. A finite value is `mant * 2^exp` (mant a signed
// bigint, kept odd or zero so equal values have one representation) plus the *precision* in
// bits that Go would carry. Precision matters only for printing: Go prints the shortest
// decimal that reads back to the same value at that precision, so 1/3 parsed at 512 bits
// prints 154 digits while NumberIntVal-born integers carry 64 bits. Rules mirrored from cty:
// parsed literals/strings/JSON get 512 bits; NumberIntVal 64; NumberFloatVal 53; + - /
// round to the larger operand precision; * is computed at 512 and keeps the larger of the
// operand precision and the bits the product needs. Division by zero gives an infinity
// (cty semantics: `1/0` is +Inf); 0/0 throws NumError.

import {decimalDigits, floatText, shortestDigits} from './number-text.js';

export const MAX_PREC = 512;

/** Arithmetic that cty refuses (0/0, Inf-Inf ...): the message is cty's. */
export class NumError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'NumError';
	}
}

export function bitLen(n: bigint): number {
	if (n < 0n) n = -n;
	return n === 0n ? 0 : n.toString(2).length;
}

function trailingZeros(n: bigint): number {
	if (n === 0n) return 0;
	let c = 0;
	while ((n & 0xffffffffn) === 0n) {
		n >>= 32n;
		c += 32;
	}
	while ((n & 1n) === 0n) {
		n >>= 1n;
		c++;
	}
	return c;
}

/** Round |m|*2^e (m > 0) to `prec` bits, nearest-even; `sticky` = lower nonzero bits dropped. */
function roundBits(m: bigint, e: number, prec: number, sticky: boolean): [bigint, number] {
	const len = bitLen(m);
	if (len <= prec) return [m, e];
	const shift = len - prec;
	const bs = BigInt(shift);
	const dropped = m & ((1n << bs) - 1n);
	const half = 1n << (bs - 1n);
	let q = m >> bs;
	if (dropped > half || (dropped === half && (sticky || (q & 1n) === 1n))) q += 1n;
	return [q, e + shift];
}

export class Num {
	/** Signed mantissa (odd or zero). Unused when `inf` is set. */
	readonly mant: bigint;
	readonly exp: number;
	readonly prec: number;
	/** +1 / -1 for the infinities cty produces from division by zero. */
	readonly inf: 0 | 1 | -1;

	private constructor(mant: bigint, exp: number, prec: number, inf: 0 | 1 | -1 = 0) {
		this.mant = mant;
		this.exp = exp;
		this.prec = prec;
		this.inf = inf;
	}

	/** Normalizes and rounds `neg? -m : m` * 2^e to `prec` bits. */
	static make(m: bigint, e: number, prec: number, sticky = false): Num {
		if (m === 0n) return new Num(0n, 0, prec);
		const neg = m < 0n;
		let [q, x] = roundBits(neg ? -m : m, e, prec, sticky);
		const tz = trailingZeros(q);
		if (tz > 0) {
			q >>= BigInt(tz);
			x += tz;
		}
		return new Num(neg ? -q : q, x, prec);
	}

	static infinity(sign: 1 | -1, prec = MAX_PREC): Num {
		return new Num(0n, 0, prec, sign);
	}

	/** (n / d) rounded to prec bits; d must be nonzero. */
	static fromRatio(n: bigint, d: bigint, exp: number, prec: number): Num {
		if (n === 0n) return new Num(0n, 0, prec);
		const neg = n < 0n !== d < 0n;
		if (n < 0n) n = -n;
		if (d < 0n) d = -d;
		// Scale so the quotient has at least prec+2 bits; the remainder becomes the sticky bit.
		const k = prec + 2 + bitLen(d) - bitLen(n);
		let q: bigint;
		let r: bigint;
		if (k >= 0) {
			const nn = n << BigInt(k);
			q = nn / d;
			r = nn % d;
		} else {
			const dd = d << BigInt(-k);
			q = n / dd;
			r = n % dd;
		}
		return Num.make(neg ? -q : q, exp - k, prec, r !== 0n);
	}

	/** Decimal literal as strconv/big.Float.Parse (base 10) accept it; 512-bit precision. */
	static parse(text: string): Num | undefined {
		const m = /^([+-]?)(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/.exec(text);
		if (!m) {
			const inf = /^([+-]?)inf(?:inity)?$/i.exec(text);
			if (inf) return Num.infinity(inf[1] === '-' ? -1 : 1);
			return undefined;
		}
		const intPart = m[2] ?? '';
		const frac = m[3] ?? m[4] ?? '';
		let e10 = (m[5] ? Number(m[5]) : 0) - frac.length;
		if (!Number.isFinite(e10) || Math.abs(e10) > 100000) return undefined;
		let digits = BigInt((intPart + frac).replace(/^0+(?=\d)/, '') || '0');
		if (m[1] === '-') digits = -digits;
		if (digits === 0n) return new Num(0n, 0, MAX_PREC);
		// Strip decimal zeros so huge exponents of small numbers stay cheap.
		while (digits % 10n === 0n) {
			digits /= 10n;
			e10++;
		}
		if (e10 >= 0) return Num.make(digits * 10n ** BigInt(e10), 0, MAX_PREC);
		return Num.fromRatio(digits, 10n ** BigInt(-e10), 0, MAX_PREC);
	}

	/** cty.NumberIntVal: 64-bit precision (or the bit length, if larger). */
	static fromInt(n: number | bigint): Num {
		const b = typeof n === 'bigint' ? n : BigInt(Math.trunc(n));
		return Num.make(b, 0, Math.max(64, bitLen(b)));
	}

	/** cty.NumberFloatVal: a float64, 53-bit precision. */
	static fromJs(n: number): Num {
		if (Number.isNaN(n)) throw new NumError('NaN is not a number');
		if (!Number.isFinite(n)) return Num.infinity(n > 0 ? 1 : -1, 53);
		if (Number.isInteger(n)) return Num.make(BigInt(n), 0, 53);
		// Doubling a double is exact, so this reaches the integer mantissa without loss.
		let e = 0;
		let x = n;
		while (!Number.isInteger(x)) {
			x *= 2;
			e--;
		}
		return Num.make(BigInt(x), e, 53);
	}

	isInfinite(): boolean {
		return this.inf !== 0;
	}

	isZero(): boolean {
		return this.inf === 0 && this.mant === 0n;
	}

	sign(): -1 | 0 | 1 {
		if (this.inf !== 0) return this.inf;
		return this.mant === 0n ? 0 : this.mant < 0n ? -1 : 1;
	}

	isInteger(): boolean {
		return this.inf === 0 && (this.mant === 0n || this.exp >= 0);
	}

	toBigInt(): bigint | undefined {
		if (!this.isInteger()) return undefined;
		return this.mant << BigInt(this.exp);
	}

	/** Truncated toward zero (big.Float.Int). Infinity has none. */
	truncBigInt(): bigint {
		if (this.inf !== 0) throw new NumError("can't truncate infinity to an integer");
		if (this.exp >= 0) return this.mant << BigInt(this.exp);
		const neg = this.mant < 0n;
		const q = (neg ? -this.mant : this.mant) >> BigInt(-this.exp);
		return neg ? -q : q;
	}

	toJsNumber(): number {
		if (this.inf !== 0) return this.inf * Number.POSITIVE_INFINITY;
		if (this.mant === 0n) return 0;
		// Round to 53 bits ourselves, then scale: avoids double rounding and overflow in Number().
		const r = Num.make(this.mant, this.exp, 53);
		return Number(r.mant) * 2 ** r.exp;
	}

	neg(): Num {
		if (this.inf !== 0) return Num.infinity(this.inf === 1 ? -1 : 1, this.prec);
		return new Num(-this.mant, this.exp, this.prec);
	}

	abs(): Num {
		return this.sign() < 0 ? this.neg() : this;
	}

	add(o: Num): Num {
		const prec = Math.max(this.prec, o.prec);
		if (this.inf !== 0 || o.inf !== 0) {
			if (this.inf !== 0 && o.inf !== 0 && this.inf !== o.inf) {
				throw new NumError('addition of infinities with opposite signs');
			}
			return Num.infinity(this.inf !== 0 ? this.inf : (o.inf as 1 | -1), prec);
		}
		const e = Math.min(this.exp, o.exp);
		const a = this.mant << BigInt(this.exp - e);
		const b = o.mant << BigInt(o.exp - e);
		return Num.make(a + b, e, prec);
	}

	sub(o: Num): Num {
		return this.add(o.neg());
	}

	mul(o: Num): Num {
		const prec = Math.max(this.prec, o.prec);
		if (this.inf !== 0 || o.inf !== 0) {
			const s = this.sign() * o.sign();
			if (s === 0) throw new NumError('multiplication of zero with infinity');
			return Num.infinity(s as 1 | -1, prec);
		}
		// cty: product at 512 bits, then the larger of operand precision and bits needed.
		const r = Num.make(this.mant * o.mant, this.exp + o.exp, MAX_PREC);
		const need = bitLen(r.mant);
		return new Num(r.mant, r.exp, Math.min(MAX_PREC, Math.max(prec, need)));
	}

	div(o: Num): Num {
		const prec = Math.max(this.prec, o.prec);
		if ((this.isZero() && o.isZero()) || (this.inf !== 0 && o.inf !== 0)) {
			throw new NumError("can't divide zero by zero or infinity by infinity");
		}
		if (this.inf !== 0) return Num.infinity((this.inf * (o.sign() || 1)) as 1 | -1, prec);
		if (o.inf !== 0) return new Num(0n, 0, prec);
		if (o.isZero()) return Num.infinity(this.sign() < 0 ? -1 : 1, prec);
		return Num.fromRatio(this.mant, o.mant, this.exp - o.exp, prec);
	}

	/** cty Modulo: a - b*trunc(a/b); x % 0 is x (cty); the sign follows the dividend. */
	mod(o: Num): Num {
		if (this.inf !== 0 || o.inf !== 0) {
			if (this.isZero() || o.isZero()) {
				throw new NumError("can't use modulo with zero and infinity");
			}
			return this.mul(o);
		}
		if (o.isZero()) return this;
		const q = this.div(o).truncBigInt();
		const qn = Num.make(q, 0, Math.max(this.prec, bitLen(q)));
		return this.sub(o.mul(qn));
	}

	cmp(o: Num): -1 | 0 | 1 {
		if (this.inf !== 0 || o.inf !== 0) {
			const a = this.inf !== 0 ? this.inf * 2 : this.sign();
			const b = o.inf !== 0 ? o.inf * 2 : o.sign();
			return a < b ? -1 : a > b ? 1 : 0;
		}
		const d = this.sub(o);
		return d.sign();
	}

	eq(o: Num): boolean {
		return this.cmp(o) === 0;
	}

	/** Toward -Inf (cty floor uses big.Float.Int and adjusts). */
	floor(): Num {
		if (this.inf !== 0 || this.isInteger()) return this;
		let i = this.truncBigInt();
		if (this.sign() < 0) i -= 1n;
		return Num.make(i, 0, this.prec);
	}

	ceil(): Num {
		if (this.inf !== 0 || this.isInteger()) return this;
		let i = this.truncBigInt();
		if (this.sign() > 0) i += 1n;
		return Num.make(i, 0, this.prec);
	}

	/** Toward zero (the `int` function). */
	trunc(): Num {
		if (this.inf !== 0 || this.isInteger()) return this;
		const i = this.truncBigInt();
		return Num.make(i, 0, Math.max(64, bitLen(i)));
	}

	/** cty's pow: math.Pow on float64s (NumberFloatVal result). */
	pow(o: Num): Num {
		return Num.fromJs(this.toJsNumber() ** o.toJsNumber());
	}

	/** cty's log: math.Log(num)/math.Log(base) on float64s. */
	log(base: Num): Num {
		return Num.fromJs(Math.log(this.toJsNumber()) / Math.log(base.toJsNumber()));
	}

	/** big.Float.Text('f', -1): what cty prints when converting a number to a string. */
	toString(): string {
		if (this.inf !== 0) return this.inf > 0 ? '+Inf' : '-Inf';
		if (this.mant === 0n) return '0';
		const neg = this.mant < 0n;
		const m = neg ? -this.mant : this.mant;
		// Integers whose ulp is at most 1 print exactly: no shorter decimal is within half an ulp.
		if (this.exp >= 0 && bitLen(m) + this.exp <= this.prec) {
			const digits = (m << BigInt(this.exp)).toString();
			return neg ? `-${digits}` : digits;
		}
		const d = shortestDigits(m, this.exp, this.prec);
		// 'f' format: all integer digits, then the needed fraction digits.
		let out: string;
		if (d.exp <= 0) out = `0.${'0'.repeat(-d.exp)}${d.digits}`;
		else if (d.exp >= d.digits.length) out = d.digits + '0'.repeat(d.exp - d.digits.length);
		else out = `${d.digits.slice(0, d.exp)}.${d.digits.slice(d.exp)}`;
		return neg ? `-${out}` : out;
	}

	/** big.Float.Text(fmt, prec): e/E/f/g/G with a precision (negative: shortest). */
	text(fmt: 'e' | 'E' | 'f' | 'g' | 'G', prec: number): string {
		if (this.inf !== 0) return this.inf > 0 ? '+Inf' : '-Inf';
		const neg = this.mant < 0n;
		const body = floatText(neg ? -this.mant : this.mant, this.exp, this.prec, fmt, prec);
		return neg ? `-${body}` : body;
	}

	/** The exact decimal expansion (no shortest rounding); for tests and debugging. */
	toExactString(): string {
		if (this.inf !== 0 || this.mant === 0n) return this.toString();
		const neg = this.mant < 0n;
		const d = decimalDigits(neg ? -this.mant : this.mant, this.exp);
		let out: string;
		if (d.exp <= 0) out = `0.${'0'.repeat(-d.exp)}${d.digits}`;
		else if (d.exp >= d.digits.length) out = d.digits + '0'.repeat(d.exp - d.digits.length);
		else out = `${d.digits.slice(0, d.exp)}.${d.digits.slice(d.exp)}`;
		return neg ? `-${out}` : out;
	}
}

export const ZERO = Num.fromInt(0);
export const ONE = Num.fromInt(1);
