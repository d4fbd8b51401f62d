// Decimal text of binary floats, as Go's math/big does for Text('f', -1): the exact decimal
// expansion, then the shortest prefix that still reads back to the same value at the float's
// precision (Go's roundShortest, including its digit-wise bound comparison).

/** Digits without trailing zeros; value = 0.digits * 10^exp. */
export interface Decimal {
	digits: string;
	exp: number;
}

/** Exact decimal of m * 2^e, m > 0. */
export function decimalDigits(m: bigint, e: number): Decimal {
	let s: string;
	let point: number;
	if (e >= 0) {
		s = (m << BigInt(e)).toString();
		point = s.length;
	} else {
		// m / 2^k = m * 5^k / 10^k
		s = (m * 5n ** BigInt(-e)).toString();
		point = s.length + e;
	}
	const trimmed = s.replace(/0+$/, '');
	return {digits: trimmed, exp: point};
}

function bitLen(n: bigint): number {
	return n === 0n ? 0 : n.toString(2).length;
}

function at(d: Decimal, i: number): string {
	return i < d.digits.length ? (d.digits[i] as string) : '0';
}

function trim(d: Decimal): Decimal {
	const digits = d.digits.replace(/0+$/, '');
	return digits === '' ? {digits: '', exp: 0} : {digits, exp: d.exp};
}

function roundDown(d: Decimal, n: number): Decimal {
	return trim({digits: d.digits.slice(0, n), exp: d.exp});
}

function roundUp(d: Decimal, n: number): Decimal {
	const ds = d.digits.slice(0, n).split('');
	let i = n - 1;
	while (i >= 0 && ds[i] === '9') i--;
	if (i < 0) return {digits: '1', exp: d.exp + 1};
	ds[i] = String(Number(ds[i]) + 1);
	return trim({digits: ds.slice(0, i + 1).join(''), exp: d.exp});
}

/** Go decimal.round: nearest, ties to even; n <= 0 or past the end keeps d as is. */
export function roundNearest(d: Decimal, n: number): Decimal {
	if (n < 0) return d;
	const c = d.digits[n];
	if (c === undefined) return d;
	let up: boolean;
	if (c === '5' && n + 1 === d.digits.length) {
		up = n > 0 && Number(d.digits[n - 1]) % 2 !== 0;
	} else {
		up = c >= '5';
	}
	return up ? roundUp(d, n) : roundDown(d, n);
}

/** Shortest decimal for m * 2^e (m > 0) at `prec` bits of precision. */
export function shortestDigits(m: bigint, e: number, prec: number): Decimal {
	const d = decimalDigits(m, e);
	// Mantissa with prec+1 bits: its lsb is half an ulp at this precision.
	const s = bitLen(m) - (prec + 1);
	let mant = m;
	let exp = e;
	if (s < 0) mant <<= BigInt(-s);
	else if (s > 0) mant >>= BigInt(s);
	exp += s;
	const lower = decimalDigits(mant - 1n, exp);
	const upper = decimalDigits(mant + 1n, exp);
	const inclusive = (mant & 2n) === 0n;
	for (let i = 0; i < d.digits.length; i++) {
		const mch = d.digits[i] as string;
		const l = at(lower, i);
		const u = at(upper, i);
		const okdown = l !== mch || (inclusive && i + 1 === lower.digits.length);
		const okup =
			mch !== u && (inclusive || Number(mch) + 1 < Number(u) || i + 1 < upper.digits.length);
		if (okdown && okup) return roundNearest(d, i + 1);
		if (okdown) return roundDown(d, i + 1);
		if (okup) return roundUp(d, i + 1);
	}
	return d;
}

function fmtE(d: Decimal, prec: number, upper: boolean): string {
	const first = d.digits[0] ?? '0';
	let out = first;
	if (prec > 0) {
		out += '.';
		const rest = d.digits.slice(1, 1 + prec);
		out += rest + '0'.repeat(prec - rest.length);
	}
	const exp = d.digits.length === 0 ? 0 : d.exp - 1;
	const sign = exp < 0 ? '-' : '+';
	const abs = Math.abs(exp);
	return `${out}${upper ? 'E' : 'e'}${sign}${abs < 10 ? `0${abs}` : abs}`;
}

function fmtF(d: Decimal, prec: number): string {
	let out = '';
	if (d.exp > 0) {
		const n = Math.min(d.digits.length, d.exp);
		out = d.digits.slice(0, n) + '0'.repeat(d.exp - n);
	} else out = '0';
	if (prec > 0) {
		out += '.';
		for (let i = 1; i <= prec; i++) {
			const j = d.exp + i - 1;
			out += j >= 0 && j < d.digits.length ? d.digits[j] : '0';
		}
	}
	return out;
}

/**
 * big.Float.Text(fmt, prec) for |m| * 2^e at `bits` precision (sign handled by the caller);
 * prec < 0 means shortest.
 */
export function floatText(
	m: bigint,
	e: number,
	bits: number,
	fmt: 'e' | 'E' | 'f' | 'g' | 'G',
	prec: number,
): string {
	let d: Decimal = m === 0n ? {digits: '', exp: 0} : decimalDigits(m, e);
	const shortest = prec < 0;
	let p = prec;
	if (shortest) {
		if (m !== 0n) d = shortestDigits(m, e, bits);
		if (fmt === 'e' || fmt === 'E') p = d.digits.length - 1;
		else if (fmt === 'f') p = Math.max(d.digits.length - d.exp, 0);
		else p = d.digits.length;
	} else if (fmt === 'e' || fmt === 'E') d = roundNearest(d, 1 + p);
	else if (fmt === 'f') d = roundNearest(d, d.exp + p);
	else {
		if (p === 0) p = 1;
		d = roundNearest(d, p);
	}
	if (fmt === 'e' || fmt === 'E') return fmtE(d, p, fmt === 'E');
	if (fmt === 'f') return fmtF(d, p);
	let eprec = p;
	if (eprec > d.digits.length && d.digits.length >= d.exp) eprec = d.digits.length;
	if (shortest) eprec = 6;
	const exp = d.exp - 1;
	if (exp < -4 || exp >= eprec) {
		if (p > d.digits.length) p = d.digits.length;
		return fmtE(d, p - 1, fmt === 'G');
	}
	if (p > d.exp) p = d.digits.length;
	return fmtF(d, Math.max(p - d.exp, 0));
}
