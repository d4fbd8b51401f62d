// Bodies: attributes and blocks, one per line, including one-line blocks `b { x = 1 }`.
// Wording and recovery follow hclsyntax's ParseBody / finishParsingBodyBlock.

import type {Range} from '../diagnostics.js';
import type {Attribute, Block, Body} from './ast.js';
import {parseExpr} from './parser-expr.js';
import {between, MAX_DEPTH, type Parser, rangeString, type Tok} from './parser-state.js';
import {T, type TokenType} from './tokens.js';

const DEFINITION_REQUIRED = 'Argument or block definition required';
const UNCLOSED_BLOCK =
	'There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.';

/** Items up to (and including) the `end` token; `startRange` is the opening brace or file start. */
export function parseBody(p: Parser, end: TokenType, startRange: Range): Body {
	const attributes: Attribute[] = [];
	const blocks: Block[] = [];
	let seen: Map<string, Attribute> | undefined;
	let endRange = startRange;
	for (;;) {
		const next = p.cur;
		const type = p.types[next];
		if (type === end) {
			endRange = p.range(next);
			p.read();
			break;
		}
		if (type === T.Newline) {
			p.read();
			continue;
		}
		if (type === T.Ident) {
			const at = p.pos;
			const item = parseBodyItem(p);
			if (item?.kind === 'Block') blocks.push(item);
			else if (item?.kind === 'Attribute') {
				const existing = findAttribute(attributes, seen, item.name);
				if (existing) {
					p.err(
						item.nameRange,
						'Attribute redefined',
						`The argument ${JSON.stringify(item.name)} was already set at ${rangeString(existing.nameRange)}. Each argument may be set only once.`,
					);
				} else {
					attributes.push(item);
					if (seen) seen.set(item.name, item);
					else if (attributes.length > SCAN_LIMIT)
						seen = new Map(attributes.map((a) => [a.name, a]));
				}
			}
			if (p.pos === at) p.read();
			continue;
		}
		const bad = p.read();
		if (!p.recovery) {
			const badType = p.types[bad];
			if (badType === T.OQuote) {
				p.err(p.range(bad), 'Invalid argument name', 'Argument names must not be quoted.');
			} else if (badType === T.EOF) {
				if (end === T.CBrace) p.err(startRange, 'Unclosed configuration block', UNCLOSED_BLOCK);
				else {
					p.err(
						startRange,
						'Unclosed configuration body',
						'Found end of file before the end of this configuration body.',
					);
				}
			} else {
				p.err(
					p.range(bad),
					DEFINITION_REQUIRED,
					'An argument or block definition is required here.',
				);
			}
		}
		endRange = p.prevRange();
		p.recover(end);
		break;
	}
	return {kind: 'Body', attributes, blocks, range: between(startRange, endRange)};
}

/** Bodies with more attributes than this find duplicates through a Map instead of a scan. */
const SCAN_LIMIT = 16;

function findAttribute(
	attributes: readonly Attribute[],
	seen: Map<string, Attribute> | undefined,
	name: string,
): Attribute | undefined {
	if (seen) return seen.get(name);
	for (let i = 0; i < attributes.length; i++)
		if (attributes[i]!.name === name) return attributes[i];
	return undefined;
}

function parseBodyItem(p: Parser): Attribute | Block | undefined {
	const ident = p.read();
	const next = p.types[p.cur];
	if (next === T.Equal) return finishAttribute(p, ident, false);
	if (next === T.OQuote || next === T.OBrace || next === T.Ident) return finishBlock(p, ident);
	p.recoverAfterBodyItem();
	p.err(
		p.range(ident),
		DEFINITION_REQUIRED,
		'An argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value.',
	);
	return undefined;
}

function finishAttribute(p: Parser, ident: Tok, singleLine: boolean): Attribute {
	p.read(); // =
	const mark = p.diags.length;
	const expr = parseExpr(p);
	if (p.recovery && p.diags.length > mark) p.recoverAfterBodyItem();
	else if (!singleLine) {
		const end = p.cur;
		const endType = p.types[end];
		if (endType === T.Newline || endType === T.EOF) p.read();
		else {
			if (!p.recovery) {
				const comma = endType === T.Comma;
				p.err(
					p.range(end),
					comma ? 'Unexpected comma after argument' : 'Missing newline after argument',
					comma
						? 'Argument definitions must be separated by newlines, not commas. An argument definition must end with a newline.'
						: 'An argument definition must end with a newline.',
				);
			}
			p.recoverAfterBodyItem();
		}
	}
	const nameRange = p.range(ident);
	return {
		kind: 'Attribute',
		name: p.text(ident),
		nameRange,
		expr,
		range: between(nameRange, expr.range),
	};
}

