// Public entry points of the HCL native-syntax parser. Nothing here throws: bad input yields a
// partial tree plus positioned diagnostics worded as hashicorp/hcl words them. The whole text
// is lexed first (so lexer errors are reported for all of it, as HCL does), then parsed.

import type {Diagnostic, Pos, Range} from '../diagnostics.js';
import type {Body, Expr, File} from './ast.js';
import {Lexer} from './lexer.js';
import {parseBody} from './parser-body.js';
import {parseExpr, placeholder} from './parser-expr.js';
import {Parser} from './parser-state.js';
import {parseBareTemplate} from './parser-template.js';
import {T} from './tokens.js';

export interface ParseResult {
	readonly file: File;
	readonly diagnostics: Diagnostic[];
}

export interface ExprResult {
	readonly expr: Expr;
	readonly diagnostics: Diagnostic[];
}

const ORIGIN: Pos = {line: 1, col: 1, offset: 0};

/** Parse a whole `.hcl` file. */
export function parseHcl(text: string, fileName: string): ParseResult {
	const lx = new Lexer(text, fileName, {});
	lx.run();
	const p = new Parser(lx, fileName, [], true);
	const origin = startRange(fileName, ORIGIN);
	const body = guard(p, origin, () => parseBody(p, T.EOF, origin));
	const range = wholeRange(lx, ORIGIN);
	const fileBody: Body = body
		? {...body, range}
		: {kind: 'Body', attributes: [], blocks: [], range};
	return {
		file: {kind: 'File', name: fileName, body: fileBody},
		diagnostics: [...lx.diags, ...p.diags],
	};
}

/** Parse one expression (newlines ignored, as HCL's ParseExpression). */
export function parseExpression(text: string, fileName: string, start: Pos = ORIGIN): ExprResult {
	const lx = new Lexer(text, fileName, {start});
	lx.run();
	const p = new Parser(lx, fileName, [], false);
	const expr = guard(p, startRange(fileName, start), () => {
		const e = parseExpr(p);
		const next = p.cur;
		if (p.type(next) !== T.EOF && !p.recovery) {
			p.err(
				p.range(next),
				'Extra characters after expression',
				'An expression was successfully parsed, but extra characters were found after it.',
			);
		}
		return e;
	});
	const range = wholeRange(lx, start);
	return {expr: expr ?? placeholder(range), diagnostics: [...lx.diags, ...p.diags]};
}

/** Parse text as a template (an HCL-JSON string value): literal text with `${}` and `%{}`. */
export function parseTemplate(text: string, fileName: string, start: Pos = ORIGIN): ExprResult {
	const lx = new Lexer(text, fileName, {start, template: true});
	lx.run();
	const p = new Parser(lx, fileName, [], false);
	const whole = (): Range => wholeRange(lx, start);
	const expr = guard(p, startRange(fileName, start), () => parseBareTemplate(p, whole));
	return {expr: expr ?? placeholder(whole()), diagnostics: [...lx.diags, ...p.diags]};
}

function startRange(file: string, start: Pos): Range {
	return {file, start, end: start};
}

/** The range of the whole (lexed) text: from `start` to the EOF token. */
function wholeRange(lx: Lexer, start: Pos): Range {
	const end = lx.count > 0 ? lx.startPos(lx.count - 1) : start;
	return {file: lx.file, start, end};
}

/** Last line of defence for "never throws": a parser bug becomes a diagnostic, not a crash. */
function guard<R>(p: Parser, range: Range, run: () => R): R | undefined {
	try {
		return run();
	} catch (e) {
		p.err(range, 'Internal parser error', e instanceof Error ? e.message : String(e));
		return undefined;
	}
}
