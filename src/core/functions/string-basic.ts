// String functions from cty's stdlib (string.go) with Go's semantics: case mapping is per code
// point (Go's simple mapping, so "ß" stays "ß"), lengths and offsets count grapheme clusters.

import {Num} from '../cty/number.js';
import type {Value} from '../cty/value.js';
import {list, NUMBER, STRING, str as strVal} from '../cty/value.js';
import {goInt, graphemes, num, p, pNum, pStr, str} from './args.js';
import type {FunctionDef} from './types.js';
import {FunctionArgError} from './types.js';

/** Go unicode.IsSpace. */
const GO_SPACE =
	'\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

function mapRunes(s: string, f: (c: string) => string): string {
	let out = '';
	for (const c of s) {
		const m = f(c);
		// Keep one-to-one mappings only, as Go's unicode.ToUpper/ToLower do.
		out += [...m].length === 1 ? m : c;
	}
	return out;
}

export function goUpper(s: string): string {
	return mapRunes(s, (c) => c.toUpperCase());
}

export function goLower(s: string): string {
	return mapRunes(s, (c) => c.toLowerCase());
}

function isSeparator(r: string): boolean {
	const c = r.codePointAt(0) as number;
	if (c <= 0x7f) return !/[0-9A-Za-z_]/.test(r);
	if (/[\p{L}\p{Nd}]/u.test(r)) return false;
	return GO_SPACE.includes(r);
}

/** Go strings.Title. */
export function goTitle(s: string): string {
	let prev = ' ';
	let out = '';
	for (const c of s) {
		out += isSeparator(prev) ? mapRunes(c, (x) => x.toUpperCase()) : c;
		prev = c;
	}
	return out;
}

function trimSet(s: string, cut: Set<string>, left: boolean, right: boolean): string {
	const rs = [...s];
	let a = 0;
	let b = rs.length;
	if (left) while (a < b && cut.has(rs[a] as string)) a++;
	if (right) while (b > a && cut.has(rs[b - 1] as string)) b--;
	return rs.slice(a, b).join('');
}

export function goTrimSpace(s: string): string {
	return trimSet(s, new Set(GO_SPACE), true, true);
}

/** strings.Split: an empty separator splits into code points. */
export function goSplit(s: string, sep: string): string[] {
	return sep === '' ? [...s] : s.split(sep);
}

function substr(s: string, offset: number, length: number): string {
	const gs = graphemes(s);
	let off = offset;
	if (off < 0) off += gs.length;
	else if (length === 0) return '';
	if (off < 0) off = 0;
	if (off >= gs.length) return '';
	const rest = gs.slice(off);
	// cty quirk: a zero length after a negative offset takes the rest, like a negative length.
	if (length < 0 || length === 0) return rest.join('');
	return rest.slice(0, length).join('');
}

const s1 = (f: (s: string) => string): FunctionDef => ({
	params: [pStr('str')],
	impl: (args) => strVal(f(str(args, 0))),
});

export const STRING_FUNCTIONS: Record<string, FunctionDef> = {
	upper: s1(goUpper),
	lower: s1(goLower),
	title: s1(goTitle),
	trimspace: s1(goTrimSpace),
	chomp: s1((s) => s.replace(/(?:\r\n?|\n)*$/, '')),
	reverse: s1((s) => graphemes(s).reverse().join('')),
	strlen: {
		params: [pStr('str')],
		impl: (args) => ({kind: 'number', value: Num.fromInt(graphemes(str(args, 0)).length)}),
	},
	trim: {
		params: [pStr('str'), pStr('cutset')],
		impl: (args) => strVal(trimSet(str(args, 0), new Set(str(args, 1)), true, true)),
	},
	trimprefix: {
		params: [pStr('str'), pStr('prefix')],
		impl: (args) => {
			const s = str(args, 0);
			const pre = str(args, 1);
			return strVal(s.startsWith(pre) ? s.slice(pre.length) : s);
		},
	},
	trimsuffix: {
		params: [pStr('str'), pStr('suffix')],
		impl: (args) => {
			const s = str(args, 0);
			const suf = str(args, 1);
			return strVal(suf !== '' && s.endsWith(suf) ? s.slice(0, s.length - suf.length) : s);
		},
	},
	indent: {
		params: [pNum('spaces'), pStr('str')],
		impl: (args) => {
			const n = goInt(num(args, 0));
			if (n < 0) throw new Error('strings: negative Repeat count');
			return strVal(str(args, 1).replaceAll('\n', `\n${' '.repeat(n)}`));
		},
	},
	split: {
		params: [pStr('separator'), pStr('str')],
		impl: (args) => list(STRING, goSplit(str(args, 1), str(args, 0)).map(strVal)),
	},
	substr: {
		params: [pStr('str'), p('offset', NUMBER), p('length', NUMBER)],
		impl: (args) => {
			const off = goInt(num(args, 1));
			const len = goInt(num(args, 2));
			return strVal(substr(str(args, 0), off, len));
		},
	},
	join: {
		params: [pStr('separator')],
		varParam: p('lists', {kind: 'list', elem: STRING}),
		impl: (args) => {
			// Plain loops: bake trees call join for every instance name, so this stays lean.
			const sep = str(args, 0);
			const nLists = args.length - 1;
			if (nLists < 1) throw new Error('at least one list is required');
			// Sized once: a pushed-to array grows to 17 slots for the usual three or four items.
			let total = 0;
			for (let ai = 1; ai <= nLists; ai++) {
				const l = args[ai] as Value;
				if (l.kind === 'list') total += l.items.length;
			}
			const parts = new Array<string>(total);
			let n = 0;
			for (let ai = 0; ai < nLists; ai++) {
				const l = args[ai + 1] as Value;
				if (l.kind !== 'list') continue;
				for (let ei = 0; ei < l.items.length; ei++) {
					const v = l.items[ei] as Value;
					if (v.kind !== 'string') {
						const msg =
							nLists > 1
								? `element ${ei} of list ${ai + 1} is null; cannot concatenate null values`
								: `element ${ei} is null; cannot concatenate null values`;
						throw new FunctionArgError(ai + 1, msg);
					}
					parts[n++] = v.value;
				}
			}
			return strVal(parts.join(sep));
		},
	},
};
