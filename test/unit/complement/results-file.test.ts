import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {
	compareCodePoints,
	formatResultsFile,
	parseResultsFile,
} from '../../../src/core/complement/results-file.js';
import {DiagnosticError, formatDiagnostics} from '../../../src/core/diagnostics.js';

const SHARED = new URL('../../fixtures/complement/tuwunel-results-2025-06.jsonl', import.meta.url)
	.pathname;

describe('results file', () => {
	it('round-trips the real tuwunel results file byte for byte', () => {
		const text = readFileSync(SHARED, 'utf8');
		const results = parseResultsFile(text, SHARED);
		expect(results.size).toBe(649);
		expect(formatResultsFile(results)).toBe(text);
	});

	it('sorts by test name in code-point order, one compact line per test', () => {
		const text = formatResultsFile(
			new Map([
				['TestB', 'pass'],
				['TestA/x', 'fail'],
				['TestA', 'skip'],
				['Test\u{1F600}', 'pass'],
				['Test\uFF01', 'pass'],
			]),
		);
		expect(text).toBe(
			[
				'{"Action":"skip","Test":"TestA"}',
				'{"Action":"fail","Test":"TestA/x"}',
				'{"Action":"pass","Test":"TestB"}',
				'{"Action":"pass","Test":"Test\uFF01"}',
				'{"Action":"pass","Test":"Test\u{1F600}"}',
				'',
			].join('\n'),
		);
		expect(compareCodePoints('\uFF01', '\u{1F600}')).toBeLessThan(0);
		expect(formatResultsFile(new Map([['T"\\\x7f\t', 'pass']]))).toBe(
			'{"Action":"pass","Test":"T\\"\\\\\\u007f\\t"}\n',
		);
	});

	it('keeps the last line of a test listed twice', () => {
		const r = parseResultsFile(
			'{"Action":"pass","Test":"TestX"}\n{"Action":"fail","Test":"TestX"}\n',
			'r.jsonl',
		);
		expect(r.get('TestX')).toBe('fail');
	});

	it('reports a bad line with its position', () => {
		const text = '{"Action":"pass","Test":"TestX"}\n{"Action":"pass","Test":\n';
		let error: unknown;
		try {
			parseResultsFile(text, 'base.jsonl');
		} catch (err) {
			error = err;
		}
		expect(error).toBeInstanceOf(DiagnosticError);
		const d = error as DiagnosticError;
		expect(formatDiagnostics(d.diagnostics, d.sources)).toContain(
			'base.jsonl:2:1: error: Invalid results line',
		);
		expect(() => parseResultsFile('{"Action":"run","Test":"T"}', 'b')).toThrow(/Action/);
	});
});
