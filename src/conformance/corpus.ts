// The conformance corpus: buildx's own test cases as data (schema in
// /work/shared/conformance/README.md), and the handler contract each API implements.

import {readFileSync} from 'node:fs';
import type {Diagnostic} from '../core/diagnostics.js';

export interface Assertion {
	readonly path: readonly (string | number)[];
	readonly op: string;
	readonly value?: unknown;
}

export interface Expectation {
	readonly error?: boolean | null;
	readonly errorContains?: readonly string[];
	readonly errorEquals?: string;
	readonly errorIsHCLDiagnostics?: boolean;
	readonly diagnosticsUnknownVariables?: readonly string[];
	readonly assertions?: readonly Assertion[];
	readonly [key: string]: unknown;
}

export interface ConformanceCase {
	readonly name: string;
	readonly source?: string;
	readonly api: string;
	readonly files: Readonly<Record<string, string>>;
	readonly fileOrder?: readonly string[];
	readonly env?: Readonly<Record<string, string>>;
	readonly defaults?: Readonly<Record<string, string>>;
	readonly vars?: Readonly<Record<string, string>>;
	readonly targets?: readonly string[];
	readonly overrides?: readonly string[];
	readonly parseOpt?: {readonly fileRelativePaths?: boolean};
	readonly args?: readonly string[];
	readonly expect: Expectation;
	readonly note?: string;
}

/** What a handler reports back for one case. */
export interface HandlerResult {
	/** Set when the case cannot run here; the reason is printed. */
	readonly skip?: string;
	/** Error text when the call failed (buildx's err.Error()). */
	readonly error?: string;
	/** The diagnostics behind the error, when it was a DiagnosticError. */
	readonly diagnostics?: readonly Diagnostic[];
	/** Root for assertion paths on success. */
	readonly root?: unknown;
	/** Failures of api-specific expectations that the handler checked itself (e.g. cli stdout). */
	readonly failures?: readonly string[];
}

export type ApiHandler = (c: ConformanceCase) => HandlerResult | Promise<HandlerResult>;

export function loadCorpus(path: string): ConformanceCase[] {
	const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
	if (!Array.isArray(data)) throw new Error(`${path}: expected a JSON array of cases`);
	return data as ConformanceCase[];
}

/** The case's files in the order they are passed. */
export function caseFiles(c: ConformanceCase): {name: string; content: string}[] {
	const order = c.fileOrder ?? Object.keys(c.files);
	return order.map((name) => ({name, content: c.files[name] ?? ''}));
}
