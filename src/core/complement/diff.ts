// A run judged against the baseline, as tuwunel's CI judges it by `git diff` of the results.
import type {TestResult} from './parse-line.js';
import {compareCodePoints, type ResultMap} from './results-file.js';

export interface ResultCounts {
	pass: number;
	fail: number;
	skip: number;
}

export interface RunSummary {
	readonly counts: ResultCounts;
	/** Passed in the baseline, failed now. */
	readonly regressions: readonly string[];
	/** Failed in the baseline, passed now. */
	readonly progressions: readonly string[];
	/** With a result now, absent from the baseline. */
	readonly new: readonly string[];
	/** In the baseline, without a result now. */
	readonly missing: readonly string[];
}

export function countResults(results: ResultMap): ResultCounts {
	const counts: ResultCounts = {pass: 0, fail: 0, skip: 0};
	for (const r of results.values()) counts[r]++;
	return counts;
}

/** Without a baseline the four lists are empty. Every list is sorted in code-point order. */
export function summarize(current: ResultMap, baseline: ResultMap | undefined): RunSummary {
	const regressions: string[] = [];
	const progressions: string[] = [];
	const added: string[] = [];
	const missing: string[] = [];
	if (baseline) {
		for (const [test, now] of current) {
			const before = baseline.get(test);
			if (before === undefined) added.push(test);
			else if (isRegression(before, now)) regressions.push(test);
			else if (isProgression(before, now)) progressions.push(test);
		}
		for (const test of baseline.keys()) if (!current.has(test)) missing.push(test);
	}
	return {
		counts: countResults(current),
		regressions: regressions.sort(compareCodePoints),
		progressions: progressions.sort(compareCodePoints),
		new: added.sort(compareCodePoints),
		missing: missing.sort(compareCodePoints),
	};
}

export function isRegression(before: TestResult | undefined, now: TestResult): boolean {
	return before === 'pass' && now === 'fail';
}

export function isProgression(before: TestResult | undefined, now: TestResult): boolean {
	return before === 'fail' && now === 'pass';
}