function finishBlock(p: Parser, ident: Tok): Block {
	const typeRange = p.range(ident);
	const labels: string[] = [];
	const labelRanges: Range[] = [];
	let oBrace = -1;
	while (oBrace < 0) {
		const tok = p.cur;
		const type = p.types[tok];
		if (type === T.OBrace) oBrace = p.read();
		else if (type === T.OQuote) parseQuotedLabel(p, labels, labelRanges);
		else if (type === T.Ident) {
			p.read();
			labels.push(p.text(tok));
			labelRanges.push(p.range(tok));
		} else {
			const detail =
				type === T.Equal
					? 'The equals sign "=" indicates an argument definition, and must not be used when defining a block.'
					: type === T.Newline
						? 'A block definition must have block content delimited by "{" and "}", starting on the same line as the block header.'
						: 'Either a quoted string block label or an opening brace ("{") is expected here.';
			if (!p.recovery || type === T.Equal || type === T.Newline) {
				p.err(p.range(tok), 'Invalid block definition', detail);
			}
			p.recoverAfterBodyItem();
			const last = labelRanges[labelRanges.length - 1] ?? typeRange;
			const body: Body = {kind: 'Body', attributes: [], blocks: [], range: typeRange};
			return {
				kind: 'Block',
				type: p.text(ident),
				typeRange,
				labels,
				labelRanges,
				body,
				range: between(typeRange, last),
			};
		}
	}
	const openRange = p.range(oBrace);
	let body: Body;
	const first = p.types[p.cur];
	if (first === T.Newline || first === T.EOF || first === T.CBrace) {
		if (p.depth >= MAX_DEPTH) {
			if (!p.recovery)
				p.err(
					openRange,
					'Block too deeply nested',
					`Blocks may be nested at most ${MAX_DEPTH} levels deep.`,
				);
			p.recover(T.CBrace);
			body = {kind: 'Body', attributes: [], blocks: [], range: openRange};
		} else {
			p.depth++;
			body = parseBody(p, T.CBrace, openRange);
			p.depth--;
		}
	} else {
		body = parseSingleAttrBody(p, openRange);
	}
	const cBraceRange = p.prevRange();
	const eol = p.cur;
	const eolType = p.types[eol];
	if (eolType === T.Newline || eolType === T.EOF) p.read();
	else {
		if (!p.recovery) {
			p.err(
				p.range(eol),
				'Missing newline after block definition',
				'A block definition must end with a newline.',
			);
		}
		p.recoverAfterBodyItem();
	}
	return {
		kind: 'Block',
		type: p.text(ident),
		typeRange,
		labels,
		labelRanges,
		body,
		range: between(typeRange, cBraceRange),
	};
}

/** `b { x = 1 }`: exactly one attribute, closed on the same line. */
function parseSingleAttrBody(p: Parser, openRange: Range): Body {
	const ident = p.read();
	const attributes: Attribute[] = [];
	if (p.types[ident] !== T.Ident) {
		p.recoverAfterBodyItem();
		p.err(p.range(ident), DEFINITION_REQUIRED, 'An argument or block definition is required here.');
	} else {
		const next = p.cur;
		const nextType = p.types[next];
		if (nextType === T.Equal) attributes.push(finishAttribute(p, ident, true));
		else {
			p.recoverAfterBodyItem();
			if (nextType === T.OQuote || nextType === T.OBrace || nextType === T.Ident) {
				p.err(
					p.span(ident, next),
					'Argument definition required',
					`A single-line block definition can contain only a single argument. If you meant to define argument ${JSON.stringify(p.text(ident))}, use an equals sign to assign it a value. To define a nested block, place it on a line of its own within its parent block.`,
				);
			} else {
				p.err(
					p.range(ident),
					DEFINITION_REQUIRED,
					'An argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value.',
				);
			}
		}
	}
	const close = p.cur;
	const closeType = p.types[close];
	if (closeType === T.CBrace) p.read();
	else {
		const single = 'Invalid single-argument block definition';
		if (closeType === T.Comma) {
			p.err(
				p.range(close),
				single,
				'Single-line block syntax can include only one argument definition. To define multiple arguments, use the multi-line block syntax with one argument definition per line.',
			);
		} else if (closeType === T.Newline) {
			p.err(
				p.range(close),
				single,
				"An argument definition on the same line as its containing block creates a single-line block definition, which must also be closed on the same line. Place the block's closing brace immediately after the argument definition.",
			);
		} else if (!p.recovery) {
			if (closeType === T.EOF) p.err(openRange, 'Unclosed configuration block', UNCLOSED_BLOCK);
			else
				p.err(
					p.range(close),
					single,
					'A single-line block definition must end with a closing brace immediately after its single argument definition.',
				);
		}
		p.recover(T.CBrace);
	}
	return {kind: 'Body', attributes, blocks: [], range: between(openRange, p.prevRange())};
}

/** A quoted block label (no template sequences allowed): appends its value and its range. */
function parseQuotedLabel(p: Parser, labels: string[], labelRanges: Range[]): void {
	const open = p.read();
	let value = '';
	let last: Tok;
	for (;;) {
		last = p.read();
		const type = p.types[last];
		if (type === T.CQuote) break;
		if (type === T.Lit) {
			value += p.text(last);
			continue;
		}
		if (type === T.TemplateInterp || type === T.TemplateControl) {
			const which = type === T.TemplateControl ? '%' : '$';
			p.err(
				p.range(last),
				'Invalid string literal',
				`Template sequences are not allowed in this string. To include a literal "${which}", double it (as "${which}${which}") to escape it.`,
			);
			value += `${which}{ ... }`;
			p.recover(T.TemplateSeqEnd);
			continue;
		}
		if (type === T.EOF) {
			p.err(
				p.range(last),
				'Unterminated string literal',
				'Unable to find the closing quote mark before the end of the file.',
			);
			break;
		}
		p.err(p.range(last), 'Invalid string literal', 'This item is not valid in a string literal.');
		p.recover(T.CQuote);
		break;
	}
	labels.push(value);
	labelRanges.push(p.span(open, last));
}
