// Text for runs without the TUI: one line per finished test, a closing summary, the exit code.
import {sanitizeTerminalText} from '../text/sanitize.js';
import type {RunSummary} from './diff.js';
import type {TestResult} from './parse-line.js';
import type {RunEnd} from './store.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_CANCELED = 130;

/** 130 when canceled; 1 when the command failed or something regressed; 0 otherwise. */
export function exitCodeFor(summary: RunSummary, end: RunEnd): number {
	if (end.canceled) return EXIT_CANCELED;
	if (end.error !== undefined || end.exitCode !== 0) return EXIT_FAILED;
	return summary.regressions.length > 0 ? EXIT_FAILED : EXIT_OK;
}

export function progressLine(test: string, result: TestResult, regression: boolean): string {
	const tag = result === 'pass' ? 'PASS' : result === 'fail' ? 'FAIL' : 'SKIP';
	return `${tag} ${sanitizeTerminalText(test)}${regression ? '  (regression)' : ''}\n`;
}

function list(title: string, names: readonly string[]): string {
	if (names.length === 0) return '';
	return `${title} (${names.length}):\n${names.map((n) => `  ${sanitizeTerminalText(n)}\n`).join('')}`;
}

export function summaryText(summary: RunSummary, end: RunEnd, hasBaseline: boolean): string {
	const c = summary.counts;
	let out = `\n${c.pass} passed, ${c.fail} failed, ${c.skip} skipped`;
	if (hasBaseline) {
		out += `; ${summary.regressions.length} regressions, ${summary.progressions.length} progressions, `;
		out += `${summary.new.length} new, ${summary.missing.length} missing`;
	}
	out += '\n';
	out += list('Regressions', summary.regressions);
	out += list('Progressions', summary.progressions);
	if (end.error !== undefined)
		out += `The command could not run: ${sanitizeTerminalText(end.error)}\n`;
	else if (end.canceled) out += 'Canceled.\n';
	else if (end.exitCode !== 0)
		out += `The command exited with code ${end.exitCode ?? 'unknown (killed)'}.\n`;
	return out;
}
