// The syntax tree of HCL native syntax (and the shape HCL-JSON files are lowered to).
// Every node carries its source range so that any evaluation error can point at it.
// The parser (parser.ts) produces it; the evaluator (eval/*.ts) and the differential
// test read it. Nodes are plain readonly objects, discriminated by `kind`.

import type {Range} from '../diagnostics.js';

export interface Node {
	readonly range: Range;
}

// ---------------------------------------------------------------- structure

export interface Body extends Node {
	readonly kind: 'Body';
	/** Attributes in source order. Duplicate names are a parse error within one body. */
	readonly attributes: readonly Attribute[];
	/** Blocks in source order. */
	readonly blocks: readonly Block[];
}

export interface Attribute extends Node {
	readonly kind: 'Attribute';
	readonly name: string;
	readonly nameRange: Range;
	readonly expr: Expr;
}

export interface Block extends Node {
	readonly kind: 'Block';
	readonly type: string;
	readonly typeRange: Range;
	/** Labels after the type, quoted or bare, already unescaped. */
	readonly labels: readonly string[];
	readonly labelRanges: readonly Range[];
	readonly body: Body;
}

/** One parsed file. */
export interface File {
	readonly kind: 'File';
	readonly name: string;
	readonly body: Body;
}

// ---------------------------------------------------------------- expressions

export type Expr =
	| LiteralExpr
	| TemplateExpr
	| TemplateWrapExpr
	| ScopeTraversalExpr
	| RelativeTraversalExpr
	| IndexExpr
	| SplatExpr
	| TupleExpr
	| ObjectExpr
	| FunctionCallExpr
	| ConditionalExpr
	| BinaryExpr
	| UnaryExpr
	| ForExpr
	| ParenExpr
	| AnonSymbolExpr;

/** A number, bool, or null. Numbers keep their source text so that precision is never lost. */
export interface LiteralExpr extends Node {
	readonly kind: 'Literal';
	readonly value:
		| {readonly type: 'number'; readonly text: string}
		| {readonly type: 'bool'; readonly value: boolean}
		| {readonly type: 'null'};
}

/**
 * A quoted string or heredoc. Parts are literal text (escapes already decoded, `$${` already
 * turned into `${`), interpolations `${expr}`, and directives `%{if}`/`%{for}`. A template
 * with only literal parts evaluates to that string. Strip markers (`~`) are applied by the parser.
 */
export interface TemplateExpr extends Node {
	readonly kind: 'Template';
	readonly parts: readonly TemplatePart[];
	/** True for heredocs: affects nothing at evaluation, kept for tools. */
	readonly heredoc: boolean;
}

export type TemplatePart =
	| {readonly kind: 'Literal'; readonly value: string; readonly range: Range}
	| {readonly kind: 'Interp'; readonly expr: Expr; readonly range: Range}
	| TemplateIf
	| TemplateFor;

export interface TemplateIf {
	readonly kind: 'If';
	readonly range: Range;
	readonly cond: Expr;
	readonly then: readonly TemplatePart[];
	readonly else: readonly TemplatePart[];
}

export interface TemplateFor {
	readonly kind: 'For';
	readonly range: Range;
	/** `%{ for k, v in coll }`: keyVar is undefined with a single variable. */
	readonly keyVar?: string;
	readonly valueVar: string;
	readonly coll: Expr;
	readonly body: readonly TemplatePart[];
}

/**
 * A template that is exactly one interpolation ("${x}"): HCL returns the value of x unconverted
 * (a list stays a list). The parser emits this instead of a one-part Template.
 */
export interface TemplateWrapExpr extends Node {
	readonly kind: 'TemplateWrap';
	readonly expr: Expr;
}

/** A step after a root name or after another expression. */
export type Traverser =
	| {readonly kind: 'Attr'; readonly name: string; readonly range: Range}
	/** `[expr]` with a literal key, or legacy `.0`. */
	| {readonly kind: 'Index'; readonly key: Expr; readonly range: Range};

/** `name.attr[0].x`: a variable root and static steps (literal index keys only). */
export interface ScopeTraversalExpr extends Node {
	readonly kind: 'ScopeTraversal';
	readonly root: string;
	readonly rootRange: Range;
	readonly steps: readonly Traverser[];
}

/** `expr.attr` or `expr.0` after a non-variable expression (e.g. `f(x).a`). */
export interface RelativeTraversalExpr extends Node {
	readonly kind: 'RelativeTraversal';
	readonly source: Expr;
	readonly steps: readonly Traverser[];
}

/** `coll[key]` with a dynamic key. */
export interface IndexExpr extends Node {
	readonly kind: 'Index';
	readonly collection: Expr;
	readonly key: Expr;
	readonly openRange: Range;
}

/**
 * `source[*].a.b` (full splat) or `source.*.a` (attribute-only splat). `each` is evaluated once per
 * element with the element bound to the AnonSymbol node it contains.
 */
export interface SplatExpr extends Node {
	readonly kind: 'Splat';
	readonly source: Expr;
	readonly each: Expr;
	readonly item: AnonSymbolExpr;
	readonly markerRange: Range;
}

/** The current element inside a splat's `each` expression. */
export interface AnonSymbolExpr extends Node {
	readonly kind: 'AnonSymbol';
}

export interface TupleExpr extends Node {
	readonly kind: 'Tuple';
	readonly items: readonly Expr[];
}

export interface ObjectItem {
	/**
	 * The key. A bare identifier key is an ObjectKey with `ident` set: it means the literal string
	 * unless wrapped in parentheses (then it is an expression, a ParenExpr here).
	 */
	readonly key: Expr;
	readonly keyIdent?: string;
	readonly value: Expr;
	readonly range: Range;
}

export interface ObjectExpr extends Node {
	readonly kind: 'Object';
	readonly items: readonly ObjectItem[];
}

export interface FunctionCallExpr extends Node {
	readonly kind: 'FunctionCall';
	readonly name: string;
	readonly nameRange: Range;
	readonly args: readonly Expr[];
	/** `f(a, b...)`: the last argument is a list/tuple expanded into arguments. */
	readonly expandFinal: boolean;
	readonly openParenRange: Range;
	readonly closeParenRange: Range;
}

export interface ConditionalExpr extends Node {
	readonly kind: 'Conditional';
	readonly cond: Expr;
	readonly then: Expr;
	readonly else: Expr;
}

export type BinaryOp =
	| '||'
	| '&&'
	| '=='
	| '!='
	| '<'
	| '<='
	| '>'
	| '>='
	| '+'
	| '-'
	| '*'
	| '/'
	| '%';

export interface BinaryExpr extends Node {
	readonly kind: 'Binary';
	readonly op: BinaryOp;
	readonly left: Expr;
	readonly right: Expr;
}

export interface UnaryExpr extends Node {
	readonly kind: 'Unary';
	readonly op: '!' | '-';
	readonly operand: Expr;
}

/** `[for k, v in coll : expr if cond]` or `{for k, v in coll : key => value... if cond}`. */
export interface ForExpr extends Node {
	readonly kind: 'For';
	readonly keyVar?: string;
	readonly valueVar: string;
	readonly coll: Expr;
	/** Object form only. */
	readonly keyExpr?: Expr;
	readonly valueExpr: Expr;
	readonly cond?: Expr;
	/** Object form with `...`: values with the same key are grouped into tuples. */
	readonly group: boolean;
	readonly object: boolean;
}

/** `(expr)`: kept because a parenthesized object key is evaluated, not taken literally. */
export interface ParenExpr extends Node {
	readonly kind: 'Paren';
	readonly expr: Expr;
}
