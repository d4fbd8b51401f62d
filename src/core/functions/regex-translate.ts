// Translates Go RE2 syntax (regexp/syntax, Perl flags) into an equivalent JavaScript RegExp
// with the `u` flag. Go rejects some Perl constructs that JS has (lookaround, backreferences):
// those get Go's own syntax errors. RE2 constructs JS cannot express get ReUnsupportedError.

export class ReSyntaxError extends Error {
	readonly code: string;
	readonly expr: string;
	constructor(code: string, expr: string) {
		super(`error parsing regexp: ${code}: \`${expr}\``);
		this.code = code;
		this.expr = expr;
	}
}

export class ReUnsupportedError extends Error {}

export interface Translated {
	readonly regexp: RegExp;
	/** Name of each capture group in order ('' when unnamed). */
	readonly names: readonly string[];
}

const POSIX: Record<string, string> = {
	alnum: '0-9A-Za-z',
	alpha: 'A-Za-z',
	ascii: '\\x00-\\x7f',
	blank: '\\t ',
	cntrl: '\\x00-\\x1f\\x7f',
	digit: '0-9',
	graph: '!-~',
	lower: 'a-z',
	print: ' -~',
	punct: '!-\\/:-@\\[-`{-~',
	space: '\\t\\n\\v\\f\\r ',
	upper: 'A-Z',
	word: '0-9A-Za-z_',
	xdigit: '0-9A-Fa-f',
};
// Go's \s is ASCII-only, unlike JS's.
const PERL: Record<string, string> = {
	d: '0-9',
	s: '\\t\\n\\f\\r ',
	w: '0-9A-Za-z_',
};
const GENERAL_CATEGORIES =
	/^(?:[CLMNPSZ]|C[cfos]|L[lmotu]|M[cen]|N[dlo]|P[cdefios]|S[ckmo]|Z[lps])$/;

const JS_SYNTAX = new Set([...'^$\\.*+?()[]{}|/']);
const lit = (ch: string) => (JS_SYNTAX.has(ch) ? `\\${ch}` : ch);
const classLit = (ch: string) => (/[\\\][\-^]/.test(ch) ? `\\${ch}` : ch);
const cpHex = (cp: number) => `\\u{${cp.toString(16)}}`;

