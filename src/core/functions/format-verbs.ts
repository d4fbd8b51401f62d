// The engine of cty's format/formatlist (format.go + format_fsm.rl): parses %-sequences and
// renders each one exactly as cty does, leaning on Go's fmt rules for numbers.

import {ConversionError, convert} from '../cty/convert.js';
import {jsonEncode, jsonQuote} from '../cty/json.js';
import type {Num} from '../cty/number.js';
import type {Value} from '../cty/value.js';
import {BOOL, NUMBER, STRING} from '../cty/value.js';
import {graphemes} from './args.js';

interface Verb {
	raw: string;
	offset: number;
	argNum: number;
	mode: string;
	zero: boolean;
	sharp: boolean;
	plus: boolean;
	minus: boolean;
	space: boolean;
	width: number;
	prec: number;
}

const utf8Len = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Go's %q of a rune, for messages. */
function runeQuote(c: string): string {
	return c === "'" ? "'\\''" : `'${c}'`;
}

export function formatString(format: string, args: readonly Value[]): string {
	let out = '';
	let i = 0;
	let nextArg = 1;
	const used = new Set<number>();
	const off = (k: number): number => utf8Len(format.slice(0, k));
	while (i < format.length) {
		const c = format[i] as string;
		if (c !== '%') {
			out += c;
			i++;
			continue;
		}
		const start = i;
		i++;
		if (format[i] === '%') {
			out += '%';
			i++;
			continue;
		}
		const v: Verb = {
			raw: '',
			offset: off(start),
			argNum: nextArg,
			mode: '',
			zero: false,
			sharp: false,
			plus: false,
			minus: false,
			space: false,
			width: -1,
			prec: -1,
		};
		const bad = (k: number): never => {
			if (k >= format.length) {
				throw new Error(`extraneous characters beginning at offset ${off(format.length)}`);
			}
			const ch = String.fromCodePoint(format.codePointAt(k) as number);
			throw new Error(`unrecognized format character ${runeQuote(ch)} at offset ${off(k)}`);
		};
		for (;;) {
			const f = format[i];
			if (f === '+') v.plus = true;
			else if (f === '-') v.minus = true;
			else if (f === '#') v.sharp = true;
			else if (f === ' ') v.space = true;
			else if (f === '0') v.zero = true;
			else break;
			i++;
		}
		if (format[i] === '[') {
			i++;
			if (!/[1-9]/.test(format[i] ?? '')) bad(i);
			let n = '';
			while (/[0-9]/.test(format[i] ?? '')) n += format[i++];
			if (format[i] !== ']') bad(i);
			i++;
			v.argNum = Number(n);
		}
		let w = '';
		while (/[0-9]/.test(format[i] ?? '')) w += format[i++];
		if (w !== '') v.width = Number(w);
		if (format[i] === '.') {
			i++;
			let pr = '';
			while (/[0-9]/.test(format[i] ?? '')) pr += format[i++];
			v.prec = pr === '' ? 0 : Number(pr);
		}
		const m = format[i];
		if (m === undefined || !/[A-Za-z]/.test(m)) bad(i);
		v.mode = m as string;
		i++;
		v.raw = format.slice(start, i);
		nextArg = v.argNum + 1;
		used.add(v.argNum);
		out += formatVerb(v, args);
	}
	if (args.length > 0) {
		if (used.size === 0) throw new Error('too many arguments; no verbs in format string');
		const inRange = [...used].filter((n) => n <= args.length).length;
		if (inRange < args.length) {
			throw new Error(`too many arguments; only ${inRange} used by format string`);
		}
	}
	return out;
}

function unsupported(v: Verb, why: string): Error {
	return new Error(`unsupported value for "${v.raw}" at ${v.offset}: ${why}`);
}

function conv(v: Verb, a: Value, t: typeof STRING): Value {
	try {
		return convert(a, t);
	} catch (err) {
		if (err instanceof ConversionError) throw unsupported(v, err.message);
		throw err;
	}
}

function padWidth(v: Verb, s: string): string {
	if (v.width < 0) return s;
	const n = graphemes(s).length;
	if (n >= v.width) return s;
	const pad = (v.zero ? '0' : ' ').repeat(v.width - n);
	return v.minus ? s + pad : pad + s;
}

