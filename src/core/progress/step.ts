// One vertex as seen by one target: the merged state of every message for (target, digest).

import {compareInstants, type Instant, parseInstant} from './time.js';
import type {VertexMsg} from './types.js';

export type StepStatus = 'waiting' | 'running' | 'done' | 'cached' | 'failed' | 'canceled';

export interface Step {
	readonly digest: string;
	/** Name without the target prefix. */
	name: string;
	inputs: readonly string[];
	/** Start of the current interval. */
	started?: Instant;
	/** Earliest start over all intervals (durations and ordering). */
	firstStarted?: Instant;
	completed?: Instant;
	cached: boolean;
	error?: string;
	/** Order of first appearance within the build. */
	readonly order: number;
	startedRaw?: string;
	completedRaw?: string;
}

export function isCanceledError(error: string): boolean {
	return error.endsWith('context canceled');
}

export function stepStatus(s: Step): StepStatus {
	if (s.error !== undefined) return isCanceledError(s.error) ? 'canceled' : 'failed';
	if (s.completed) return s.cached ? 'cached' : 'done';
	return s.started ? 'running' : 'waiting';
}

export function newStep(digest: string, name: string, order: number): Step {
	return {digest, name, inputs: [], cached: false, order};
}

/**
 * Merges a re-sent vertex (full state, not a delta). A message without `started` for a
 * started vertex is a duplicate announce and must not reset it (buildkit display.go).
 */
export function mergeVertex(step: Step, v: VertexMsg, name: string): void {
	step.name = name;
	if (v.inputs) step.inputs = v.inputs;
	if (v.started === undefined) {
		if (v.completed === undefined) return;
	} else if (v.started !== step.startedRaw) {
		step.startedRaw = v.started;
		const started = parseInstant(v.started);
		if (started) {
			step.started = started;
			if (!step.firstStarted || compareInstants(started, step.firstStarted) < 0)
				step.firstStarted = started;
		}
	}
	if (v.completed !== step.completedRaw) {
		step.completedRaw = v.completed;
		const completed = parseInstant(v.completed);
		if (completed) step.completed = completed;
		else delete step.completed;
	}
	step.cached = v.cached === true;
	if (v.error !== undefined) step.error = v.error;
	else delete step.error;
}
