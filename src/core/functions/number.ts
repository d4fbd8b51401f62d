// Numeric functions from cty's stdlib (number.go), with cty's precision rules via Num.

import {Num} from '../cty/number.js';
import type {Value} from '../cty/value.js';
import {NUMBER} from '../cty/value.js';
import {arg, friendly, goInt, num, p, pAny, pNum, str} from './args.js';
import type {FunctionDef} from './types.js';
import {FunctionArgError, FunctionError} from './types.js';

const n = (x: Num): Value => ({kind: 'number', value: x});

function binary(f: (a: Num, b: Num) => Num): FunctionDef {
	return {params: [pNum('a'), pNum('b')], impl: (args) => n(f(num(args, 0), num(args, 1)))};
}

function unary(f: (a: Num) => Num): FunctionDef {
	return {params: [pNum('num')], impl: (args) => n(f(num(args, 0)))};
}

function extreme(pick: (c: number) => boolean): FunctionDef {
	return {
		params: [],
		varParam: p('numbers', NUMBER),
		impl: (args) => {
			if (args.length === 0) throw new FunctionError('must pass at least one number');
			let best = num(args, 0);
			for (let i = 1; i < args.length; i++) {
				const x = num(args, i);
				if (pick(x.cmp(best))) best = x;
			}
			return n(best);
		},
	};
}

function floatResult(x: Num): Value {
	if (Number.isNaN(x.toJsNumber())) throw new FunctionError('result is not a number');
	return n(x);
}

function toFloat(x: Num): number {
	return x.toJsNumber();
}

/** big.Int.SetString digits for bases up to 62 (lowercase first above 36, as Go does). */
function digitValue(ch: string, base: number): number {
	const c = ch.charCodeAt(0);
	let d = 99;
	if (c >= 48 && c <= 57) d = c - 48;
	else if (c >= 97 && c <= 122) d = c - 97 + 10;
	else if (c >= 65 && c <= 90) d = base <= 36 ? c - 65 + 10 : c - 65 + 36;
	return d < base ? d : -1;
}

function parseBigInt(s: string, base: number): bigint | undefined {
	let t = s;
	let neg = false;
	if (t.startsWith('+') || t.startsWith('-')) {
		neg = t[0] === '-';
		t = t.slice(1);
	}
	if (t === '') return undefined;
	let v = 0n;
	const b = BigInt(base);
	for (const ch of t) {
		const d = digitValue(ch, base);
		if (d < 0) return undefined;
		v = v * b + BigInt(d);
	}
	return neg ? -v : v;
}

export const NUMBER_FUNCTIONS: Record<string, FunctionDef> = {
	absolute: unary((a) => a.abs()),
	add: binary((a, b) => a.add(b)),
	subtract: binary((a, b) => a.sub(b)),
	multiply: binary((a, b) => a.mul(b)),
	divide: binary((a, b) => a.div(b)),
	modulo: binary((a, b) => a.mod(b)),
	negate: unary((a) => a.neg()),
	max: extreme((c) => c > 0),
	min: extreme((c) => c < 0),
	int: unary((a) => a.trunc()),
	ceil: unary((a) => a.ceil()),
	floor: unary((a) => a.floor()),
	log: {
		params: [pNum('num'), pNum('base')],
		impl: (args) =>
			floatResult(Num.fromJs(Math.log(toFloat(num(args, 0))) / Math.log(toFloat(num(args, 1))))),
	},
	pow: {
		params: [pNum('num'), pNum('power')],
		impl: (args) => floatResult(Num.fromJs(toFloat(num(args, 0)) ** toFloat(num(args, 1)))),
	},
	signum: {
		params: [pNum('num')],
		impl: (args) => {
			// cty reads the argument into a Go int first, so fractions are rejected.
			const i = goInt(num(args, 0));
			return n(Num.fromInt(Math.sign(i)));
		},
	},
	parseint: {
		params: [pAny('number'), pNum('base')],
		impl: (args) => {
			const v = arg(args, 0);
			if (v.kind !== 'string') {
				throw new FunctionArgError(0, `first argument must be a string, not ${friendly(v)}`);
			}
			const s = str(args, 0);
			let base: number;
			try {
				base = goInt(num(args, 1));
			} catch (err) {
				throw new FunctionArgError(1, (err as Error).message);
			}
			if (base < 2 || base > 62) {
				throw new FunctionArgError(1, 'base must be a whole number between 2 and 62 inclusive');
			}
			const r = parseBigInt(s, base);
			if (r === undefined) {
				throw new FunctionArgError(
					0,
					`cannot parse ${JSON.stringify(s)} as a base ${base} integer`,
				);
			}
			return n(Num.fromInt(r));
		},
	},
};
