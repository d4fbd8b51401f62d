// The token cursor shared by the body, expression and template parsers: peek/read with
// HCL's newline sensitivity, ranges, diagnostics, and HCL's recovery strategy (once an error
// is reported, `recovery` suppresses follow-on noise).
//
// A token is its index in the lexer's arrays (`Tok`); the parser reads its kind from `types`
// and its text with `text()`. Positions are made only for tokens that end up in a range.

import type {Diagnostic, Pos, Range} from '../diagnostics.js';
import type {Lexer} from './lexer.js';
import {endOffset, type LineTable, SourceRange, startOffset} from './source-range.js';
import {T, type TokenType} from './tokens.js';

/** Deeper nesting than this is reported instead of risking the JS stack. */
export const MAX_DEPTH = 200;

/** A token: its index in the lexer's token arrays. */
export type Tok = number;

export class Parser {
	readonly file: string;
	readonly diags: Diagnostic[];
	/** Index of the next token. */
	pos = 0;
	/**
	 * The next token: `pos`, or past any newlines while they are not significant. The parsers
	 * read `p.cur` and its kind `p.types[p.cur]` directly (calls cost in cold code).
	 */
	cur = 0;
	recovery = false;
	depth = 0;
	/** Token kinds by index (the lexer's array). */
	readonly types: Uint8Array;
	/** Token texts by index (see text()). */
	readonly texts: readonly string[];
	private readonly flags: Uint8Array;
	private readonly lx: Lexer;
	private readonly starts: Int32Array;
	private readonly ends: Int32Array;
	private readonly table: LineTable;
	private readonly base: number;
	private prev: Tok = 0;
	/** Whether newline tokens are significant (otherwise peek and read step over them). */
	private nl: boolean;

	/** `lx` must have lexed its whole text (Lexer.run). */
	constructor(lx: Lexer, file: string, diags: Diagnostic[], includeNl: boolean) {
		this.file = file;
		this.diags = diags;
		this.nl = includeNl;
		this.lx = lx;
		this.types = lx.types;
		this.texts = lx.texts;
		this.flags = lx.flags;
		this.starts = lx.starts;
		this.ends = lx.ends;
		this.table = lx.lineTable;
		this.base = lx.base;
		this.sync();
	}

	/** Recompute `cur` after `pos` or the newline mode changed. */
	private sync(): void {
		let i = this.pos;
		if (!this.nl) while (this.types[i] === T.Newline) i++;
		this.cur = i;
	}

	/** Consume the next token (EOF is never consumed: reading at the end returns EOF again). */
	read(): Tok {
		const t = this.cur;
		if (this.types[t] !== T.EOF) {
			let i = t + 1;
			this.pos = i;
			if (!this.nl) while (this.types[i] === T.Newline) i++;
			this.cur = i;
		}
		this.prev = t;
		return t;
	}

	type(t: Tok): TokenType {
		return this.types[t] as TokenType;
	}

	/** Identifier name, number source text, decoded literal text or heredoc marker; else ''. */
	text(t: Tok): string {
		return this.texts[t] ?? '';
	}

	/** Strip marker of a template sequence token; flush form of an OHeredoc. */
	flag(t: Tok): boolean {
		return this.flags[t] === 1;
	}

	/** Make newlines significant or not; returns the previous setting, for restoreNl. */
	setNl(include: boolean): boolean {
		const was = this.nl;
		this.nl = include;
		this.sync();
		return was;
	}

	restoreNl(was: boolean): void {
		this.nl = was;
		this.sync();
	}

	// Positions are not cached per token: nearly every token's position is asked for once.

	startPos(t: Tok): Pos {
		return this.lx.startPos(t);
	}

	endPos(t: Tok): Pos {
		return this.lx.endPos(t);
	}

	// The ranges below are SourceRanges: offsets now, lines and columns when read.

	range(t: Tok): Range {
		return new SourceRange(
			this.file,
			this.table,
			this.starts[t]! + this.base,
			this.ends[t]! + this.base,
		);
	}

	/** The token read last. */
	prevTok(): Tok {
		return this.prev;
	}

	prevRange(): Range {
		return this.range(this.prev);
	}

	/** `between(range(a), range(b))` without building the two ranges. */
	span(a: Tok, b: Tok): Range {
		const s = this.starts[a]! + this.base;
		let e = this.ends[b]! + this.base;
		if (e < s) e = this.ends[a]! + this.base;
		return new SourceRange(this.file, this.table, s, e);
	}

	/** `between(range(a), r)` without building range(a). */
	spanTo(a: Tok, r: Range): Range {
		const s = this.starts[a]! + this.base;
		const e = endOffset(r);
		if (e < s) return new SourceRange(this.file, this.table, s, this.ends[a]! + this.base);
		// A range made elsewhere keeps its own end position (it may come from another text).
		if (!(r instanceof SourceRange)) return {file: this.file, start: this.startPos(a), end: r.end};
		return new SourceRange(this.file, this.table, s, e);
	}

	/** `between(r, range(b))` without building range(b). */
	spanFrom(r: Range, b: Tok): Range {
		const e = this.ends[b]! + this.base;
		if (e < startOffset(r)) return r;
		if (!(r instanceof SourceRange)) return {file: r.file, start: r.start, end: this.endPos(b)};
		return new SourceRange(r.file, this.table, r.startOffset, e);
	}

	err(range: Range, summary: string, detail: string): void {
		this.diags.push({severity: 'error', summary, detail, range});
	}

	/** Skip to the token closing the current bracket of type `end` (nesting-aware); return it. */
	recover(end: TokenType): Tok {
		const start = opposite(end);
		this.recovery = true;
		let nest = 0;
		for (;;) {
			const t = this.read();
			let ty = this.types[t];
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
		const open: number[] = [];
		for (;;) {
			const ty = this.type(this.read());
			switch (ty) {
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
					open.push(ty);
					break;
				case T.CBrace:
				case T.CBrack:
				case T.CParen:
				case T.CQuote:
				case T.CHeredoc: {
					// Close the innermost matching opener (and anything left open inside it).
					const want = opposite(ty);
					while (open.length > 0 && open[open.length - 1] !== want) open.pop();
					open.pop();
					break;
				}
				case T.TemplateSeqEnd: {
					let top = open[open.length - 1];
					while (top !== undefined && top !== T.TemplateInterp && top !== T.TemplateControl) {
						open.pop();
						top = open[open.length - 1];
					}
					open.pop();
					break;
				}
			}
		}
	}
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
	if (endOffset(b) < startOffset(a)) return a;
	if (a instanceof SourceRange && b instanceof SourceRange) {
		const joined = a.through(b);
		if (joined) return joined;
	}
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
