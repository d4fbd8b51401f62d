// Diagnostic helpers shared by the evaluator: HCL's range printing and error-string forms
// (what `hcl.Diagnostics.Error()` returns), and "Did you mean" suggestions.

import type {Diagnostic, Range} from '../../diagnostics.js';

/** hcl.Range.String(): `file:line,col-col` or `file:line,col-line,col`. */
export function hclRangeString(r: Range): string {
	if (r.start.line === r.end.line) return `${r.file}:${r.start.line},${r.start.col}-${r.end.col}`;
	return `${r.file}:${r.start.line},${r.start.col}-${r.end.line},${r.end.col}`;
}

/** hcl.Diagnostic.Error(): `range: summary; detail`. */
export function hclDiagnosticString(d: Diagnostic): string {
	const where = d.range ? hclRangeString(d.range) : '<nil>';
	return `${where}: ${d.summary}; ${d.detail}`;
}

/** hcl.Diagnostics.Error(): the first diagnostic, plus a count of the others. */
export function hclDiagnosticsString(ds: readonly Diagnostic[]): string {
	const first = ds[0];
	if (!first) return 'no diagnostics';
	if (ds.length === 1) return hclDiagnosticString(first);
	return `${hclDiagnosticString(first)}, and ${ds.length - 1} other diagnostic(s)`;
}

function levenshtein(a: string, b: string): number {
	const prev = Array.from({length: b.length + 1}, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let diag = prev[0] ?? 0;
		prev[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const tmp = prev[j] ?? 0;
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			prev[j] = Math.min((prev[j] ?? 0) + 1, (prev[j - 1] ?? 0) + 1, diag + cost);
			diag = tmp;
		}
	}
	return prev[b.length] ?? 0;
}

/** HCL's nameSuggestion: the first candidate within edit distance 2, as ` Did you mean "x"?`. */
export function didYouMean(given: string, candidates: readonly string[]): string {
	for (const c of [...candidates].sort()) {
		if (levenshtein(given, c) < 3) return ` Did you mean ${JSON.stringify(c)}?`;
	}
	return '';
}

/** Go's %q for plain strings (close enough: JSON escaping). */
export function quote(s: string): string {
	return JSON.stringify(s);
}
