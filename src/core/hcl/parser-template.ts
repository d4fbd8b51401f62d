// Templates (quoted strings, heredocs, bare templates), in HCL's three passes: collect a flat
// list of pieces (applying `~` strip markers), flush indented heredocs and merge adjacent
// literals, then nest `%{if}`/`%{for}` directives into a tree.

import type {Range} from '../diagnostics.js';
import type {Expr, TemplatePart} from './ast.js';
import {parseExpr} from './parser-expr.js';
import {between, type Parser, type Tok} from './parser-state.js';
import {buildTemplateTree, type Piece} from './template-tree.js';
import {T, type TokenType} from './tokens.js';
import {isSpace} from './unicode.js';

/** At `"` or `<<EOF`: a TemplateExpr, or a TemplateWrapExpr for a lone `${x}`. */
export function parseTemplateExpr(p: Parser): Expr {
	const open = p.read();
	const heredoc = p.types[open] === T.OHeredoc;
	const end = heredoc ? T.CHeredoc : T.CQuote;
	// Shortcuts for the commonest strings, built as the general path below builds them:
	// `""` and `"text"` (a heredoc of one line too, unless it is flushed).
	const first = p.cur;
	const firstType = p.types[first];
	if (firstType === end) {
		p.read();
		const at = p.startPos(first);
		const part: TemplatePart = {
			kind: 'Literal',
			value: '',
			range: {file: p.file, start: at, end: at},
		};
		return {kind: 'Template', parts: [part], heredoc, range: p.span(open, first)};
	}
	if (firstType === T.Lit && p.types[first + 1] === end && !(heredoc && p.flag(open))) {
		p.read();
		const close = p.read();
		const part: TemplatePart = {kind: 'Literal', value: p.text(first), range: p.range(first)};
		return {kind: 'Template', parts: [part], heredoc, range: p.span(open, close)};
	}
	const pieces = collectPieces(p, end, first);
	if (heredoc && p.flag(open)) flushHeredoc(pieces.items);
	const range = p.span(open, p.prevTok());
	return finishTemplate(p, pieces, range, heredoc);
}

/** The whole token stream as one template (HCL's ParseTemplate), up to EOF. */
export function parseBareTemplate(p: Parser, fileRange: () => Range): Expr {
	const pieces = collectPieces(p, T.EOF, p.cur);
	return finishTemplate(p, pieces, fileRange(), false);
}

interface Pieces {
	items: Piece[];
	end: Range;
}

function finishTemplate(p: Parser, pieces: Pieces, range: Range, heredoc: boolean): Expr {
	const items = meld(pieces.items);
	const only = items[0];
	if (items.length === 1 && only?.k === 'interp') {
		return {kind: 'TemplateWrap', expr: only.expr, range};
	}
	const parts: TemplatePart[] = buildTemplateTree(p, items, pieces.end);
	return {kind: 'Template', parts, heredoc, range};
}

/** The pieces up to the `end` token; `first` is the token after the opener. */
function collectPieces(p: Parser, end: TokenType, first: Tok): Pieces {
	const items: Piece[] = [];
	let ltrimNext = false;
	let nextCanTrimPrev = false;
	let endRange: Range;
	for (;;) {
		const next = p.read();
		const type = p.types[next];
		if (type === end) {
			endRange = p.range(next);
			break;
		}
		const ltrim = ltrimNext;
		ltrimNext = false;
		const canTrimPrev = nextCanTrimPrev;
		nextCanTrimPrev = false;
		if (type === T.Lit) {
			const text = p.text(next);
			items.push({k: 'lit', value: ltrim ? trimLeft(text) : text, range: p.range(next)});
			nextCanTrimPrev = true;
			continue;
		}
		if (type === T.TemplateInterp || type === T.TemplateControl) {
			const prev = items[items.length - 1];
			if (canTrimPrev && p.flag(next) && prev?.k === 'lit') prev.value = trimRight(prev.value);
			const nl = p.setNl(false);
			const piece =
				type === T.TemplateInterp
					? interpPiece(p, p.range(next), first, end)
					: directivePiece(p, p.range(next));
			p.restoreNl(nl);
			if (piece === undefined) continue;
			if (piece.stripAfter) ltrimNext = true;
			if (piece.piece) items.push(piece.piece);
			continue;
		}
		if (!p.recovery) {
			p.err(
				p.range(next),
				'Unterminated template string',
				'No closing marker was found for the string.',
			);
		}
		endRange = p.range(p.recover(end));
		break;
	}
	if (items.length === 0) {
		items.push({
			k: 'lit',
			value: '',
			range: {file: p.file, start: endRange.start, end: endRange.start},
		});
	}
	return {items, end: endRange};
}

