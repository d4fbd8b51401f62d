// Template modes of the scanner: quoted strings (with backslash escapes), heredocs and bare
// templates (no escapes; one literal token per line, as HCL emits them so that heredoc
// flushing and strip markers see the same pieces). `$${` and `%%{` become literal `${`/`%{`.

import type {Lexer, Mode} from './lexer.js';
import {M_BARE} from './lexer.js';
import {T} from './tokens.js';

// Runs of template text with nothing to look at, skipped by one native match (sticky: they
// match at lastIndex, possibly nothing) instead of a loop step per character.
const QUOTED_TEXT = /[^"\n\r\\$%]*/y;
const HEREDOC_TEXT = /[^\n$%]*/y;

/** Emit `${`, `${~`, `%{` or `%{~` at the current position. */
export function templateOpener(lx: Lexer): void {
	const s = lx.i;
	const control = lx.src.charCodeAt(s) === 37;
	const strip = lx.src.charCodeAt(s + 2) === 126;
	const e = s + (strip ? 3 : 2);
	const k = lx.tok(control ? T.TemplateControl : T.TemplateInterp, s, e, lx.line, '');
	if (strip) lx.flags[k] = 1;
	lx.i = e;
}

export function scanQuoted(lx: Lexer): void {
	const src = lx.src;
	const n = lx.n;
	const start = lx.i;
	const sl = lx.line;
	let i = start;
	let run = start;
	let val = '';
	for (;;) {
		QUOTED_TEXT.lastIndex = i;
		QUOTED_TEXT.test(src);
		i = QUOTED_TEXT.lastIndex;
		if (i >= n) break;
		const c = src.charCodeAt(i);
		if (c === 34 || c === 10) break;
		if (c === 13 && src.charCodeAt(i + 1) === 10) break;
		if (c === 92) {
			val += src.slice(run, i);
			i = decodeEscape(lx, i);
			val += lx.escaped;
			run = i;
			continue;
		}
		if (c === 36 || c === 37) {
			const c1 = src.charCodeAt(i + 1);
			if (c1 === 123) break;
			if (c1 === c && src.charCodeAt(i + 2) === 123) {
				val += src.slice(run, i + 1);
				val += '{';
				i += 3;
				run = i;
				continue;
			}
		}
		i++;
	}
	val += src.slice(run, i);
	lx.i = i;
	if (i > start) lx.tok(T.Lit, start, i, sl, val);
	if (i >= n) return;
	const c = src.charCodeAt(i);
	if (c === 34) {
		lx.tok(T.CQuote, i, i + 1, lx.line, '');
		lx.i = i + 1;
		lx.modes.pop();
	} else if (c === 10 || c === 13) {
		const nl = c === 13 ? i + 1 : i;
		lx.tok(T.QuotedNewline, i, nl + 1, lx.line, '');
		lx.i = nl + 1;
		lx.newlineAt(nl);
		lx.errLast(
			'Invalid multi-line string',
			'Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the "heredoc" multi-line template syntax.',
		);
	} else {
		lx.openSequence();
	}
}

/** Decode the escape at `i` (a backslash) into `lx.escaped`; return the index after it. */
function decodeEscape(lx: Lexer, i: number): number {
	const src = lx.src;
	const sel = src.charCodeAt(i + 1);
	lx.escaped = '';
	switch (sel) {
		case 110:
			lx.escaped = '\n';
			return i + 2;
		case 114:
			lx.escaped = '\r';
			return i + 2;
		case 116:
			lx.escaped = '\t';
			return i + 2;
		case 34:
			lx.escaped = '"';
			return i + 2;
		case 92:
			lx.escaped = '\\';
			return i + 2;
		case 117: // \uNNNN
		case 85: {
			// \UNNNNNNNN
			const want = sel === 117 ? 4 : 8;
			let j = i + 2;
			while (j < i + 2 + want && isHex(src.charCodeAt(j))) j++;
			if (j - (i + 2) !== want) {
				lx.errAt(
					i,
					j,
					'Invalid escape sequence',
					sel === 117
						? 'The \\u escape sequence must be followed by four hexadecimal digits.'
						: 'The \\U escape sequence must be followed by eight hexadecimal digits.',
				);
				return j;
			}
			const cp = Number.parseInt(src.slice(i + 2, j), 16);
			if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
				lx.errAt(
					i,
					j,
					'Invalid escape sequence',
					`Cannot encode character U+${cp.toString(16).padStart(4, '0')} in UTF-8.`,
				);
				return j;
			}
			lx.escaped = String.fromCodePoint(cp);
			return j;
		}
	}
	if (Number.isNaN(sel) || sel === 10 || sel === 13) {
		lx.errAt(
			i,
			i + 1,
			'Invalid escape sequence',
			'Backslash must be followed by an escape sequence selector character.',
		);
		return i + 1;
	}
	const cp = src.codePointAt(i + 1) ?? sel;
	const ch = String.fromCodePoint(cp);
	lx.errAt(
		i,
		i + 1 + ch.length,
		'Invalid escape sequence',
		`The symbol ${JSON.stringify(ch)} is not a valid escape sequence selector.`,
	);
	lx.escaped = ch;
	return i + 1 + ch.length;
}

function isHex(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** Heredoc or bare template: one literal per line; a heredoc ends at a line equal to its marker. */
export function scanHeredoc(lx: Lexer, m: Mode): void {
	const src = lx.src;
	const n = lx.n;
	const start = lx.i;
	if (m.sol && m.kind !== M_BARE && closesHeredoc(src, start, m.marker)) {
		let e = src.indexOf('\n', start);
		if (e === -1) e = n;
		if (e > start && src.charCodeAt(e - 1) === 13) e--;
		lx.tok(T.CHeredoc, start, e, lx.line, '');
		lx.i = e;
		lx.modes.pop();
		return;
	}
	const sl = lx.line;
	let i = start;
	let run = start;
	let val = '';
	let opener = false;
	let eol = false;
	for (;;) {
		HEREDOC_TEXT.lastIndex = i;
		HEREDOC_TEXT.test(src);
		i = HEREDOC_TEXT.lastIndex;
		if (i >= n) break;
		const c = src.charCodeAt(i);
		if (c === 10) {
			i++;
			eol = true;
			break;
		}
		if (c === 36 || c === 37) {
			const c1 = src.charCodeAt(i + 1);
			if (c1 === 123) {
				opener = true;
				break;
			}
			if (c1 === c && src.charCodeAt(i + 2) === 123) {
				val += src.slice(run, i + 1);
				val += '{';
				i += 3;
				run = i;
				continue;
			}
		}
		i++;
	}
	val += src.slice(run, i);
	lx.i = i;
	if (eol) lx.newlineAt(i - 1);
	if (i > start) lx.tok(T.Lit, start, i, sl, val);
	m.sol = eol;
	if (opener) lx.openSequence();
}

/** Whether the line at `i`, trimmed of surrounding whitespace, is exactly the marker. */
function closesHeredoc(src: string, i: number, marker: string): boolean {
	let a = i;
	let c = src.charCodeAt(a);
	while (c === 32 || c === 9) c = src.charCodeAt(++a);
	if (!src.startsWith(marker, a)) return false;
	let b = a + marker.length;
	c = src.charCodeAt(b);
	while (c === 32 || c === 9 || c === 13) c = src.charCodeAt(++b);
	return c === 10 || Number.isNaN(c);
}
