// Hand-written scanner for HCL native syntax over UTF-16 char codes. It keeps a mode stack
// (plain braces, template interpolations, quoted strings, heredocs) the way HCL's Ragel
// scanner does, so `}` closes the right thing and templates nest inside expressions.
// Comments produce no tokens; a line comment leaves its newline to be a Newline token.
//
// Tokens go into typed arrays (kind, start, end, start line) plus an array of texts, never
// into one object each: a whole file is lexed before parsing and the parser reads tokens by
// index. Line and column numbers are derived from offsets and the table of line starts, and
// only for the tokens whose positions someone asks for (see startPos/endPos).

import type {Diagnostic, Pos} from '../diagnostics.js';
import {scanHeredoc, scanQuoted, templateOpener} from './lexer-template.js';
import {LineTable} from './source-range.js';
import {T, type Token, type TokenType} from './tokens.js';
import {isIdContinue, isIdStart} from './unicode.js';

export const M_BRACE = 0;
export const M_INTERP = 1;
export const M_QUOTED = 2;
export const M_HEREDOC = 3;
/** A whole-file template (HCL-JSON string values): no closing marker. */
export const M_BARE = 4;

export interface Mode {
	readonly kind: number;
	readonly marker: string;
	readonly flush: boolean;
	/** Heredoc only: the scanner is at the start of a line (a closing marker may follow). */
	sol: boolean;
}

// Modes that carry no state are shared; only heredocs and bare templates get their own.
const BRACE: Mode = {kind: M_BRACE, marker: '', flush: false, sol: false};
const INTERP: Mode = {kind: M_INTERP, marker: '', flush: false, sol: false};
const QUOTED: Mode = {kind: M_QUOTED, marker: '', flush: false, sol: false};

export interface LexOptions {
	readonly start?: Pos;
	/** Lex the text as a bare template (HCL's LexTemplate) instead of a config/expression. */
	readonly template?: boolean;
}

export interface LexResult {
	readonly tokens: Token[];
	readonly diagnostics: Diagnostic[];
}

/** Lex a whole text into token objects (for tools and tests; the parser reads the arrays). */
export function lex(src: string, file: string, opts: LexOptions = {}): LexResult {
	const lx = new Lexer(src, file, opts);
	lx.run();
	const tokens: Token[] = [];
	for (let k = 0; k < lx.count; k++) tokens.push(lx.token(k));
	return {tokens, diagnostics: lx.diags};
}

/** The ASCII rest of an identifier (sticky: matches at lastIndex, possibly empty). */
const IDENT_REST = /[A-Za-z0-9_-]*/y;

const INVALID_DETAIL = 'This character is not used within the language.';

export class Lexer {
	readonly src: string;
	readonly file: string;
	readonly n: number;
	/** Offset of the text's first character in its file (added to every offset reported). */
	readonly base: number;
	i = 0;
	line: number;
	/** Line number of the text's first line. */
	readonly firstLine: number;
	/**
	 * Index where each line starts, from `firstLine` on; the last is the current line's (negative
	 * on a first line that starts mid-column).
	 */
	readonly lineStarts: number[];
	/** The same lines for the parser's ranges (source-range.ts): complete once lexing is. */
	readonly lineTable: LineTable;

	/** Number of tokens so far; token k is described by index k of the arrays below. */
	count = 0;
	types: Uint8Array;
	/** Start and end indexes in `src` (add `base` for file offsets). */
	starts: Int32Array;
	ends: Int32Array;
	/** Line of the token's start. */
	lines: Int32Array;
	/** 1 for a strip marker on template sequence tokens, and for the flush form on OHeredoc. */
	flags: Uint8Array;
	/**
	 * Identifier name, number source text, decoded literal text, heredoc marker; a hole (read
	 * as '') for the other tokens.
	 */
	readonly texts: string[];

	readonly diags: Diagnostic[] = [];
	readonly modes: Mode[] = [];
	/** Decoded text of the last escape sequence (set by the quoted-string scanner). */
	escaped = '';
	/** True once the EOF token has been emitted. */
	done = false;
	/** Counters that keep repeated-character complaints short, as HCL does. */
	private told = {bitwise: 0, starStar: 0, backtick: 0, apostrophe: 0, semicolon: 0};

