// Output without a TUI: one plain line per step change and log line, prefixed by target, and
// a per-target summary at the end. Text is already sanitized by BuildState.

import type {BuildListener, BuildState} from './build-state.js';
import {type Step, stepStatus} from './step.js';
import {summarizeTarget} from './summary.js';

export function plainPrinter(
	write: (line: string) => void,
	targets: readonly string[],
): BuildListener {
	let width = Math.max(6, ...targets.map((t) => t.length));
	const prefix = (t: string | undefined) => {
		const name = t ?? 'buildx';
		width = Math.max(width, name.length);
		return `${name.padEnd(width)} | `;
	};
	const elapsed = (s: Step) =>
		s.completed && s.started ? ` ${((s.completed.ms - s.started.ms) / 1000).toFixed(1)}s` : '';
	return {
		step(target, step) {
			const st = stepStatus(step);
			const what =
				st === 'running'
					? `=> ${step.name}`
					: st === 'done'
						? `DONE ${step.name}${elapsed(step)}`
						: st === 'cached'
							? `CACHED ${step.name}`
							: st === 'failed'
								? `ERROR ${step.name}: ${step.error ?? ''}`
								: st === 'canceled'
									? `CANCELED ${step.name}`
									: undefined;
			if (what) write(`${prefix(target)}${what}\n`);
		},
		log(owners, line) {
			write(`${prefix(owners[0])}${line.text}\n`);
		},
		text(line) {
			write(`${prefix(undefined)}${line}\n`);
		},
	};
}

const ICON = {failed: '✗', canceled: '⊘', incomplete: '…', cached: '⊙', succeeded: '✓'} as const;

/** The end-of-build summary: one line per target, failures first with their error. */
export function formatTextSummary(state: BuildState): string {
	const rows = [...state.targets.values()].map((rec) => ({
		name: rec.name,
		s: summarizeTarget(rec),
	}));
	const order = {failed: 0, canceled: 1, incomplete: 2, succeeded: 3, cached: 4} as const;
	rows.sort((a, b) => order[a.s.status] - order[b.s.status]);
	const width = Math.max(6, ...rows.map((r) => r.name.length));
	const out = ['', 'Summary:'];
	for (const {name, s} of rows) {
		const time = `${(s.durationMs / 1000).toFixed(1)}s`;
		out.push(
			`  ${ICON[s.status]} ${name.padEnd(width)}  ${s.status.padEnd(10)} ${s.completed}/${s.steps} steps, ${s.cached} cached, ${time}`,
		);
		if (s.status === 'failed' && s.error !== undefined) {
			out.push(`      at ${s.failedStep?.name ?? '?'}`);
			out.push(`      error: ${s.error}`);
		}
	}
	if (state.exitCode !== null) out.push(`exit code ${state.exitCode}`);
	return `${out.join('\n')}\n`;
}
