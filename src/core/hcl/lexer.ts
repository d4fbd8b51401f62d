// Hand-written scanner for HCL native syntax over UTF-16 char codes. It keeps a mode stack
// (plain braces, template interpolations, quoted strings, heredocs) the way HCL's Ragel
// scanner does, so `}` closes the right thing and templates nest inside expressions.
// Comments produce no tokens; a line comment leaves its newline to be a Newline token.

import type {Diagnostic, Pos} from '../diagnostics.js';
import {scanHeredoc, scanQuoted, templateOpener} from './lexer-template.js';
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

export interface LexOptions {
	readonly start?: Pos;
	/** Lex the text as a bare template (HCL's LexTemplate) instead of a config/expression. */
	readonly template?: boolean;
}

export interface LexResult {
	readonly tokens: Token[];
	readonly diagnostics: Diagnostic[];
}

export function lex(src: string, file: string, opts: LexOptions = {}): LexResult {
	const lx = new Lexer(src, file, opts);
	lx.run();
	return {tokens: lx.tokens, diagnostics: lx.diags};
}

const INVALID_DETAIL = 'This character is not used within the language.';

export class Lexer {
	readonly n: number;
	i = 0;
	line: number;
	/** Index where the current line starts (negative on a first line that starts mid-column). */
	lineStart: number;
	readonly base: number;
	readonly tokens: Token[] = [];
	readonly diags: Diagnostic[] = [];
	readonly modes: Mode[] = [];
	/** Counters that keep repeated-character complaints short, as HCL does. */
	private told = {bitwise: 0, starStar: 0, backtick: 0, apostrophe: 0, semicolon: 0};

	readonly src: string;
	readonly file: string;

	constructor(src: string, file: string, opts: LexOptions) {
		this.src = src;
		this.file = file;
		this.n = src.length;
		this.line = opts.start?.line ?? 1;
		this.lineStart = -((opts.start?.col ?? 1) - 1);
		this.base = opts.start?.offset ?? 0;
		if (src.charCodeAt(0) === 0xfeff) this.i = 1; // byte order mark
		if (opts.template) this.modes.push({kind: M_BARE, marker: '', flush: false, sol: true});
	}

	col(i: number): number {
		return i - this.lineStart + 1;
	}

	/** Emit a token from `start` (at sLine/sCol) to the current position. */
	emit(type: TokenType, start: number, sLine: number, sCol: number, text = '', flag = false): void {
		this.tokens.push({
			type,
			start: start + this.base,
			end: this.i + this.base,
			line: sLine,
			col: sCol,
			endLine: this.line,
			endCol: this.col(this.i),
			text,
			flag,
			sp: undefined,
			ep: undefined,
		});
	}

	/** Add an error for the last emitted token. */
	errLast(summary: string, detail: string): void {
		const t = this.tokens[this.tokens.length - 1];
		if (!t) return;
		this.diags.push({
			severity: 'error',
			summary,
			detail,
			range: {
				file: this.file,
				start: {line: t.line, col: t.col, offset: t.start},
				end: {line: t.endLine, col: t.endCol, offset: t.end},
			},
		});
	}