export function translateGoRegexp(pattern: string): Translated {
	const chars = [...pattern];
	let i = 0;
	let flags = 'u';
	let ungreedy = false;
	// Leading (?flags) groups map onto JS flags; later ones have no JS equivalent.
	for (;;) {
		const m = /^\(\?([imsU]*)(?:-([imsU]*))?\)/.exec(chars.slice(i).join(''));
		if (!m || m[0] === '(?)') break;
		for (const f of m[1] ?? '') {
			if (f === 'U') ungreedy = true;
			else if (!flags.includes(f)) flags += f;
		}
		i += m[0].length;
	}
	const names: string[] = [];
	const open: number[] = [];
	let out = '';
	let canRepeat = false;
	let lastWasRepeat = false;
	const rest = () => chars.slice(i).join('');

	const readEscape = (inClass: boolean): string => {
		const start = i;
		const c = chars[i + 1];
		if (c === undefined) throw new ReSyntaxError('trailing backslash at end of expression', '');
		i += 2;
		const text = () => chars.slice(start, i).join('');
		if (/[1-7]/.test(c) && !/[0-7]/.test(chars[i] ?? '')) {
			throw new ReSyntaxError('invalid escape sequence', text());
		}
		if (/[0-7]/.test(c)) {
			let digits = c;
			while (digits.length < 3 && /[0-7]/.test(chars[i] ?? '')) digits += chars[i++];
			return cpHex(Number.parseInt(digits, 8));
		}
		switch (c) {
			case 'a':
				return cpHex(7);
			case 'f':
				return '\\f';
			case 't':
				return '\\t';
			case 'n':
				return '\\n';
			case 'r':
				return '\\r';
			case 'v':
				return '\\v';
			case 'x': {
				if (chars[i] === '{') {
					const close = chars.indexOf('}', i);
					const hex = chars.slice(i + 1, close).join('');
					if (close < 0 || !/^[0-9a-fA-F]+$/.test(hex) || Number.parseInt(hex, 16) > 0x10ffff) {
						throw new ReSyntaxError(
							'invalid escape sequence',
							chars.slice(start, close < 0 ? chars.length : close + 1).join(''),
						);
					}
					i = close + 1;
					return cpHex(Number.parseInt(hex, 16));
				}
				const hex = chars.slice(i, i + 2).join('');
				if (!/^[0-9a-fA-F]{2}$/.test(hex))
					throw new ReSyntaxError('invalid escape sequence', text());
				i += 2;
				return cpHex(Number.parseInt(hex, 16));
			}
			case 'd':
			case 's':
			case 'w':
				return inClass ? (PERL[c] ?? '') : `[${PERL[c]}]`;
			case 'D':
			case 'S':
			case 'W':
				if (inClass) throw new ReUnsupportedError(`negated class \\${c} inside [...]`);
				return `[^${PERL[c.toLowerCase()]}]`;
			case 'p':
			case 'P': {
				let name: string;
				if (chars[i] === '{') {
					const close = chars.indexOf('}', i);
					if (close < 0) throw new ReSyntaxError('invalid character class range', rest());
					name = chars.slice(i + 1, close).join('');
					i = close + 1;
				} else {
					name = chars[i] ?? '';
					i++;
				}
				let neg = c === 'P';
				if (name.startsWith('^')) {
					neg = !neg;
					name = name.slice(1);
				}
				const prop =
					name === 'Any' ? 'Any' : GENERAL_CATEGORIES.test(name) ? name : `Script=${name}`;
				try {
					new RegExp(`\\p{${prop}}`, 'u');
				} catch {
					throw new ReSyntaxError('invalid character class range', text());
				}
				return `\\${neg ? 'P' : 'p'}{${prop}}`;
			}
			case 'Q': {
				const end = chars.indexOf('\\', i);
				let stop = chars.length;
				for (let k = end; k >= 0 && k < chars.length; k = chars.indexOf('\\', k + 1)) {
					if (chars[k + 1] === 'E') {
						stop = k;
						break;
					}
				}
				const quoted = chars
					.slice(i, stop)
					.map(inClass ? classLit : lit)
					.join('');
				i = stop === chars.length ? stop : stop + 2;
				return quoted;
			}
		}
		if (!inClass) {
			if (c === 'A') return flags.includes('m') ? '(?<![\\s\\S])' : '^';
			if (c === 'z') return '(?![\\s\\S])';
			if (c === 'b' || c === 'B') return `\\${c}`;
		}
		// Go lets any ASCII punctuation be escaped; JS `u` mode only syntax characters.
		if (/[!-/:-@[-`{-~]/.test(c)) return inClass ? classLit(c) : lit(c);
		throw new ReSyntaxError('invalid escape sequence', text());
	};

	const charClass = (): string => {
		const start = i;
		i++;
		let negate = false;
		if (chars[i] === '^') {
			negate = true;
			i++;
		}
		let body = '';
		let first = true;
		while (first || chars[i] !== ']') {
			if (i >= chars.length)
				throw new ReSyntaxError('missing closing ]', chars.slice(start).join(''));
			first = false;
			const posix = /^\[:(\^?)([a-z]+):\]/.exec(rest());
			if (posix) {
				const set = POSIX[posix[2] ?? ''];
				if (set === undefined) throw new ReSyntaxError('invalid character class range', posix[0]);
				if (posix[1]) throw new ReUnsupportedError(`negated POSIX class ${posix[0]} inside [...]`);
				body += set;
				i += posix[0].length;
				continue;
			}
			const itemStart = i;
			const one = (): {text: string; cp?: number} => {
				if (chars[i] === '\\') {
					const t = readEscape(true);
					const m = /^\\u\{([0-9a-f]+)\}$/.exec(t);
					if (m) return {text: t, cp: Number.parseInt(m[1] ?? '0', 16)};
					if (/^\\.$/.test(t)) return {text: t, cp: t.codePointAt(1)};
					return {text: t};
				}
				const ch = chars[i++] as string;
				return {text: classLit(ch), cp: ch.codePointAt(0)};
			};
			const lo = one();
			if (chars[i] === '-' && chars[i + 1] !== ']' && i + 1 < chars.length) {
				i++;
				const hi = one();
				if (lo.cp === undefined || hi.cp === undefined || hi.cp < lo.cp) {
					throw new ReSyntaxError(
						'invalid character class range',
						chars.slice(itemStart, i).join(''),
					);
				}
				body += `${lo.text}-${hi.text}`;
			} else body += lo.text;
		}
		i++;
		return `[${negate ? '^' : ''}${body}]`;
	};

	while (i < chars.length) {
		const c = chars[i] as string;
		const quant = /^(?:[*+?]|\{(\d+)(?:(,)(\d*))?\})/.exec(rest());
		if (quant) {
			const opText = quant[0];
			if (lastWasRepeat)
				throw new ReSyntaxError(
					'invalid nested repetition operator',
					chars.slice(i - 1, i + 1).join(''),
				);
			if (!canRepeat) throw new ReSyntaxError('missing argument to repetition operator', opText);
			const min = quant[1] === undefined ? 0 : Number(quant[1]);
			const max = quant[3] === undefined || quant[3] === '' ? min : Number(quant[3]);
			if (quant[1] !== undefined && (min > 1000 || max > 1000 || (quant[3] && max < min))) {
				throw new ReSyntaxError('invalid repeat count', opText);
			}
			i += opText.length;
			let lazy = chars[i] === '?';
			if (lazy) i++;
			if (ungreedy) lazy = !lazy;
			out += opText + (lazy ? '?' : '');
			lastWasRepeat = true;
			continue;
		}
		lastWasRepeat = false;
		canRepeat = true;
		switch (c) {
			case '\\': {
				const t = readEscape(false);
				if (t === '^' || t === '\\b' || t === '\\B' || t.startsWith('(?')) canRepeat = false;
				out += t;
				continue;
			}
			case '[':
				out += charClass();
				continue;
			case '(': {
				const r = rest();
				const named = /^\(\?P?<([^>]*)>/.exec(r);
				if (named && !/^\(\?<[=!]/.test(r)) {
					const name = named[1] ?? '';
					if (!/^[A-Za-z0-9_]+$/.test(name) || names.includes(name)) {
						throw new ReSyntaxError('invalid named capture', named[0]);
					}
					names.push(name);
					out += `(?<${name}>`;
					i += named[0].length;
				} else if (r.startsWith('(?:')) {
					out += '(?:';
					i += 3;
				} else if (r.startsWith('(?')) {
					const flagGroup = /^\(\?[imsU-]*[:)]/.exec(r);
					if (flagGroup)
						throw new ReUnsupportedError(
							`flag group ${flagGroup[0]} after the start of the pattern`,
						);
					throw new ReSyntaxError(
						'invalid or unsupported Perl syntax',
						r.slice(0, 3 + (r[2] === '<' ? 1 : 0)),
					);
				} else {
					names.push('');
					out += '(';
					i++;
				}
				open.push(i);
				canRepeat = false;
				continue;
			}
			case ')':
				if (open.length === 0) throw new ReSyntaxError('unexpected )', pattern);
				open.pop();
				out += ')';
				i++;
				continue;
			case '|':
			case '^':
			case '$':
				canRepeat = false;
				out += c;
				i++;
				continue;
			case '.':
				// JS `.` also refuses \r and U+2028/9; Go's refuses only \n.
				out += flags.includes('s') ? '.' : '[^\\n]';
				i++;
				continue;
			default:
				out += lit(c);
				i++;
		}
	}
	if (open.length > 0) throw new ReSyntaxError('missing closing )', pattern);
	try {
		return {regexp: new RegExp(out, `${flags}g`), names};
	} catch (err) {
		throw new ReUnsupportedError(
			`cannot translate to a JavaScript regular expression (${(err as Error).message})`,
		);
	}
}
