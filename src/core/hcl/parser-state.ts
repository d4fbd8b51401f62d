// The token cursor shared by the body, expression and template parsers: peek/read with
// HCL's newline-sensitivity stack, ranges, diagnostics, and HCL's recovery strategy
// (once an error is reported, `recovery` suppresses follow-on noise).

import type {Diagnostic, Range} from '../diagnostics.js';
import {T, type Token, type TokenType} from './tokens.js';

/** Deeper nesting than this is reported instead of risking the JS stack. */
export const MAX_DEPTH = 200;

/** Where the parser gets tokens: the lexer's buffer, filled on demand (see Lexer.more). */
export interface TokenSource {
	readonly tokens: Token[];
	more(): boolean;
}

/** Consumed tokens are dropped from the buffer in chunks of this size. */
const COMPACT_AT = 2048;

export class Parser {
	readonly file: string;
	readonly diags: Diagnostic[];
	/** Absolute index of the next token. */
	pos = 0;
	recovery = false;
	depth = 0;
	private readonly src: TokenSource;
	/** Absolute index of src.tokens[0]. */
	private base = 0;
	private prev: Token;
	private nlStack: boolean[];
	private includeNl: boolean;

	constructor(src: TokenSource, file: string, diags: Diagnostic[], includeNl: boolean) {
		this.src = src;
		this.file = file;
		this.diags = diags;
		this.nlStack = [includeNl];
		this.includeNl = includeNl;
		this.prev = this.at(0);
	}

	/** The token at absolute index `i` (the EOF token for anything past the end). */
	private at(i: number): Token {
		const buf = this.src.tokens;
		while (i - this.base >= buf.length && this.src.more()) {}
		return buf[Math.min(i - this.base, buf.length - 1)] as Token;
	}

	private index(): number {
		let i = this.pos;
		if (!this.includeNl) while (this.at(i).type === T.Newline) i++;
		return i;
	}

	peek(): Token {
		return this.at(this.index());
	}

	/** Consume the next token (EOF is never consumed: reading at the end returns EOF again). */
	read(): Token {
		const i = this.index();
		const t = this.at(i);
		if (t.type !== T.EOF) {
			this.pos = i + 1;
			if (this.pos - this.base > COMPACT_AT) {
				this.src.tokens.splice(0, this.pos - this.base);
				this.base = this.pos;
			}
		}
		this.prev = t;
		return t;
	}

	prevRange(): Range {
		return this.range(this.prev);
	}

	pushNl(include: boolean): void {
		this.nlStack.push(include);
		this.includeNl = include;
	}

	popNl(): void {
		this.nlStack.pop();
		this.includeNl = this.nlStack[this.nlStack.length - 1] ?? false;
	}

	range(t: Token): Range {
		t.sp ??= {line: t.line, col: t.col, offset: t.start};
		t.ep ??= {line: t.endLine, col: t.endCol, offset: t.end};
		return {file: this.file, start: t.sp, end: t.ep};
	}

	err(range: Range, summary: string, detail: string): void {
		this.diags.push({severity: 'error', summary, detail, range});
	}

	/** Skip to the token closing the current bracket of type `end` (nesting-aware); return it. */
	recover(end: TokenType): Token {
		const start = opposite(end);
		this.recovery = true;
		let nest = 0;
		for (;;) {
			const t = this.read();
			let ty: TokenType = t.type;
			if (end === T.TemplateSeqEnd && ty === T.TemplateControl) ty = T.TemplateInterp;
			if (ty === start) nest++;
			else if (ty === end) {
				if (nest < 1) return t;
				nest--;
			} else if (ty === T.EOF) return t;
		}
	}

	/** Skip to the newline that ends the current body item, minding brackets. */
	recoverAfterBodyItem(): void {
		this.recovery = true;
		const open: TokenType[] = [];
		for (;;) {
			const t = this.read();
			switch (t.type) {
				case T.Newline:
					if (open.length === 0) return;
					break;
				case T.EOF:
					return;
				case T.OBrace:
				case T.OBrack:
				case T.OParen:
				case T.OQuote:
				case T.OHeredoc:
				case T.TemplateInterp:
				case T.TemplateControl:
					open.push(t.type);
					break;
				case T.CBrace:
				case T.CBrack:
				case T.CParen:
				case T.CQuote:
				case T.CHeredoc:
					popTo(open, (ty) => ty === opposite(t.type));
					break;
				case T.TemplateSeqEnd:
					popTo(open, (ty) => ty === T.TemplateInterp || ty === T.TemplateControl);
					break;
			}
		}
	}
}

function popTo(open: TokenType[], matches: (t: TokenType) => boolean): void {
	while (open.length > 0 && !matches(open[open.length - 1] as TokenType)) open.pop();
	if (open.length > 0) open.pop();
}

export function opposite(t: TokenType): TokenType {
	switch (t) {
		case T.OBrace:
			return T.CBrace;
		case T.OBrack:
			return T.CBrack;
		case T.OParen:
			return T.CParen;
		case T.OQuote:
			return T.CQuote;
		case T.OHeredoc:
			return T.CHeredoc;
		case T.CBrace:
			return T.OBrace;
		case T.CBrack:
			return T.OBrack;
		case T.CParen:
			return T.OParen;
		case T.CQuote:
			return T.OQuote;
		case T.CHeredoc:
			return T.OHeredoc;
		case T.TemplateInterp:
		case T.TemplateControl:
			return T.TemplateSeqEnd;
		case T.TemplateSeqEnd:
			return T.TemplateInterp;
		default:
			return -1 as TokenType;
	}
}

/** HCL's RangeBetween: from the start of `a` to the end of `b` (never backwards). */
export function between(a: Range, b: Range): Range {
	if (b.end.offset < a.start.offset) return a;
	return {file: a.file, start: a.start, end: b.end};
}

/** A zero-width range at the end of `r`. */
export function endOf(r: Range): Range {
	return {file: r.file, start: r.end, end: r.end};
}

/** HCL's Range.String(): `file:line,col-col` or `file:line,col-line,col`. */
export function rangeString(r: Range): string {
	return r.start.line === r.end.line
		? `${r.file}:${r.start.line},${r.start.col}-${r.end.col}`
		: `${r.file}:${r.start.line},${r.start.col}-${r.end.line},${r.end.col}`;
}
