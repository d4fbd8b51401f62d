// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are HCL source, where ${} is literal text
// Property tests: any input (random, or a corpus file with characters deleted, inserted or
// duplicated) parses without throwing, and every diagnostic range lies inside the text with
// line/column numbers that agree with its offsets.

import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {syntheticBakeFile} from '../../../bench/parse.bench.js';
import type {Diagnostic, Pos} from '../../../src/core/diagnostics.js';
import {parseExpression, parseHcl, parseTemplate} from '../../../src/core/hcl/parser.js';
import {CORPUS_FILE} from '../../shared-path.js';

function corpus(): string[] {
	const out = [
		syntheticBakeFile(3),
		readFileSync(new URL('../../fixtures/hcl/constructs.hcl', import.meta.url), 'utf8'),
	];
	try {
		const cases = JSON.parse(readFileSync(CORPUS_FILE, 'utf8')) as {
			files?: Record<string, string>;
		}[];
		for (const c of cases.slice(0, 60)) {
			for (const [f, t] of Object.entries(c.files ?? {})) if (f.endsWith('.hcl')) out.push(t);
		}
	} catch {
		// The shared corpus is optional here; the local inputs still exercise the parser.
	}
	return out;
}

/** Line and column (1-based, UTF-16 units) of an offset. */
function posAt(text: string, offset: number): {line: number; col: number} {
	let line = 1;
	let lineStart = 0;
	for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return {line, col: offset - lineStart + 1};
}

function checkPos(text: string, p: Pos): void {
	expect(p.offset).toBeGreaterThanOrEqual(0);
	expect(p.offset).toBeLessThanOrEqual(text.length);
	expect({line: p.line, col: p.col}).toEqual(posAt(text, p.offset));
}

function checkDiagnostics(text: string, diags: readonly Diagnostic[]): void {
	for (const d of diags) {
		expect(d.summary).not.toBe('Internal parser error');
		expect(d.range).toBeDefined();
		if (!d.range) continue;
		checkPos(text, d.range.start);
		checkPos(text, d.range.end);
		expect(d.range.start.offset).toBeLessThanOrEqual(d.range.end.offset);
	}
}

const hclChars = fc.constantFrom(
	...'abc xyz_-019.e"\'${}%~[]()<>=!&|?:,*/+#\n\t\\EOT'.split(''),
	'<<EOT\n',
	'<<-EOT\n',
	'\nEOT\n',
	'${',
	'%{',
	'%{ if a }',
	'%{ endif }',
	'%{ for x in y }',
	'/*',
	'*/',
	'//',
	'target "a" {\n',
	'}\n',
	'é',
	'😀',
	'\r\n',
);
const hclText = fc.array(hclChars, {maxLength: 80}).map((xs) => xs.join(''));

type Edit = {kind: 'delete' | 'insert' | 'duplicate'; at: number; ch: string};
const edit = fc.record({
	kind: fc.constantFrom<Edit['kind']>('delete', 'insert', 'duplicate'),
	at: fc.nat(),
	ch: fc.constantFrom(...'"{}[]()$%~=\n#/*<-\\'.split('')),
});

function mutate(text: string, edits: readonly Edit[]): string {
	let t = text;
	for (const e of edits) {
		const at = t.length === 0 ? 0 : e.at % t.length;
		if (e.kind === 'delete') t = t.slice(0, at) + t.slice(at + 1);
		else if (e.kind === 'insert') t = t.slice(0, at) + e.ch + t.slice(at);
		else t = t.slice(0, at) + t.slice(at, at + 3) + t.slice(at);
	}
	return t;
}

describe('parser robustness', () => {
	it('never throws on random input and keeps diagnostic ranges inside the text', () => {
		fc.assert(
			fc.property(hclText, (text) => {
				checkDiagnostics(text, parseHcl(text, 'r.hcl').diagnostics);
				checkDiagnostics(text, parseExpression(text, 'r.hcl').diagnostics);
				checkDiagnostics(text, parseTemplate(text, 'r.hcl').diagnostics);
			}),
			{numRuns: 1500},
		);
	});

	it('never throws on mutated corpus files', () => {
		const files = corpus();
		fc.assert(
			fc.property(
				fc.nat(files.length - 1),
				fc.array(edit, {minLength: 1, maxLength: 4}),
				(i, edits) => {
					const text = mutate(files[i] ?? '', edits);
					checkDiagnostics(text, parseHcl(text, 'm.hcl').diagnostics);
				},
			),
			{numRuns: 400},
		);
	});

	it('survives deep nesting without a stack overflow', () => {
		const shapes: [string, string][] = [
			['x = ', '['],
			['x = ', '('],
			['x = ', '{a = '],
			['x = ', '"${'],
			['', 'b {\n'],
		];
		for (const [prefix, open] of shapes) {
			const text = prefix + open.repeat(5000);
			const r = parseHcl(text, 'deep.hcl');
			expect(r.diagnostics.length).toBeGreaterThan(0);
			checkDiagnostics(text, r.diagnostics);
		}
	});
});
