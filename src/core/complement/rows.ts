// What the test list shows: top-level tests as groups, and for expanded groups their subtests
// in hierarchy. Derived from the model on demand (only when a frame is drawn), never per line.

import Fuse from 'fuse.js';
import type {TestResult} from './parse-line.js';
import {compareCodePoints} from './results-file.js';
import type {GroupRecord, RunModel, TestState} from './run-model.js';

export type StateFilter = 'all' | 'fail' | 'pass' | 'skip' | 'running';
export const STATE_FILTERS: readonly StateFilter[] = ['all', 'fail', 'pass', 'skip', 'running'];

export interface Row {
	/** Full test name; the key of the row. */
	readonly test: string;
	/** What to print: the name relative to the parent row. */
	readonly label: string;
	/** 0 for top-level tests. */
	readonly depth: number;
	/** The test's own state; for a group without its own result yet, the aggregate. */
	readonly state: TestState;
	readonly regression: boolean;
	readonly progression: boolean;
	readonly baseline: TestResult | undefined;
	/** Top-level rows only: subtests in the group, and whether they are shown. */
	readonly children: number;
	readonly expanded: boolean;
	/** Top-level rows only: how many of the group's tests regressed. */
	readonly groupRegressions: number;
}

export interface RowQuery {
	readonly filter: StateFilter;
	readonly query: string;
	readonly expanded: ReadonlySet<string>;
}

function groupState(model: RunModel, g: GroupRecord): TestState {
	const own = model.tests.get(g.name);
	if (own && own.state !== 'running') return own.state;
	if (g.counts.fail > 0) return 'fail';
	if (g.counts.running > 0) return 'running';
	if (g.counts.pass > 0) return 'pass';
	return 'skip';
}

/** Names matching a fuzzy query (fuse.js, on full names). */
export function fuzzyMatches(names: readonly string[], query: string): Set<string> {
	const fuse = new Fuse(names, {threshold: 0.35, ignoreLocation: true});
	return new Set(fuse.search(query).map((r) => r.item));
}

export function buildRows(model: RunModel, q: RowQuery): Row[] {
	const searching = q.query.trim() !== '';
	const matches = searching ? fuzzyMatches([...model.tests.keys()], q.query.trim()) : undefined;
	const passes = (name: string): boolean => {
		const rec = model.tests.get(name);
		if (!rec) return false;
		if (matches && !matches.has(name)) return false;
		return q.filter === 'all' || rec.state === q.filter;
	};
	const rows: Row[] = [];
	const groupNames = [...model.groups.keys()].sort(compareCodePoints);
	for (const name of groupNames) {
		const g = model.groups.get(name);
		if (!g) continue;
		const members = g.members.filter((m) => m !== name && passes(m));
		const selfMatches =
			passes(name) || (!model.tests.has(name) && !searching && q.filter === 'all');
		if (!selfMatches && members.length === 0) continue;
		let groupRegressions = 0;
		for (const m of g.members) if (model.regressions.has(m)) groupRegressions++;
		// A search or a filter that hits only subtests opens the group to show them.
		const expanded = q.expanded.has(name) || ((searching || q.filter !== 'all') && !selfMatches);
		const children = g.members.length - (model.tests.has(name) ? 1 : 0);
		rows.push({
			test: name,
			label: name,
			depth: 0,
			state: groupState(model, g),
			regression: model.regressions.has(name),
			progression: model.progressions.has(name),
			baseline: model.baseline?.get(name),
			children,
			expanded: expanded && children > 0,
			groupRegressions,
		});
		if (expanded) appendSubtests(model, name, members, rows);
	}
	return rows;
}

/** Subtests as a tree: a test's parent is the longest known test name it extends with `/`. */
function appendSubtests(model: RunModel, top: string, shown: readonly string[], rows: Row[]): void {
	const known = new Set(model.groups.get(top)?.members ?? []);
	known.add(top);
	const include = new Set<string>();
	const parentOf = (name: string): string => {
		for (let i = name.lastIndexOf('/'); i > 0; i = name.lastIndexOf('/', i - 1)) {
			const p = name.slice(0, i);
			if (known.has(p)) return p;
		}
		return top;
	};
	// Keep the ancestors of every shown test so that the hierarchy stays readable.
	for (const name of shown) {
		for (let n = name; n !== top && !include.has(n); n = parentOf(n)) include.add(n);
	}
	const children = new Map<string, string[]>();
	for (const name of include) {
		const p = parentOf(name);
		const list = children.get(p);
		if (list) list.push(name);
		else children.set(p, [name]);
	}
	const walk = (parent: string, depth: number) => {
		const list = (children.get(parent) ?? []).sort(compareCodePoints);
		for (const name of list) {
			const rec = model.tests.get(name);
			rows.push({
				test: name,
				label: name.slice(parent.length + 1),
				depth,
				state: rec?.state ?? 'running',
				regression: model.regressions.has(name),
				progression: model.progressions.has(name),
				baseline: model.baseline?.get(name),
				children: children.get(name)?.length ?? 0,
				expanded: true,
				groupRegressions: 0,
			});
			walk(name, depth + 1);
		}
	};
	walk(top, 1);
}