	constructor(src: string, file: string, opts: LexOptions) {
		this.src = src;
		this.file = file;
		this.n = src.length;
		this.line = opts.start?.line ?? 1;
		this.firstLine = this.line;
		this.lineStarts = [-((opts.start?.col ?? 1) - 1)];
		this.base = opts.start?.offset ?? 0;
		this.lineTable = new LineTable(this.firstLine, this.base, this.lineStarts);
		// About one token per four characters in real files, grown on demand; never more than one
		// per character (+ EOF), which keeps the arrays of short texts small.
		const cap = Math.min(this.n + 2, (this.n >> 2) + 16);
		this.types = new Uint8Array(cap);
		this.starts = new Int32Array(cap);
		this.ends = new Int32Array(cap);
		this.lines = new Int32Array(cap);
		this.flags = new Uint8Array(cap);
		this.texts = new Array<string>(cap);
		if (src.charCodeAt(0) === 0xfeff) this.i = 1; // byte order mark
		if (opts.template) this.modes.push({kind: M_BARE, marker: '', flush: false, sol: true});
	}

	/** Column of index `i` on the current line (errors only). */
	col(i: number): number {
		return i - (this.lineStarts[this.lineStarts.length - 1] as number) + 1;
	}

	/** Append a token covering indexes [s, e) that starts on `line`; returns its index. */
	tok(type: TokenType, s: number, e: number, line: number, text: string): number {
		const k = this.count;
		if (k === this.types.length) this.grow();
		this.types[k] = type;
		this.starts[k] = s;
		this.ends[k] = e;
		this.lines[k] = line;
		this.texts[k] = text;
		this.count = k + 1;
		return k;
	}

	private grow(): void {
		const cap = this.types.length * 2;
		const types = new Uint8Array(cap);
		types.set(this.types);
		this.types = types;
		const starts = new Int32Array(cap);
		starts.set(this.starts);
		this.starts = starts;
		const ends = new Int32Array(cap);
		ends.set(this.ends);
		this.ends = ends;
		const lines = new Int32Array(cap);
		lines.set(this.lines);
		this.lines = lines;
		const flags = new Uint8Array(cap);
		flags.set(this.flags);
		this.flags = flags;
		this.texts.length = cap;
	}

	/** Position of token k's start. */
	startPos(k: number): Pos {
		const s = this.starts[k]!;
		const line = this.lines[k]!;
		return {line, col: s - this.lineStarts[line - this.firstLine]! + 1, offset: s + this.base};
	}

	/** Position of token k's end (on a later line when the token spans newlines). */
	endPos(k: number): Pos {
		const e = this.ends[k]!;
		const ls = this.lineStarts;
		let l = this.lines[k]! - this.firstLine;
		while (l + 1 < ls.length && ls[l + 1]! <= e) l++;
		return {line: l + this.firstLine, col: e - ls[l]! + 1, offset: e + this.base};
	}

	/** Token k as an object. */
	token(k: number): Token {
		const sp = this.startPos(k);
		const ep = this.endPos(k);
		return {
			type: this.types[k] as TokenType,
			start: sp.offset,
			end: ep.offset,
			line: sp.line,
			col: sp.col,
			endLine: ep.line,
			endCol: ep.col,
			text: this.texts[k] ?? '',
			flag: this.flags[k] === 1,
		};
	}

	/** Add an error for the last token. */
	errLast(summary: string, detail: string): void {
		const k = this.count - 1;
		if (k < 0) return;
		this.diags.push({
			severity: 'error',
			summary,
			detail,
			range: {file: this.file, start: this.startPos(k), end: this.endPos(k)},
		});
	}

	/** Add an error for source indexes [s, e) on the current line. */
	errAt(s: number, e: number, summary: string, detail: string): void {
		this.diags.push({
			severity: 'error',
			summary,
			detail,
			range: {
				file: this.file,
				start: {line: this.line, col: this.col(s), offset: s + this.base},
				end: {line: this.line, col: this.col(e), offset: e + this.base},
			},
		});
	}

	/** Advance over a newline at `i` (`\n`), updating line tracking. */
	newlineAt(i: number): void {
		this.line++;
		this.lineStarts.push(i + 1);
	}

	/** Lex the rest of the input (up to and including the EOF token). */
	run(): void {
		while (!this.done) {
			if (this.i >= this.n) {
				this.tok(T.EOF, this.i, this.i, this.line, '');
				this.done = true;
				return;
			}
			const m = this.modes[this.modes.length - 1];
			if (m !== undefined && m.kind >= M_QUOTED) {
				if (m.kind === M_QUOTED) scanQuoted(this);
				else scanHeredoc(this, m);
			} else {
				this.scanNormal();
			}
		}
	}

