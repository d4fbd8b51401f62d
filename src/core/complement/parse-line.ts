// One line of a Complement run's output -> what it says about a test, if anything.
// Three forms reach us: the tester's `pass<TAB>TestName` lines (jq @tsv), `go test -json`
// events, and plain `go test -v` text. Everything else (env dumps, xtrace, server logs) is
// noise that only the raw log keeps, so the common case must be rejected in a few char tests.

export type TestResult = 'pass' | 'fail' | 'skip';

export type LineEvent =
	| {readonly kind: 'result'; readonly test: string; readonly result: TestResult}
	| {readonly kind: 'run'; readonly test: string}
	| {readonly kind: 'output'; readonly test: string; readonly text: string};

const CHAR_LBRACE = 0x7b;

/** Parses one line (without its line terminator); null when the line is not about a test. */
export function parseLine(line: string): LineEvent | null {
	if (line.length < 6) return null;
	const c0 = line.charCodeAt(0);
	if (c0 === CHAR_LBRACE) return parseJsonEvent(line);
	// The tester's TSV form: exactly `action<TAB>name`.
	if (line.charCodeAt(4) === 9) {
		const action = line.slice(0, 4);
		if (action === 'pass' || action === 'fail' || action === 'skip') {
			const name = unescapeTsv(stripCr(line.slice(5)));
			return validName(name) ? {kind: 'result', test: name, result: action} : null;
		}
		return null;
	}
	return parseVerbose(line);
}

function stripCr(s: string): string {
	return s.charCodeAt(s.length - 1) === 13 ? s.slice(0, -1) : s;
}

/** jq's @tsv escapes backslash, tab, CR and LF; undo it so names match the JSON form. */
function unescapeTsv(s: string): string {
	if (!s.includes('\\')) return s;
	return s.replace(/\\([\\tnr])/g, (_m, c: string) =>
		c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : '\\',
	);
}

/** A Go test name: no whitespace at all (go replaces spaces with `_` in subtest names). */
function validName(name: string): boolean {
	return name.length > 0 && !/[\s]/.test(name);
}

function parseJsonEvent(line: string): LineEvent | null {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		return null;
	}
	if (typeof value !== 'object' || value === null) return null;
	const ev = value as Record<string, unknown>;
	const test = ev['Test'];
	const action = ev['Action'];
	// Package-level events have no Test; they say nothing about one test.
	if (typeof test !== 'string' || typeof action !== 'string' || test.length === 0) return null;
	switch (action) {
		case 'pass':
		case 'fail':
		case 'skip':
			return {kind: 'result', test, result: action};
		case 'run':
		case 'cont':
			return {kind: 'run', test};
		case 'output': {
			const out = ev['Output'];
			return typeof out === 'string' ? {kind: 'output', test, text: out} : null;
		}
		default:
			return null;
	}
}

// `=== RUN   TestX`, `--- PASS: TestX (0.01s)`; subtest results are indented by 4 per level.
const VERBOSE_RE =
	/^\s*(?:=== (RUN|CONT|NAME) +(\S+)|--- (PASS|FAIL|SKIP): (\S+) \(\d+(?:\.\d+)?s\))\s*$/;

function parseVerbose(line: string): LineEvent | null {
	// Cheap reject: both forms contain `== ` or `-- ` after optional indentation.
	const i = line.search(/\S/);
	if (i < 0) return null;
	const c = line.charCodeAt(i);
	if (c !== 0x3d && c !== 0x2d) return null;
	const m = VERBOSE_RE.exec(line);
	if (!m) return null;
	if (m[1] !== undefined && m[2] !== undefined) {
		return m[1] === 'NAME' ? null : {kind: 'run', test: m[2]};
	}
	const verdict = m[3];
	const name = m[4];
	if (verdict === undefined || name === undefined) return null;
	const result: TestResult = verdict === 'PASS' ? 'pass' : verdict === 'FAIL' ? 'fail' : 'skip';
	return {kind: 'result', test: name, result};
}