	/** Decoded text of the last escape sequence (set by the quoted-string scanner). */
	escaped = '';

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
		this.lineStart = i + 1;
	}

	/** True once the EOF token has been emitted. */
	done = false;

	/** Lex the rest of the input. */
	run(): void {
		while (this.more()) {}
	}

	/**
	 * Scan until at least one more token is in `tokens`; false once input is exhausted. The
	 * parser pulls tokens this way and drops consumed ones, so token objects die young.
	 */
	more(): boolean {
		if (this.done) return false;
		const before = this.tokens.length;
		while (this.tokens.length === before) {
			if (this.i >= this.n) {
				this.emit(T.EOF, this.i, this.line, this.col(this.i));
				this.done = true;
				break;
			}
			const m = this.modes[this.modes.length - 1];
			if (m !== undefined && m.kind >= M_QUOTED) {
				if (m.kind === M_QUOTED) scanQuoted(this);
				else scanHeredoc(this, m);
			} else {
				this.scanNormal();
			}
		}
		return true;
	}

	private one(type: TokenType, len: number): void {
		const s = this.i;
		const sc = this.col(s);
		this.i += len;
		this.emit(type, s, this.line, sc);
	}

	private invalid(len: number, summary: string, detail: string): void {
		this.one(T.Invalid, len);
		this.errLast(summary, detail);
	}

	private scanNormal(): void {
		const src = this.src;
		const i = this.i;
		const c = src.charCodeAt(i);
		const next = src.charCodeAt(i + 1);
		switch (c) {
			case 32: // space
			case 9: // tab
				this.i = i + 1;
				return;
			case 13: // CR: part of a CRLF newline, otherwise plain whitespace
				if (next === 10) {
					const sc = this.col(i);
					const sl = this.line;
					this.i = i + 2;
					this.newlineAt(i + 1);
					this.emit(T.Newline, i, sl, sc);
				} else this.i = i + 1;
				return;
			case 10: {
				const sc = this.col(i);
				const sl = this.line;
				this.i = i + 1;
				this.newlineAt(i);
				this.emit(T.Newline, i, sl, sc);
				return;
			}
			case 35: // #
				this.skipLineComment();
				return;
			case 47: // /
				if (next === 47) this.skipLineComment();
				else if (next === 42) this.skipBlockComment();
				else this.one(T.Slash, 1);
				return;
			case 34: {
				this.one(T.OQuote, 1);
				this.modes.push({kind: M_QUOTED, marker: '', flush: false, sol: false});
				return;
			}
			case 123: // {
				this.one(T.OBrace, 1);
				this.modes.push({kind: M_BRACE, marker: '', flush: false, sol: false});
				return;
			case 125: // }
				this.closeBrace(1, false);
				return;
			case 126: // ~
				if (next === 125 && this.topKind() === M_INTERP) this.closeBrace(2, true);
				else this.bitwise(1, ' Did you mean boolean NOT ("!")?');
				return;
			case 91:
				this.one(T.OBrack, 1);
				return;
			case 93:
				this.one(T.CBrack, 1);
				return;
			case 40:
				this.one(T.OParen, 1);
				return;
			case 41:
				this.one(T.CParen, 1);
				return;
			case 44:
				this.one(T.Comma, 1);
				return;
			case 46: // .
				if (next === 46 && src.charCodeAt(i + 2) === 46) this.one(T.Ellipsis, 3);
				else this.one(T.Dot, 1);
				return;
			case 58: // :
				this.one(next === 58 ? T.DoubleColon : T.Colon, next === 58 ? 2 : 1);
				return;
			case 63:
				this.one(T.Question, 1);
				return;
			case 61: // =
				if (next === 61) this.one(T.EqualOp, 2);
				else if (next === 62) this.one(T.FatArrow, 2);
				else this.one(T.Equal, 1);
				return;
			case 33: // !
				this.one(next === 61 ? T.NotEqual : T.Bang, next === 61 ? 2 : 1);
				return;
			case 60: // <
				if (next === 60 && this.tryHeredoc()) return;
				this.one(next === 61 ? T.Lte : T.Lt, next === 61 ? 2 : 1);
				return;
			case 62:
				this.one(next === 61 ? T.Gte : T.Gt, next === 61 ? 2 : 1);
				return;
			case 43:
				this.one(T.Plus, 1);
				return;
			case 45:
				this.one(T.Minus, 1);
				return;
			case 42: // *
				if (next === 42) {
					this.one(T.Invalid, 2);
					if (this.told.starStar++ < 1) {
						this.errLast(
							'Unsupported operator',
							'"**" is not a supported operator. Exponentiation is not supported as an operator.',
						);
					}
				} else this.one(T.Star, 1);
				return;
			case 37:
				this.one(T.Percent, 1);
				return;
			case 38: // &
				if (next === 38) this.one(T.And, 2);
				else this.bitwise(1, ' Did you mean boolean AND ("&&")?');
				return;
			case 124: // |
				if (next === 124) this.one(T.Or, 2);
				else this.bitwise(1, ' Did you mean boolean OR ("||")?');
				return;
			case 94:
				this.bitwise(1, '');
				return;
			case 59: // ;
				this.one(T.Invalid, 1);
				if (this.told.semicolon++ < 1) {
					this.errLast(
						'Invalid character',
						'The ";" character is not valid. Use newlines to separate arguments and blocks, and commas to separate items in collection values.',
					);
				}
				return;
			case 96: // `
				this.one(T.Invalid, 1);
				if (this.told.backtick % 2 === 0) {
					this.errLast(
						'Invalid character',
						'The "`" character is not valid. To create a multi-line string, use the "heredoc" syntax, like "<<EOT".',
					);
				}
				if (this.told.backtick <= 2) this.told.backtick++;
				return;
			case 39: // '
				this.one(T.Invalid, 1);
				if (this.told.apostrophe % 2 === 0) {
					this.errLast(
						'Invalid character',
						'Single quotes are not valid. Use double quotes (") to enclose strings.',
					);
				}
				if (this.told.apostrophe <= 2) this.told.apostrophe++;
				return;
		}
		if (c >= 48 && c <= 57) {
			this.scanNumber();
			return;
		}
		const cp = src.codePointAt(i) ?? c;
		if (isIdStart(cp)) {
			this.scanIdent();
			return;
		}
		this.invalid(cp > 0xffff ? 2 : 1, 'Invalid character', INVALID_DETAIL);
	}

	private topKind(): number {
		return this.modes[this.modes.length - 1]?.kind ?? -1;
	}

	private closeBrace(len: number, strip: boolean): void {
		const top = this.topKind();
		if (top === M_INTERP) {
			this.modes.pop();
			const s = this.i;
			const sc = this.col(s);
			this.i += len;
			this.emit(T.TemplateSeqEnd, s, this.line, sc, '', strip);
			return;
		}
		if (top === M_BRACE) this.modes.pop();
		this.one(T.CBrace, 1);
	}

	private bitwise(len: number, suggestion: string): void {
		this.one(T.Invalid, len);
		if (this.told.bitwise++ < 4) {
			this.errLast('Unsupported operator', `Bitwise operators are not supported.${suggestion}`);
		}
	}

	private skipLineComment(): void {
		const nl = this.src.indexOf('\n', this.i);
		let end = nl === -1 ? this.n : nl;
		if (end > this.i && this.src.charCodeAt(end - 1) === 13) end--;
		this.i = end;
	}

	private skipBlockComment(): void {
		const src = this.src;
		const s = this.i;
		const sl = this.line;
		const sc = this.col(s);
		const close = src.indexOf('*/', s + 2);
		const end = close === -1 ? this.n : close + 2;
		for (let nl = src.indexOf('\n', s); nl !== -1 && nl < end; nl = src.indexOf('\n', nl + 1)) {
			this.newlineAt(nl);
		}
		this.i = end;
		if (close === -1) {
			this.emit(T.Invalid, s, sl, sc);
			this.errLast(
				'Unterminated comment',
				'There is no closing "*/" for this comment before the end of the file.',
			);
		}
	}

	private scanNumber(): void {
		const src = this.src;
		const s = this.i;
		let i = s + 1;
		while (isDigit(src.charCodeAt(i))) i++;
		if (src.charCodeAt(i) === 46 && isDigit(src.charCodeAt(i + 1))) {
			i += 2;
			while (isDigit(src.charCodeAt(i))) i++;
		}
		const e = src.charCodeAt(i);
		if (e === 101 || e === 69) {
			let j = i + 1;
			const sign = src.charCodeAt(j);
			if (sign === 43 || sign === 45) j++;
			if (isDigit(src.charCodeAt(j))) {
				i = j + 1;
				while (isDigit(src.charCodeAt(i))) i++;
			}
		}
		const sc = this.col(s);
		this.i = i;
		this.emit(T.Number, s, this.line, sc, src.slice(s, i));
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

	private scanIdent(): void {
		const s = this.i;
		const len = this.identLength(s);
		const sc = this.col(s);
		this.i = s + len;
		this.emit(T.Ident, s, this.line, sc, this.src.slice(s, s + len));
	}

	/** `<<EOF` / `<<-EOF` followed directly by a newline opens a heredoc. */
	private tryHeredoc(): boolean {
		const src = this.src;
		const s = this.i;
		let j = s + 2;
		const flush = src.charCodeAt(j) === 45;
		if (flush) j++;
		const len = this.identLength(j);
		if (len === 0) return false;
		let k = j + len;
		if (src.charCodeAt(k) === 13) k++;
		if (src.charCodeAt(k) !== 10) return false;
		const sl = this.line;
		const sc = this.col(s);
		this.i = k + 1;
		this.newlineAt(k);
		this.emit(T.OHeredoc, s, sl, sc, src.slice(j, j + len), flush);
		this.modes.push({kind: M_HEREDOC, marker: src.slice(j, j + len), flush, sol: true});
		return true;
	}

	/** At `${` / `%{` (optionally followed by `~`): emit the opener and enter an interpolation. */
	openSequence(): void {
		templateOpener(this);
		this.modes.push({kind: M_INTERP, marker: '', flush: false, sol: false});
	}
}

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}