	/**
	 * Scan expression tokens until the input ends or a template mode (a string, a heredoc, or
	 * the text after an interpolation's `}`) takes over. This loop runs mostly before V8 has
	 * optimised anything, so it is written for the interpreter: whitespace is skipped by a
	 * tight loop, the rest of an identifier by one native regexp match, the commonest tokens
	 * are stored straight into the arrays (not through `tok`), and the switch has only small
	 * integer cases, dense enough for V8 to make it a jump table (keep it so: 40 cases over
	 * 10..126 is just under V8's limit of three values per case).
	 */
	private scanNormal(): void {
		const src = this.src;
		const n = this.n;
		let i = this.i;
		let k = this.count;
		let cap = this.types.length;
		let types = this.types;
		let starts = this.starts;
		let ends = this.ends;
		let lines = this.lines;
		const texts = this.texts;
		for (;;) {
			let c = src.charCodeAt(i);
			while (c === 32 || c === 9) c = src.charCodeAt(++i);
			if (i >= n) break;
			if (k === cap) {
				this.count = k;
				this.grow();
				types = this.types;
				starts = this.starts;
				ends = this.ends;
				lines = this.lines;
				cap = types.length;
			}
			const s = i;
			if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) {
				IDENT_REST.lastIndex = s + 1;
				IDENT_REST.test(src);
				i = IDENT_REST.lastIndex;
				if (src.charCodeAt(i) >= 128) i = s + this.identLength(s);
				types[k] = T.Ident;
				starts[k] = s;
				ends[k] = i;
				lines[k] = this.line;
				texts[k] = src.slice(s, i);
				k++;
				continue;
			}
			let type: TokenType;
			let len = 1;
			switch (c) {
				case 10:
					types[k] = T.Newline;
					starts[k] = s;
					ends[k] = s + 1;
					lines[k] = this.line++;
					k++;
					i = s + 1;
					this.lineStarts.push(i);
					continue;
				case 44:
					type = T.Comma;
					break;
				case 61: // =
					c = src.charCodeAt(s + 1);
					if (c === 61) {
						type = T.EqualOp;
						len = 2;
					} else if (c === 62) {
						type = T.FatArrow;
						len = 2;
					} else type = T.Equal;
					break;
				case 91:
					type = T.OBrack;
					break;
				case 93:
					type = T.CBrack;
					break;
				case 40:
					type = T.OParen;
					break;
				case 41:
					type = T.CParen;
					break;
				case 46: // .
					if (src.charCodeAt(s + 1) === 46 && src.charCodeAt(s + 2) === 46) {
						type = T.Ellipsis;
						len = 3;
					} else type = T.Dot;
					break;
				case 58: // :
					if (src.charCodeAt(s + 1) === 58) {
						type = T.DoubleColon;
						len = 2;
					} else type = T.Colon;
					break;
				case 63:
					type = T.Question;
					break;
				case 33: // !
					if (src.charCodeAt(s + 1) === 61) {
						type = T.NotEqual;
						len = 2;
					} else type = T.Bang;
					break;
				case 62: // >
					if (src.charCodeAt(s + 1) === 61) {
						type = T.Gte;
						len = 2;
					} else type = T.Gt;
					break;
				case 43:
					type = T.Plus;
					break;
				case 45:
					type = T.Minus;
					break;
				case 37:
					type = T.Percent;
					break;
				case 38: // &
					if (src.charCodeAt(s + 1) !== 38) {
						this.count = k;
						this.bitwise(s, ' Did you mean boolean AND ("&&")?');
						k = this.count;
						i = s + 1;
						continue;
					}
					type = T.And;
					len = 2;
					break;
				case 124: // |
					if (src.charCodeAt(s + 1) !== 124) {
						this.count = k;
						this.bitwise(s, ' Did you mean boolean OR ("||")?');
						k = this.count;
						i = s + 1;
						continue;
					}
					type = T.Or;
					len = 2;
					break;
				case 48:
				case 49:
				case 50:
				case 51:
				case 52:
				case 53:
				case 54:
				case 55:
				case 56:
				case 57:
					i = this.numberEnd(s);
					types[k] = T.Number;
					starts[k] = s;
					ends[k] = i;
					lines[k] = this.line;
					texts[k] = src.slice(s, i);
					k++;
					continue;
				case 123: // {
					this.modes.push(BRACE);
					type = T.OBrace;
					break;
				case 34: // "
				case 125: // }
				case 126: // ~
				case 13: // CR
				case 35: // #
				case 47: // /
				case 60: // <
				case 42: // *
				case 94: // ^
				case 59: // ;
				case 96: // `
				case 39: // '
					// Rarer tokens, comments, and the ones that change the mode.
					this.count = k;
					i = this.special(s, c);
					k = this.count;
					if (i < 0) return;
					continue;
				default:
					this.count = k;
					i = this.other(s);
					k = this.count;
					continue;
			}
			types[k] = type;
			starts[k] = s;
			ends[k] = s + len;
			lines[k] = this.line;
			k++;
			i = s + len;
		}
		this.i = i;
		this.count = k;
	}

	/**
	 * The characters scanNormal leaves to a call (the token count is in `count`): returns the
	 * index to go on from, or -1 when a template mode takes over (then `i` is set).
	 */
	private special(s: number, c: number): number {
		const src = this.src;
		const next = src.charCodeAt(s + 1);
		const line = this.line;
		switch (c) {
			case 34: // "
				this.tok(T.OQuote, s, s + 1, line, '');
				this.modes.push(QUOTED);
				this.i = s + 1;
				return -1;
			case 125: {
				// }
				const top = this.topKind();
				if (top === M_INTERP) {
					this.modes.pop();
					this.tok(T.TemplateSeqEnd, s, s + 1, line, '');
					this.i = s + 1;
					return -1;
				}
				if (top === M_BRACE) this.modes.pop();
				this.tok(T.CBrace, s, s + 1, line, '');
				return s + 1;
			}
			case 126: // ~
				if (next === 125 && this.topKind() === M_INTERP) {
					this.modes.pop();
					const k = this.tok(T.TemplateSeqEnd, s, s + 2, line, '');
					this.flags[k] = 1;
					this.i = s + 2;
					return -1;
				}
				this.bitwise(s, ' Did you mean boolean NOT ("!")?');
				return s + 1;
			case 13: // CR: part of a CRLF newline, otherwise plain whitespace
				if (next !== 10) return s + 1;
				this.tok(T.Newline, s, s + 2, line, '');
				this.newlineAt(s + 1);
				return s + 2;
			case 35: // #
				return this.lineCommentEnd(s);
			case 47: // /
				if (next === 47) return this.lineCommentEnd(s);
				if (next === 42) return this.skipBlockComment(s);
				this.tok(T.Slash, s, s + 1, line, '');
				return s + 1;
			case 60: // <
				if (next === 60 && this.tryHeredoc(s)) return -1;
				if (next === 61) {
					this.tok(T.Lte, s, s + 2, line, '');
					return s + 2;
				}
				this.tok(T.Lt, s, s + 1, line, '');
				return s + 1;
			case 42: // *
				if (next !== 42) {
					this.tok(T.Star, s, s + 1, line, '');
					return s + 1;
				}
				this.tok(T.Invalid, s, s + 2, line, '');
				if (this.told.starStar++ < 1) {
					this.errLast(
						'Unsupported operator',
						'"**" is not a supported operator. Exponentiation is not supported as an operator.',
					);
				}
				return s + 2;
			case 94: // ^
				this.bitwise(s, '');
				return s + 1;
			case 59: // ;
				this.tok(T.Invalid, s, s + 1, line, '');
				if (this.told.semicolon++ < 1) {
					this.errLast(
						'Invalid character',
						'The ";" character is not valid. Use newlines to separate arguments and blocks, and commas to separate items in collection values.',
					);
				}
				return s + 1;
			case 96: // `
				this.tok(T.Invalid, s, s + 1, line, '');
				if (this.told.backtick % 2 === 0) {
					this.errLast(
						'Invalid character',
						'The "`" character is not valid. To create a multi-line string, use the "heredoc" syntax, like "<<EOT".',
					);
				}
				if (this.told.backtick <= 2) this.told.backtick++;
				return s + 1;
			case 39: // '
				this.tok(T.Invalid, s, s + 1, line, '');
				if (this.told.apostrophe % 2 === 0) {
					this.errLast(
						'Invalid character',
						'Single quotes are not valid. Use double quotes (") to enclose strings.',
					);
				}
				if (this.told.apostrophe <= 2) this.told.apostrophe++;
				return s + 1;
		}
		return this.other(s);
	}

	/** A character no case takes: a non-ASCII identifier, or an invalid character. */
	private other(s: number): number {
		const cp = this.src.codePointAt(s)!;
		if (isIdStart(cp)) {
			const e = s + this.identLength(s);
			this.tok(T.Ident, s, e, this.line, this.src.slice(s, e));
			return e;
		}
		const e = s + (cp > 0xffff ? 2 : 1);
		this.tok(T.Invalid, s, e, this.line, '');
		this.errLast('Invalid character', INVALID_DETAIL);
		return e;
	}

	private topKind(): number {
		return this.modes[this.modes.length - 1]?.kind ?? -1;
	}

	private bitwise(s: number, suggestion: string): void {
		this.tok(T.Invalid, s, s + 1, this.line, '');
		if (this.told.bitwise++ < 4) {
			this.errLast('Unsupported operator', `Bitwise operators are not supported.${suggestion}`);
		}
	}

	/** Where a line comment starting at `s` ends: before its newline (CRLF included). */
	private lineCommentEnd(s: number): number {
		const nl = this.src.indexOf('\n', s);
		let end = nl === -1 ? this.n : nl;
		if (end > s && this.src.charCodeAt(end - 1) === 13) end--;
		return end;
	}

	/** Skip a block comment starting at `s`; returns the index after it. */
	private skipBlockComment(s: number): number {
		const src = this.src;
		const sl = this.line;
		const close = src.indexOf('*/', s + 2);
		const end = close === -1 ? this.n : close + 2;
		for (let nl = src.indexOf('\n', s); nl !== -1 && nl < end; nl = src.indexOf('\n', nl + 1)) {
			this.newlineAt(nl);
		}
		if (close === -1) {
			this.tok(T.Invalid, s, end, sl, '');
			this.errLast(
				'Unterminated comment',
				'There is no closing "*/" for this comment before the end of the file.',
			);
		}
		return end;
	}

	/** Where the number starting at `s` ends. */
	private numberEnd(s: number): number {
		const src = this.src;
		let i = s + 1;
		let c = src.charCodeAt(i);
		while (c >= 48 && c <= 57) c = src.charCodeAt(++i);
		if (c === 46 && isDigit(src.charCodeAt(i + 1))) {
			i += 2;
			c = src.charCodeAt(i);
			while (c >= 48 && c <= 57) c = src.charCodeAt(++i);
		}
		if (c === 101 || c === 69) {
			let j = i + 1;
			const sign = src.charCodeAt(j);
			if (sign === 43 || sign === 45) j++;
			if (isDigit(src.charCodeAt(j))) {
				i = j + 1;
				c = src.charCodeAt(i);
				while (c >= 48 && c <= 57) c = src.charCodeAt(++i);
			}
		}
		return i;
	}

	/** Length of the identifier starting at `i`, 0 if none. */
	identLength(i: number): number {
		const src = this.src;
		const first = src.codePointAt(i);
		if (first === undefined || !isIdStart(first)) return 0;
		let j = i + (first > 0xffff ? 2 : 1);
		for (;;) {
			const c = src.charCodeAt(j);
			if (
				(c >= 97 && c <= 122) ||
				(c >= 65 && c <= 90) ||
				(c >= 48 && c <= 57) ||
				c === 95 ||
				c === 45
			) {
				j++;
				continue;
			}
			if (c < 128 || Number.isNaN(c)) break;
			const cp = src.codePointAt(j) ?? c;
			if (!isIdContinue(cp)) break;
			j += cp > 0xffff ? 2 : 1;
		}
		return j - i;
	}

	/** `<<EOF` / `<<-EOF` at `s`, followed directly by a newline, opens a heredoc. */
	private tryHeredoc(s: number): boolean {
		const src = this.src;
		let j = s + 2;
		const flush = src.charCodeAt(j) === 45;
		if (flush) j++;
		const len = this.identLength(j);
		if (len === 0) return false;
		let k = j + len;
		if (src.charCodeAt(k) === 13) k++;
		if (src.charCodeAt(k) !== 10) return false;
		const marker = src.slice(j, j + len);
		const t = this.tok(T.OHeredoc, s, k + 1, this.line, marker);
		if (flush) this.flags[t] = 1;
		this.newlineAt(k);
		this.i = k + 1;
		this.modes.push({kind: M_HEREDOC, marker, flush, sol: true});
		return true;
	}

	/** At `${` / `%{` (optionally followed by `~`): emit the opener and enter an interpolation. */
	openSequence(): void {
		templateOpener(this);
		this.modes.push(INTERP);
	}
}

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}
