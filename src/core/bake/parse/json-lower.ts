// HCL-JSON bake files lowered to the native syntax tree, so that one evaluator serves both.
// Which keys are blocks depends on the schema (as in HCL's JSON decoder): at the root
// `variable`, `target`, `group`, `function` are one-label blocks; in a variable `validation` is a
// block. String values are templates ("${x}"); a variable's `type` and a function's
// `params`/`variadic_params` are read as expressions/identifiers, as hcl's ExprAsKeyword and
// typeexpr do with JSON strings.

import type {Diagnostic, Range} from '../../diagnostics.js';
import {errorAt} from '../../diagnostics.js';
import type {Attribute, Block, Body, Expr, File} from '../../hcl/ast.js';
import {parseExpression, parseTemplate} from '../../hcl/parser.js';
import type {JsonMember, JsonNode} from './json-scan.js';
import {scanJson} from './json-scan.js';

type BodyKind = 'root' | 'variable' | 'function' | 'plain';

const ROOT_BLOCKS = new Set(['variable', 'target', 'group', 'function']);

export function parseJsonBakeFile(
	text: string,
	file: string,
): {file?: File; diagnostics: Diagnostic[]} {
	const scanned = scanJson(text, file);
	if (!scanned.node) return {diagnostics: scanned.diagnostics};
	const root = scanned.node;
	if (root.kind !== 'object') {
		return {
			diagnostics: [
				errorAt(
					root.range,
					'Root value must be object',
					'The root value in a JSON-based configuration must be a JSON object.',
				),
			],
		};
	}
	const l = new Lowerer(file);
	const body = l.body(root, 'root');
	return {file: {kind: 'File', name: file, body}, diagnostics: l.diags};
}

class Lowerer {
	readonly diags: Diagnostic[] = [];
	readonly file: string;
	constructor(file: string) {
		this.file = file;
	}

	body(node: Extract<JsonNode, {kind: 'object'}>, kind: BodyKind): Body {
		const attributes: Attribute[] = [];
		const blocks: Block[] = [];
		for (const m of node.members) {
			if (kind === 'root' && ROOT_BLOCKS.has(m.key)) {
				this.labelledBlocks(m, blocks);
			} else if (kind === 'variable' && m.key === 'validation') {
				for (const b of objectsOf(m.value)) {
					blocks.push(this.block(m, [], [], b, 'plain'));
				}
			} else {
				const prev = attributes.findIndex((a) => a.name === m.key);
				if (prev >= 0) attributes.splice(prev, 1);
				attributes.push({
					kind: 'Attribute',
					name: m.key,
					nameRange: m.keyRange,
					expr: this.attrExpr(m, kind),
					range: span(m.keyRange, m.value.range),
				});
			}
		}
		return {kind: 'Body', attributes, blocks, range: node.range};
	}

	/** `"target": {"a": {...}}`, `"target": {"a": [{...}, {...}]}`, or an array of such objects. */
	private labelledBlocks(m: JsonMember, out: Block[]): void {
		const bodyKind: BodyKind =
			m.key === 'variable' ? 'variable' : m.key === 'function' ? 'function' : 'plain';
		for (const labels of objectsOf(m.value)) {
			for (const lm of labels.members) {
				const bodies = objectsOf(lm.value);
				if (bodies.length === 0) {
					this.diags.push(
						errorAt(
							lm.value.range,
							'Incorrect JSON value type',
							`A JSON object is required here, to define the body of a ${m.key} block.`,
						),
					);
				}
				for (const b of bodies) out.push(this.block(m, [lm.key], [lm.keyRange], b, bodyKind));
			}
		}
	}

	private block(
		m: JsonMember,
		labels: string[],
		labelRanges: Range[],
		body: Extract<JsonNode, {kind: 'object'}>,
		kind: BodyKind,
	): Block {
		return {
			kind: 'Block',
			type: m.key,
			typeRange: m.keyRange,
			labels,
			labelRanges,
			body: this.body(body, kind),
			range: span(m.keyRange, body.range),
		};
	}

	private attrExpr(m: JsonMember, kind: BodyKind): Expr {
		if (kind === 'variable' && m.key === 'type' && m.value.kind === 'string') {
			return this.parsed(parseExpression(m.value.value, this.file, innerStart(m.value.range)));
		}
		if (kind === 'function' && (m.key === 'params' || m.key === 'variadic_params')) {
			return this.keywords(m.value);
		}
		return this.expr(m.value);
	}

	/** Strings in `params` are parameter names: lowered to bare identifiers. */
	private keywords(n: JsonNode): Expr {
		if (n.kind === 'string') {
			return {kind: 'ScopeTraversal', root: n.value, rootRange: n.range, steps: [], range: n.range};
		}
		if (n.kind === 'array')
			return {kind: 'Tuple', items: n.items.map((i) => this.keywords(i)), range: n.range};
		return this.expr(n);
	}

	private parsed(r: {expr: Expr; diagnostics: readonly Diagnostic[]}): Expr {
		this.diags.push(...r.diagnostics);
		return r.expr;
	}

	expr(n: JsonNode): Expr {
		switch (n.kind) {
			case 'string':
				return this.parsed(parseTemplate(n.value, this.file, innerStart(n.range)));
			case 'number':
				return {kind: 'Literal', value: {type: 'number', text: n.text}, range: n.range};
			case 'bool':
				return {kind: 'Literal', value: {type: 'bool', value: n.value}, range: n.range};
			case 'null':
				return {kind: 'Literal', value: {type: 'null'}, range: n.range};
			case 'array':
				return {kind: 'Tuple', items: n.items.map((i) => this.expr(i)), range: n.range};
			case 'object':
				return {
					kind: 'Object',
					range: n.range,
					items: n.members.map((mm) => ({
						key: this.parsed(parseTemplate(mm.key, this.file, innerStart(mm.keyRange))),
						value: this.expr(mm.value),
						range: span(mm.keyRange, mm.value.range),
					})),
				};
		}
	}
}

function objectsOf(n: JsonNode): Extract<JsonNode, {kind: 'object'}>[] {
	if (n.kind === 'object') return [n];
	if (n.kind === 'array') return n.items.flatMap((i) => (i.kind === 'object' ? [i] : []));
	return [];
}

function span(a: Range, b: Range): Range {
	return {file: a.file, start: a.start, end: b.end};
}

/** Position just after a string's opening quote: where its template text starts. */
function innerStart(r: Range): import('../../diagnostics.js').Pos {
	return {line: r.start.line, col: r.start.col + 1, offset: r.start.offset + 1};
}
