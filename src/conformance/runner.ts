// Running conformance cases in-process. API handlers are pluggable: ParseFile/ParseFiles live
// here; ReadTargets and cli come from read-targets.ts / cli.ts (each exporting `handler`) when
// those files exist, otherwise their cases are skipped.

import {checkExpectations} from './assertions.js';
import type {ApiHandler, ConformanceCase} from './corpus.js';
import {parseFilesHandler} from './parse-files.js';

export type Outcome =
	| {readonly status: 'passed'}
	| {readonly status: 'failed'; readonly reasons: readonly string[]}
	| {readonly status: 'skipped'; readonly reason: string};

export interface CaseReport {
	readonly name: string;
	readonly api: string;
	readonly outcome: Outcome;
}

const NEEDS_RESOLUTION = 'needs issue 3 (resolution)';

async function optionalHandler(specifier: string): Promise<ApiHandler | undefined> {
	try {
		const mod = (await import(specifier)) as {handler?: ApiHandler};
		return mod.handler;
	} catch (e) {
		const code = (e as {code?: string}).code;
		if (
			code === 'ERR_MODULE_NOT_FOUND' ||
			/Cannot find module|Failed to load url|does not exist/i.test(String(e))
		) {
			return undefined;
		}
		throw e;
	}
}

/** The default handler table; missing optional handlers are left out. */
export async function defaultHandlers(): Promise<Map<string, ApiHandler>> {
	const m = new Map<string, ApiHandler>([
		['ParseFile', parseFilesHandler],
		['ParseFiles', parseFilesHandler],
	]);
	// Variable specifiers: these modules belong to another area and may not exist yet.
	const readTargets = await optionalHandler(['.', 'read-targets.js'].join('/'));
	if (readTargets) m.set('ReadTargets', readTargets);
	const cli = await optionalHandler(['.', 'cli.js'].join('/'));
	if (cli) m.set('cli', cli);
	return m;
}

export async function runCase(
	c: ConformanceCase,
	handlers: ReadonlyMap<string, ApiHandler>,
): Promise<CaseReport> {
	const h = handlers.get(c.api);
	const base = {name: c.name, api: c.api};
	if (!h) {
		const reason =
			c.api === 'ReadTargets' || c.api === 'cli' ? NEEDS_RESOLUTION : `no handler for api ${c.api}`;
		return {...base, outcome: {status: 'skipped', reason}};
	}
	try {
		const r = await h(c);
		if (r.skip !== undefined) return {...base, outcome: {status: 'skipped', reason: r.skip}};
		const reasons = checkExpectations(c, r);
		return {...base, outcome: reasons.length ? {status: 'failed', reasons} : {status: 'passed'}};
	} catch (e) {
		const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
		return {...base, outcome: {status: 'failed', reasons: [`handler threw ${msg}`]}};
	}
}

export interface Summary {
	readonly reports: readonly CaseReport[];
	readonly passed: number;
	readonly failed: number;
	readonly skipped: number;
}

export async function runCases(
	cases: readonly ConformanceCase[],
	handlers?: ReadonlyMap<string, ApiHandler>,
): Promise<Summary> {
	const hs = handlers ?? (await defaultHandlers());
	const reports: CaseReport[] = [];
	for (const c of cases) reports.push(await runCase(c, hs));
	const count = (s: Outcome['status']) => reports.filter((r) => r.outcome.status === s).length;
	return {reports, passed: count('passed'), failed: count('failed'), skipped: count('skipped')};
}

/** Human report: each failure with its reasons, then `N passed, N failed, N skipped`. */
export function formatSummary(s: Summary, opts: {showSkipped?: boolean} = {}): string {
	const lines: string[] = [];
	for (const r of s.reports) {
		if (r.outcome.status === 'failed') {
			lines.push(`FAIL ${r.name} [${r.api}]`);
			for (const reason of r.outcome.reasons) lines.push(`  - ${reason}`);
		} else if (r.outcome.status === 'skipped' && opts.showSkipped) {
			lines.push(`SKIP ${r.name} [${r.api}]: ${r.outcome.reason}`);
		}
	}
	lines.push(`${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
	return lines.join('\n');
}
