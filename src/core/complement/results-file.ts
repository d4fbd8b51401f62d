// The results file: what tuwunel's tester writes with
//   jq -c 'select(pass|fail|skip and .Test) | {Action, Test}' | jq -s -c 'sort_by(.Test)[]' | uniq
// i.e. one compact `{"Action":"pass","Test":"TestX"}` line per result, sorted by test name in
// code-point order (jq compares UTF-8 bytes). A committed copy of it is the baseline.
// We write one line per test (its last result), so a file with unique names round-trips
// byte for byte.

import {DiagnosticError, errorAt} from '../diagnostics.js';
import type {TestResult} from './parse-line.js';

export type ResultMap = ReadonlyMap<string, TestResult>;

/** Parses a results file. A test listed more than once keeps its last line (the last result). */
export function parseResultsFile(text: string, file: string): Map<string, TestResult> {
	const out = new Map<string, TestResult>();
	let offset = 0;
	let lineNo = 0;
	while (offset < text.length) {
		let end = text.indexOf('\n', offset);
		if (end < 0) end = text.length;
		lineNo++;
		const line = text.slice(offset, end).replace(/\r$/, '');
		if (line.trim() !== '') {
			const entry = parseEntry(line);
			if (typeof entry === 'string') {
				const pos = {line: lineNo, col: 1, offset};
				const endPos = {line: lineNo, col: line.length + 1, offset: offset + line.length};
				throw new DiagnosticError(
					[errorAt({file, start: pos, end: endPos}, 'Invalid results line', entry)],
					new Map([[file, text]]),
				);
			}
			out.set(entry.test, entry.result);
		}
		offset = end + 1;
	}
	return out;
}

function parseEntry(line: string): {test: string; result: TestResult} | string {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		return 'expected one JSON object per line, like {"Action":"pass","Test":"TestX"}';
	}
	if (typeof value !== 'object' || value === null) return 'expected a JSON object';
	const v = value as Record<string, unknown>;
	const action = v['Action'];
	const test = v['Test'];
	if (action !== 'pass' && action !== 'fail' && action !== 'skip')
		return 'the "Action" must be "pass", "fail" or "skip"';
	if (typeof test !== 'string' || test === '') return 'the "Test" must be a non-empty string';
	return {test, result: action};
}

/** Code-point order, as jq sorts strings; JS's default sort uses UTF-16 units instead. */
export function compareCodePoints(a: string, b: string): number {
	const n = Math.min(a.length, b.length);
	for (let i = 0; i < n; i++) {
		let x = a.charCodeAt(i);
		let y = b.charCodeAt(i);
		if (x === y) continue;
		// Surrogates encode code points above U+FFFF: lift them above U+E000..U+FFFF.
		x = x >= 0xd800 && x <= 0xdfff ? x + 0x2000 : x >= 0xe000 ? x - 0x800 : x;
		y = y >= 0xd800 && y <= 0xdfff ? y + 0x2000 : y >= 0xe000 ? y - 0x800 : y;
		return x - y;
	}
	return a.length - b.length;
}

/** A JSON string as `jq -c` prints it: like JSON.stringify, but DEL is escaped too. */
function jqString(s: string): string {
	const json = JSON.stringify(s);
	return json.includes('\x7f') ? json.replaceAll('\x7f', '\\u007f') : json;
}

/** Serialises results in the baseline's exact format (sorted, unique, trailing newline). */
export function formatResultsFile(results: ResultMap): string {
	const names = [...results.keys()].sort(compareCodePoints);
	let out = '';
	for (const name of names) {
		out += `{"Action":${jqString(results.get(name) ?? 'fail')},"Test":${jqString(name)}}\n`;
	}
	return out;
}