function formatVerb(v: Verb, args: readonly Value[]): string {
	const a = args[v.argNum - 1];
	if (a === undefined) {
		throw new Error(
			`not enough arguments for "${v.raw}" at ${v.offset}: need index ${v.argNum} but have ${args.length} total`,
		);
	}
	if (v.mode !== 'v' && a.kind === 'null') throw unsupported(v, 'null value cannot be formatted');
	switch (v.mode) {
		case 'v':
			if (!v.sharp && a.kind === 'string') return padWidth(v, a.value);
			if (!v.sharp && a.kind === 'number') return padWidth(v, a.value.text('g', -1));
			try {
				return padWidth(v, jsonEncode(a));
			} catch (err) {
				throw unsupported(v, (err as Error).message);
			}
		case 't': {
			const b = conv(v, a, BOOL);
			return b.kind === 'bool' && b.value ? 'true' : 'false';
		}
		case 'b':
		case 'd':
		case 'o':
		case 'x':
		case 'X':
		case 'e':
		case 'E':
		case 'f':
		case 'g':
		case 'G': {
			const n = conv(v, a, NUMBER);
			if (n.kind !== 'number') throw unsupported(v, 'null value cannot be formatted');
			return 'bdoxX'.includes(v.mode) ? formatInteger(v, n.value) : formatFloat(v, n.value);
		}
		case 's':
		case 'q': {
			const s = conv(v, a, STRING);
			let text = s.kind === 'string' ? s.value : '';
			if (v.prec > 0) text = graphemes(text).slice(0, v.prec).join('');
			return padWidth(v, v.mode === 'q' ? jsonQuote(text) : text);
		}
		default:
			throw new Error(
				`unsupported format verb ${runeQuote(v.mode)} in "${v.raw}" at offset ${v.offset}`,
			);
	}
}

/** Go's fmt for *big.Int (sign, #-prefix, precision zeros, width). */
function formatInteger(v: Verb, n: Num): string {
	const bi = n.isInteger() ? n.toBigInt() : undefined;
	if (bi === undefined) throw unsupported(v, 'an integer is required');
	const base = v.mode === 'b' ? 2 : v.mode === 'o' ? 8 : v.mode === 'd' ? 10 : 16;
	let digits = (bi < 0n ? -bi : bi).toString(base);
	if (v.mode === 'X') digits = digits.toUpperCase();
	const sign = bi < 0n ? '-' : v.plus ? '+' : v.space ? ' ' : '';
	let prefix = '';
	if (v.sharp) prefix = {b: '0b', o: '0', x: '0x', X: '0X', d: ''}[v.mode] ?? '';
	let zeros = 0;
	if (v.prec >= 0) {
		if (digits.length < v.prec) zeros = v.prec - digits.length;
		else if (digits === '0' && v.prec === 0) return ''.padStart(Math.max(v.width, 0));
	}
	let left = 0;
	let right = 0;
	const length = sign.length + prefix.length + zeros + digits.length;
	if (v.width >= 0 && length < v.width) {
		const d = v.width - length;
		if (v.minus) right = d;
		else if (v.zero && v.prec < 0) zeros = d;
		else left = d;
	}
	return ' '.repeat(left) + sign + prefix + '0'.repeat(zeros) + digits + ' '.repeat(right);
}

/** Go's fmt for *big.Float: default precision 6 for %e/%f, shortest for %g. */
function formatFloat(v: Verb, n: Num): string {
	const mode = v.mode as 'e' | 'E' | 'f' | 'g' | 'G';
	let prec = v.prec;
	if (prec < 0 && (mode === 'e' || mode === 'E' || mode === 'f')) prec = 6;
	let body = n.text(mode, prec);
	let sign = '';
	if (body.startsWith('-')) {
		sign = '-';
		body = body.slice(1);
	} else if (body.startsWith('+')) {
		sign = v.space ? ' ' : '+';
		body = body.slice(1);
	} else if (v.plus) sign = '+';
	else if (v.space) sign = ' ';
	const padding = v.width > sign.length + body.length ? v.width - sign.length - body.length : 0;
	if (v.zero && !v.minus && !n.isInfinite()) return sign + '0'.repeat(padding) + body;
	if (v.minus) return sign + body + ' '.repeat(padding);
	return ' '.repeat(padding) + sign + body;
}