interface Collected {
	piece?: Piece;
	stripAfter: boolean;
}

/** After `${`: the expression and its closing `}`. `first` is the template's first token. */
function interpPiece(p: Parser, open: Range, first: Tok, end: TokenType): Collected {
	const expr = parseExpr(p);
	const close = p.cur;
	const closeType = p.types[close];
	if (closeType !== T.TemplateSeqEnd) {
		if (!p.recovery) {
			if (closeType === T.EOF) {
				p.err(
					p.range(first),
					'Unclosed template interpolation sequence',
					'There is no closing brace for this interpolation sequence before the end of the file. This might be caused by incorrect nesting inside the given expression.',
				);
			} else if (closeType === T.Colon) {
				p.err(
					p.range(close),
					'Extra characters after interpolation expression',
					'Template interpolation doesn\'t expect a colon at this location. Did you intend this to be a literal sequence to be processed as part of another language? If so, you can escape it by starting with "$${" instead of just "${".',
				);
			} else if ((closeType === T.CQuote || closeType === T.OQuote) && end === T.CQuote) {
				p.err(
					p.range(first),
					'Unclosed template interpolation sequence',
					'There is no closing brace for this interpolation sequence before the end of the quoted template. This might be caused by incorrect nesting inside the given expression.',
				);
			} else {
				p.err(
					p.range(close),
					'Extra characters after interpolation expression',
					'Expected a closing brace to end the interpolation expression, but found extra characters.\n\nThis can happen when you include interpolation syntax for another language, such as shell scripting, but forget to escape the interpolation start token. If this is an embedded sequence for another language, escape it by starting with "$${" instead of just "${".',
				);
			}
		}
		p.recover(T.TemplateSeqEnd);
		return {piece: {k: 'interp', expr, range: between(open, p.prevRange())}, stripAfter: false};
	}
	p.read();
	return {piece: {k: 'interp', expr, range: p.spanFrom(open, close)}, stripAfter: p.flag(close)};
}

const KEYWORDS = ['if', 'for', 'else', 'endif', 'endfor'];

/** After `%{`: one directive keyword with its operands, and its closing `}`. */
function directivePiece(p: Parser, open: Range): Collected | undefined {
	const kw = p.cur;
	if (p.types[kw] !== T.Ident) {
		if (!p.recovery) {
			p.err(
				p.range(kw),
				'Invalid template directive',
				'A template directive keyword ("if", "for", etc) is expected at the beginning of a %{ sequence.',
			);
		}
		p.recover(T.TemplateSeqEnd);
		return undefined;
	}
	p.read();
	let piece: Piece;
	const word = p.text(kw);
	switch (word) {
		case 'if': {
			const cond = parseExpr(p);
			piece = {k: 'if', cond, range: p.spanFrom(open, p.cur)};
			break;
		}
		case 'else':
		case 'endif':
		case 'endfor':
			piece = {k: word, range: p.spanFrom(open, p.cur)};
			break;
		case 'for': {
			if (p.types[p.cur] !== T.Ident)
				return badForDirective(p, "For directive requires variable name after 'for'.");
			let keyVar: string | undefined;
			let valueVar = p.text(p.read());
			if (p.types[p.cur] === T.Comma) {
				p.read();
				keyVar = valueVar;
				if (p.types[p.cur] !== T.Ident)
					return badForDirective(p, 'For directive requires value variable name after comma.');
				valueVar = p.text(p.read());
			}
			const inKw = p.cur;
			if (p.types[inKw] !== T.Ident || p.text(inKw) !== 'in')
				return badForDirective(p, "For directive requires 'in' keyword after names.");
			p.read();
			const coll = parseExpr(p);
			piece = {k: 'for', keyVar, valueVar, coll, range: p.spanFrom(open, p.cur)};
			break;
		}
		default: {
			if (!p.recovery) {
				const s = suggest(word, KEYWORDS);
				p.err(
					p.range(kw),
					'Invalid template control keyword',
					`${JSON.stringify(word)} is not a valid template control keyword.${s ? ` Did you mean ${JSON.stringify(s)}?` : ''}`,
				);
			}
			p.recover(T.TemplateSeqEnd);
			return undefined;
		}
	}
	const close = p.cur;
	if (p.types[close] !== T.TemplateSeqEnd) {
		if (!p.recovery) {
			p.err(
				p.range(close),
				`Extra characters in ${word} marker`,
				'Expected a closing brace to end the sequence, but found extra characters.',
			);
		}
		p.recover(T.TemplateSeqEnd);
		return {piece, stripAfter: false};
	}
	p.read();
	return {piece, stripAfter: p.flag(close)};
}

