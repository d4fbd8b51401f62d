// What one target pane shows, as a fixed number of rows: its steps (running ones always
// kept in view, with sub-status bytes) and its log tail (or, for a failed target, the failing
// step's log and error). Pure: computed from the BuildState, tested without a terminal.

import type {BuildState, LogLine, TargetRec} from '../../core/progress/build-state.js';
import {type Step, stepStatus} from '../../core/progress/step.js';
import {summarizeTarget} from '../../core/progress/summary.js';
import {stripSgr} from '../../core/text/sanitize.js';
import {bytes, clip, fitSgr, STEP_LABEL, seconds} from './format.js';

export interface Row {
	readonly text: string;
	readonly color?: string;
	readonly dim?: boolean;
	readonly bold?: boolean;
	readonly inverse?: boolean;
}

export interface PaneOptions {
	readonly width: number;
	readonly height: number;
	readonly nowMs: number;
	readonly live: boolean;
	/** Lines scrolled up from the bottom of the log. */
	readonly scroll: number;
	readonly query: string;
	/** Rows for the step list (the rest is log). */
	readonly stepRows: number;
}

const STEP_COLOR: Record<string, string | undefined> = {
	failed: 'red',
	canceled: 'yellow',
	cached: 'magenta',
	done: 'blue',
};

function stepTimer(s: Step, nowMs: number, live: boolean): string {
	if (!s.started) return '';
	const end = s.completed?.ms ?? (live ? nowMs : s.started.ms);
	return seconds(end - (s.firstStarted ?? s.started).ms);
}

function stepRowsFor(state: BuildState, rec: TargetRec, o: PaneOptions): Row[] {
	const steps = [...rec.steps.values()].sort((a, b) => a.order - b.order);
	const rows: {row: Row; keep: boolean}[] = [];
	for (const s of steps) {
		const st = stepStatus(s);
		const timer = stepTimer(s, o.nowMs, o.live);
		const shared = state.ownersOf(s.digest).length > 1 ? ' (shared)' : '';
		const label = `${STEP_LABEL[st]}${s.name}${shared}`;
		const width = Math.max(1, o.width - timer.length - 1);
		const text = `${clip(label, width).padEnd(width)} ${timer}`;
		const running = st === 'running';
		rows.push({
			row: {
				text,
				...(STEP_COLOR[st] ? {color: STEP_COLOR[st]} : {}),
				...(st === 'waiting' ? {dim: true} : {}),
			},
			keep: running,
		});
		if (running) {
			for (const status of state.statuses.get(s.digest)?.values() ?? []) {
				if (status.completed) continue;
				const amount = status.total
					? `${bytes(status.current)} / ${bytes(status.total)}`
					: status.current
						? bytes(status.current)
						: '';
				rows.push({
					row: {text: clip(`   => ${status.id} ${amount}`, o.width), dim: true},
					keep: true,
				});
			}
		}
	}
	if (rows.length <= o.stepRows) return rows.map((r) => r.row);
	// Too many: keep running rows, fill with the most recent others.
	const keepCount = rows.filter((r) => r.keep).length;
	let budget = Math.max(0, o.stepRows - keepCount);
	const picked = new Set<number>();
	for (let i = rows.length - 1; i >= 0; i--) {
		if (rows[i]?.keep) picked.add(i);
		else if (budget > 0) {
			picked.add(i);
			budget--;
		}
	}
	return rows
		.filter((_, i) => picked.has(i))
		.slice(-o.stepRows)
		.map((r) => r.row);
}

function logRows(lines: readonly LogLine[], o: PaneOptions, height: number): Row[] {
	const q = o.query.toLowerCase();
	const matching = q ? lines.filter((l) => stripSgr(l.text).toLowerCase().includes(q)) : lines;
	const end = Math.max(0, matching.length - o.scroll);
	const start = Math.max(0, end - height);
	return matching.slice(start, end).map((l) => ({text: fitSgr(l.text, o.width)}));
}

export function paneRows(state: BuildState, name: string, o: PaneOptions): Row[] {
	const rec = state.targets.get(name) ?? (name === '' ? state.untargeted : undefined);
	if (!rec) return [{text: clip(`no target ${name}`, o.width), dim: true}];
	const summary = summarizeTarget(rec);
	const out: Row[] = [];
	out.push(...stepRowsFor(state, rec, o));
	const failed = summary.status === 'failed' ? summary.failedStep : undefined;
	const header: Row[] = [];
	let lines: readonly LogLine[];
	if (failed && !o.live) {
		// The failing step's own log and error, at once.
		header.push({text: clip(`── ERROR in ${failed.name}`, o.width), color: 'red', bold: true});
		header.push({text: clip(failed.error ?? '', o.width), color: 'red'});
		lines = state.digestLogs.get(failed.digest)?.lines.slice() ?? [];
	} else {
		const total = rec.log.total;
		const kept = rec.log.length;
		const dropped =
			total > kept ? ` (last ${kept} of ${total} lines; full log in the run folder)` : '';
		const search = o.query ? ` /${o.query}` : '';
		header.push({text: clip(`── log${search}${dropped}`, o.width), dim: true});
		lines = rec.log.slice();
	}
	const logHeight = Math.max(0, o.height - out.length - header.length);
	out.push(...header, ...logRows(lines, o, logHeight));
	return out.slice(0, o.height);
}
