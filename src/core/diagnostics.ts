// Positioned diagnostics shared by every layer that reads user input (HCL, JSON,
// Dockerfiles, command-line values). A diagnostic never carries a stack trace:
// it says where, what, and shows the offending line with a caret.

/** A point in a source file. Lines and columns are 1-based; offset is 0-based (UTF-16 units). */
export interface Pos {
	readonly line: number;
	readonly col: number;
	readonly offset: number;
}

/** A half-open source range [start, end) in one file. */
export interface Range {
	readonly file: string;
	readonly start: Pos;
	readonly end: Pos;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
	readonly severity: Severity;
	/** One line, lower-case start, as HCL and buildx phrase them (e.g. "Unsupported attribute"). */
	readonly summary: string;
	/** Longer explanation; may be empty. */
	readonly detail: string;
	readonly range?: Range;
}

/** Thrown by core functions when input is bad. Holds one or more diagnostics. */
export class DiagnosticError extends Error {
	readonly diagnostics: readonly Diagnostic[];
	/** Source texts, when known, so that printers can show snippets. */
	readonly sources: SourceMap | undefined;
	constructor(diagnostics: readonly Diagnostic[], sources?: SourceMap) {
		const first = diagnostics[0];
		super(first ? diagnosticMessage(first) : 'unknown error');
		this.name = 'DiagnosticError';
		this.diagnostics = diagnostics;
		this.sources = sources;
	}
}

export function errorAt(range: Range | undefined, summary: string, detail = ''): Diagnostic {
	return range ? {severity: 'error', summary, detail, range} : {severity: 'error', summary, detail};
}

/** `file:line:col: summary; detail` - the one-line form used in error strings (buildx style). */
export function diagnosticMessage(d: Diagnostic): string {
	const where = d.range
		? `${d.range.file}:${d.range.start.line},${d.range.start.col}-${d.range.end.col}: `
		: '';
	return d.detail ? `${where}${d.summary}; ${d.detail}` : `${where}${d.summary}`;
}

/** Source texts by file name, for snippets. */
export type SourceMap = ReadonlyMap<string, string>;

/**
 * Human form: `file:line:col: error: summary`, the detail, then the source line with a caret
 * under the range. Used by the CLI on stderr and by the TUI error banner.
 */
export function formatDiagnostic(d: Diagnostic, sources?: SourceMap): string {
	const out: string[] = [];
	const head = d.range ? `${d.range.file}:${d.range.start.line}:${d.range.start.col}: ` : '';
	out.push(`${head}${d.severity}: ${d.summary}`);
	if (d.detail) out.push(`  ${d.detail}`);
	const text = d.range ? sources?.get(d.range.file) : undefined;
	if (d.range && text !== undefined) {
		const lines = text.split('\n');
		const lineText = (lines[d.range.start.line - 1] ?? '').replace(/\r$/, '');
		const gutter = String(d.range.start.line);
		const pad = ' '.repeat(gutter.length);
		const startCol = d.range.start.col;
		const sameLine = d.range.end.line === d.range.start.line;
		const width = Math.max(
			1,
			sameLine ? d.range.end.col - startCol : lineText.length - startCol + 1,
		);
		// Tabs keep their width in the caret line so the caret lines up in any terminal.
		const lead = lineText.slice(0, startCol - 1).replace(/[^\t]/g, ' ');
		out.push(`${pad} |`);
		out.push(`${gutter} | ${lineText}`);
		out.push(`${pad} | ${lead}${'^'.repeat(width)}`);
	}
	return out.join('\n');
}

export function formatDiagnostics(ds: readonly Diagnostic[], sources?: SourceMap): string {
	return ds.map((d) => formatDiagnostic(d, sources)).join('\n\n');
}
