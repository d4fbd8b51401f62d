// Token kinds of HCL native syntax. Plain numeric constants (no enum) so that the
// hot loops in the lexer and parser compare small integers.
//
// The lexer keeps tokens in typed arrays (see Lexer), not as objects: the parser reads a
// token's kind, text and flag by index and builds positions only for the tokens that end up
// in a range. `Token` is the object form that `lex()` returns for tools and tests.

export const T = {
	EOF: 0,
	Newline: 1,
	Ident: 2,
	Number: 3,
	/** `"` opening a quoted template. */
	OQuote: 4,
	CQuote: 5,
	/** `<<EOF\n` or `<<-EOF\n`; `text` is the marker, `flag` is true for the flush (`<<-`) form. */
	OHeredoc: 6,
	CHeredoc: 7,
	/** Literal template text; `text` holds the decoded value (escapes resolved). */
	Lit: 8,
	/** `${` or `${~` (`flag` = strip marker). */
	TemplateInterp: 9,
	/** `%{` or `%{~` (`flag` = strip marker). */
	TemplateControl: 10,
	/** `}` or `~}` closing a template sequence (`flag` = strip marker). */
	TemplateSeqEnd: 11,
	OBrace: 12,
	CBrace: 13,
	OBrack: 14,
	CBrack: 15,
	OParen: 16,
	CParen: 17,
	Comma: 18,
	Dot: 19,
	Ellipsis: 20,
	Colon: 21,
	DoubleColon: 22,
	Question: 23,
	Equal: 24,
	FatArrow: 25,
	Plus: 26,
	Minus: 27,
	Star: 28,
	Slash: 29,
	Percent: 30,
	EqualOp: 31,
	NotEqual: 32,
	Lt: 33,
	Lte: 34,
	Gt: 35,
	Gte: 36,
	And: 37,
	Or: 38,
	Bang: 39,
	/** A newline inside a quoted string (an error, reported by the lexer). */
	QuotedNewline: 40,
	/** Any character the language does not use (reported by the lexer). */
	Invalid: 41,
} as const;

export type TokenType = (typeof T)[keyof typeof T];

/** One token as `lex()` returns it. Offsets are absolute (they include the lexer's start offset). */
export interface Token {
	readonly type: TokenType;
	readonly start: number;
	readonly end: number;
	readonly line: number;
	readonly col: number;
	readonly endLine: number;
	readonly endCol: number;
	/** Identifier name, number source text, decoded literal text, heredoc marker; else ''. */
	readonly text: string;
	/** Strip marker on template sequence tokens; flush form on OHeredoc. */
	readonly flag: boolean;
}
