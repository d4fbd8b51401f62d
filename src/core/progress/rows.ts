// The target list of the build view, in order of interest: running, then waiting (with what
// they wait for), then finished (failed, canceled, incomplete, succeeded, cached).

import type {BuildState} from './build-state.js';
import {summarizeTarget, type TargetSummary} from './summary.js';

export type RowStatus =
	| 'running'
	| 'waiting'
	| 'failed'
	| 'canceled'
	| 'incomplete'
	| 'succeeded'
	| 'cached';

export interface TargetRow {
	readonly name: string;
	readonly status: RowStatus;
	readonly summary: TargetSummary;
	/** Targets this one waits for that are not finished yet. */
	readonly waitsFor: readonly string[];
}

export type WaitsFor = (target: string) => readonly string[];

const RANK: Record<RowStatus, number> = {
	running: 0,
	waiting: 1,
	failed: 2,
	canceled: 3,
	incomplete: 4,
	succeeded: 5,
	cached: 6,
};

const FINISHED = new Set<RowStatus>(['failed', 'canceled', 'succeeded', 'cached']);

export function targetRows(state: BuildState, live: boolean, waitsFor?: WaitsFor): TargetRow[] {
	const byName = new Map<string, {summary: TargetSummary; status: RowStatus}>();
	for (const [name, rec] of state.targets) {
		const summary = summarizeTarget(rec);
		let status: RowStatus = summary.status;
		// While the build runs, "not complete" is either running or waiting.
		if (live && status === 'incomplete')
			status = summary.running > 0 || summary.completed > 0 ? 'running' : 'waiting';
		byName.set(name, {summary, status});
	}
	const rows: TargetRow[] = [];
	for (const [name, {summary, status}] of byName) {
		const deps = status === 'waiting' && waitsFor ? waitsFor(name) : [];
		const pending = deps.filter((d) => {
			const dep = byName.get(d);
			return !dep || !FINISHED.has(dep.status);
		});
		rows.push({name, status, summary, waitsFor: pending});
	}
	// Array.prototype.sort is stable: first-seen order is kept inside each group.
	return rows.sort((a, b) => RANK[a.status] - RANK[b.status]);
}

/** The whole build's progress over distinct digests (shared steps count once). */
export function buildProgress(state: BuildState): {done: number; total: number} {
	const done = new Set<string>();
	const all = new Set<string>();
	for (const rec of [...state.targets.values(), state.untargeted]) {
		for (const [digest, step] of rec.steps) {
			all.add(digest);
			if (step.completed) done.add(digest);
		}
	}
	return {done: done.size, total: all.size};
}
