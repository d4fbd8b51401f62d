// A small JSON reader that keeps the source range of every value and object key, so that
// HCL-JSON bake files get positioned diagnostics like native HCL ones. Object members keep
// their order and duplicates (HCL-JSON gives both meaning).

import type {Diagnostic, Pos, Range} from '../../diagnostics.js';
import {errorAt} from '../../diagnostics.js';

export type JsonNode =
	| {readonly kind: 'object'; readonly range: Range; readonly members: readonly JsonMember[]}
	| {readonly kind: 'array'; readonly range: Range; readonly items: readonly JsonNode[]}
	| {readonly kind: 'string'; readonly range: Range; readonly value: string}
	| {readonly kind: 'number'; readonly range: Range; readonly text: string}
	| {readonly kind: 'bool'; readonly range: Range; readonly value: boolean}
	| {readonly kind: 'null'; readonly range: Range};

export interface JsonMember {
	readonly key: string;
	readonly keyRange: Range;
	readonly value: JsonNode;
}

class JsonSyntaxError extends Error {
	readonly diag: Diagnostic;
	constructor(diag: Diagnostic) {
		super(diag.summary);
		this.diag = diag;
	}
}

export function scanJson(text: string, file: string): {node?: JsonNode; diagnostics: Diagnostic[]} {
	const s = new Scanner(text, file);
	try {
		s.ws();
		const node = s.value();
		s.ws();
		if (s.i < text.length)
			s.fail('Extraneous data after value', 'Extra characters appear after the JSON value.');
		return {node, diagnostics: []};
	} catch (e) {
		if (e instanceof JsonSyntaxError) return {diagnostics: [e.diag]};
		throw e;
	}
}

class Scanner {
	i = 0;
	line = 1;
	col = 1;
	readonly text: string;
	readonly file: string;
	constructor(text: string, file: string) {
		this.text = text;
		this.file = file;
	}

	pos(): Pos {
		return {line: this.line, col: this.col, offset: this.i};
	}

	range(start: Pos): Range {
		return {file: this.file, start, end: this.pos()};
	}

	fail(summary: string, detail: string): never {
		const p = this.pos();
		throw new JsonSyntaxError(errorAt({file: this.file, start: p, end: p}, summary, detail));
	}

	advance(n = 1): void {
		for (let k = 0; k < n; k++) {
			if (this.text[this.i] === '\n') {
				this.line++;
				this.col = 1;
			} else this.col++;
			this.i++;
		}
	}

	ws(): void {
		while (this.i < this.text.length && ' \t\r\n'.includes(this.text[this.i] as string))
			this.advance();
	}

	expect(ch: string): void {
		if (this.text[this.i] !== ch) this.fail('Syntax error', `Expected ${JSON.stringify(ch)}.`);
		this.advance();
	}

	value(): JsonNode {
		const start = this.pos();
		const c = this.text[this.i];
		if (c === '{') return this.object(start);
		if (c === '[') return this.array(start);
		if (c === '"') {
			const value = this.string();
			return {kind: 'string', range: this.range(start), value};
		}
		const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(
			this.text.slice(this.i, this.i + 400),
		);
		if (m && m[0].length > 0) {
			this.advance(m[0].length);
			return {kind: 'number', range: this.range(start), text: m[0]};
		}
		for (const [word, node] of [
			['true', {kind: 'bool', value: true}],
			['false', {kind: 'bool', value: false}],
			['null', {kind: 'null'}],
		] as const) {
			if (this.text.startsWith(word, this.i)) {
				this.advance(word.length);
				return {...node, range: this.range(start)} as JsonNode;
			}
		}
		return this.fail('Syntax error', 'Expected a JSON value.');
	}

	object(start: Pos): JsonNode {
		this.advance();
		const members: JsonMember[] = [];
		this.ws();
		if (this.text[this.i] === '}') {
			this.advance();
			return {kind: 'object', range: this.range(start), members};
		}
		for (;;) {
			this.ws();
			const ks = this.pos();
			if (this.text[this.i] !== '"')
				this.fail('Invalid object key', 'Object keys must be strings.');
			const key = this.string();
			const keyRange = this.range(ks);
			this.ws();
			this.expect(':');
			this.ws();
			members.push({key, keyRange, value: this.value()});
			this.ws();
			if (this.text[this.i] === ',') {
				this.advance();
				continue;
			}
			this.expect('}');
			return {kind: 'object', range: this.range(start), members};
		}
	}

	array(start: Pos): JsonNode {
		this.advance();
		const items: JsonNode[] = [];
		this.ws();
		if (this.text[this.i] === ']') {
			this.advance();
			return {kind: 'array', range: this.range(start), items};
		}
		for (;;) {
			this.ws();
			items.push(this.value());
			this.ws();
			if (this.text[this.i] === ',') {
				this.advance();
				continue;
			}
			this.expect(']');
			return {kind: 'array', range: this.range(start), items};
		}
	}

	string(): string {
		this.advance();
		let out = '';
		for (;;) {
			const c = this.text[this.i];
			if (c === undefined || c === '\n')
				this.fail('Unterminated string', 'The string is not closed.');
			if (c === '"') {
				this.advance();
				return out;
			}
			if (c === '\\') {
				const e = this.text[this.i + 1];
				const map: Record<string, string> = {
					'"': '"',
					'\\': '\\',
					'/': '/',
					b: '\b',
					f: '\f',
					n: '\n',
					r: '\r',
					t: '\t',
				};
				if (e === 'u') {
					const hex = this.text.slice(this.i + 2, this.i + 6);
					if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Invalid escape', 'Invalid \\u escape.');
					out += String.fromCharCode(Number.parseInt(hex, 16));
					this.advance(6);
					continue;
				}
				const m = e === undefined ? undefined : map[e];
				if (m === undefined) this.fail('Invalid escape', 'Invalid escape sequence.');
				out += m;
				this.advance(2);
				continue;
			}
			out += c;
			this.advance();
		}
	}
}