function badForDirective(p: Parser, detail: string): undefined {
	if (!p.recovery) p.err(p.range(p.cur), "Invalid 'for' directive", detail);
	p.recover(T.TemplateSeqEnd);
	return undefined;
}

function trimLeft(s: string): string {
	let i = 0;
	while (i < s.length && isSpace(s.charCodeAt(i))) i++;
	return i === 0 ? s : s.slice(i);
}

function trimRight(s: string): string {
	let i = s.length;
	while (i > 0 && isSpace(s.charCodeAt(i - 1))) i--;
	return i === s.length ? s : s.slice(0, i);
}

/**
 * `<<-` heredocs: find the smallest leading-whitespace count over the literal pieces that start
 * a line (blank lines do not count; a line starting with an interpolation counts as zero) and
 * remove that many characters from each of them. Works on pieces, not on the rendered result,
 * so interpolated values never affect the indentation.
 */
function flushHeredoc(items: Piece[]): void {
	let min = Number.MAX_SAFE_INTEGER;
	let newline = true;
	const adjust: Extract<Piece, {k: 'lit'}>[] = [];
	for (const it of items) {
		if (newline) {
			newline = false;
			let spaces = 0;
			if (it.k === 'lit') {
				const lead = it.value.length - trimLeft(it.value).length;
				if (lead === it.value.length && it.value.endsWith('\n')) spaces = Number.MAX_SAFE_INTEGER;
				else {
					spaces = lead;
					adjust.push(it);
				}
			}
			if (spaces < min) min = spaces;
		}
		if (it.k === 'lit' && it.value.endsWith('\n')) newline = true;
	}
	if (min === 0 || min === Number.MAX_SAFE_INTEGER) return;
	for (const lit of adjust) {
		lit.value = lit.value.slice(min);
		const s = lit.range.start;
		lit.range = {
			file: lit.range.file,
			start: {line: s.line, col: s.col + min, offset: s.offset + min},
			end: lit.range.end,
		};
	}
}

/** Merge adjacent literal pieces (after trimming and flushing). */
function meld(items: Piece[]): Piece[] {
	const out: Piece[] = [];
	for (let i = 0; i < items.length; i++) {
		const it = items[i]!;
		const prev = out[out.length - 1];
		if (it.k === 'lit' && prev?.k === 'lit') {
			out[out.length - 1] = {
				k: 'lit',
				value: prev.value + it.value,
				range: {file: prev.range.file, start: prev.range.start, end: it.range.end},
			};
		} else out.push(it);
	}
	return out;
}

/** HCL's nameSuggestion: the first candidate within edit distance 2. */
function suggest(given: string, options: readonly string[]): string | undefined {
	for (const o of options) if (distance(given, o) < 3) return o;
	return undefined;
}

function distance(a: string, b: string): number {
	let prev = Array.from({length: b.length + 1}, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const cur = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
		}
		prev = cur;
	}
	return prev[b.length] ?? 0;
}
