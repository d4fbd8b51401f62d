// Per-target results derived from the steps: the `--summary json` object, the end-of-build
// summary and the status column of the build view all come from here.

import type {BuildState, TargetRec} from './build-state.js';
import {isCanceledError, type Step} from './step.js';
import {compareInstants, type Instant} from './time.js';

export type TargetResult = 'failed' | 'canceled' | 'incomplete' | 'cached' | 'succeeded';

export interface TargetSummary {
	readonly status: TargetResult;
	/** Distinct digests of the target. */
	readonly steps: number;
	/** Steps whose last state is cached. */
	readonly cached: number;
	/** Steps with `completed`. */
	readonly completed: number;
	/** Steps started and not completed. */
	readonly running: number;
	readonly durationMs: number;
	readonly error?: string;
	/** The step whose error is `error`. */
	readonly failedStep?: Step;
	readonly firstStarted?: Instant;
	readonly lastCompleted?: Instant;
}

export interface BuildSummaryJson {
	readonly exitCode: number | null;
	readonly targets: Record<
		string,
		{status: TargetResult; steps: number; cached: number; durationMs: number; error?: string}
	>;
}

export function summarizeTarget(rec: TargetRec): TargetSummary {
	let cached = 0;
	let completedCount = 0;
	let running = 0;
	let failed = false;
	let canceled = false;
	let incomplete = false;
	let first: Instant | undefined;
	let last: Instant | undefined;
	let failedStep: Step | undefined;
	let canceledStep: Step | undefined;
	for (const s of rec.steps.values()) {
		if (s.completed) {
			completedCount++;
			if (s.cached) cached++;
			if (!last || compareInstants(s.completed, last) > 0) last = s.completed;
		} else {
			incomplete = true;
			if (s.started) running++;
		}
		if (s.firstStarted && (!first || compareInstants(s.firstStarted, first) < 0))
			first = s.firstStarted;
		if (s.error !== undefined) {
			if (isCanceledError(s.error)) {
				canceled = true;
				if (earlierFailure(s, canceledStep)) canceledStep = s;
			} else {
				failed = true;
				if (earlierFailure(s, failedStep)) failedStep = s;
			}
		}
	}
	const steps = rec.steps.size;
	const status: TargetResult = failed
		? 'failed'
		: canceled
			? 'canceled'
			: incomplete || steps === 0
				? 'incomplete'
				: cached === steps
					? 'cached'
					: 'succeeded';
	const errStep = failedStep ?? canceledStep;
	const durationMs = first && last ? Math.max(0, last.ms - first.ms) : 0;
	return {
		status,
		steps,
		cached,
		completed: completedCount,
		running,
		durationMs,
		...(errStep?.error !== undefined ? {error: errStep.error, failedStep: errStep} : {}),
		...(first ? {firstStarted: first} : {}),
		...(last ? {lastCompleted: last} : {}),
	};
}

/** Orders failures by `completed` time (a step without one sorts last), then by arrival. */
function earlierFailure(s: Step, current: Step | undefined): boolean {
	if (!current) return true;
	if (s.completed && current.completed) {
		const c = compareInstants(s.completed, current.completed);
		return c < 0 || (c === 0 && s.order < current.order);
	}
	if (s.completed) return true;
	if (current.completed) return false;
	return s.order < current.order;
}

export function buildSummaryJson(state: BuildState): BuildSummaryJson {
	const targets: BuildSummaryJson['targets'] = {};
	for (const [name, rec] of state.targets) {
		const s = summarizeTarget(rec);
		targets[name] = {
			status: s.status,
			steps: s.steps,
			cached: s.cached,
			durationMs: s.durationMs,
			...(s.error !== undefined ? {error: s.error} : {}),
		};
	}
	return {exitCode: state.exitCode, targets};
}
