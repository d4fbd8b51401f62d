// Shared helpers for the HCL parser tests.

import {expect} from 'vitest';
import type {Diagnostic} from '../../../src/core/diagnostics.js';
import type {Expr, File} from '../../../src/core/hcl/ast.js';
import {parseExpression, parseHcl} from '../../../src/core/hcl/parser.js';

/** Parse an expression that must be valid. */
export function expr(src: string): Expr {
	const r = parseExpression(src, 'e.hcl');
	expect(r.diagnostics).toEqual([]);
	return r.expr;
}

/** Parse a file that must be valid. */
export function file(src: string): File {
	const r = parseHcl(src, 'f.hcl');
	expect(r.diagnostics).toEqual([]);
	return r.file;
}

/** The text a range covers. */
export function slice(
	src: string,
	node: {range: {start: {offset: number}; end: {offset: number}}},
): string {
	return src.slice(node.range.start.offset, node.range.end.offset);
}

/** `summary @ line:col-line:col` for compact assertions on diagnostics. */
export function brief(d: Diagnostic): string {
	const r = d.range;
	return r ? `${d.summary} @ ${r.start.line}:${r.start.col}-${r.end.line}:${r.end.col}` : d.summary;
}
