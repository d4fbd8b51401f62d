// The mutable heart of a Complement run: every line goes through `ingestLine`, which must stay
// cheap (the goal is 200k lines/s). The zustand store wraps this and publishes snapshots at a
// bounded rate; nothing here knows about rendering.

import {isProgression, isRegression, type ResultCounts} from './diff.js';
import {type LineEvent, parseLine, type TestResult} from './parse-line.js';
import type {ResultMap} from './results-file.js';
import {RingBuffer} from './ring-buffer.js';

export type TestState = TestResult | 'running';

export interface TestRecord {
	readonly name: string;
	/** Name of the top-level test (`TestA` for `TestA/B/C`). */
	readonly top: string;
	state: TestState;
	/** This test's own output lines (go test -json `output` events), most recent kept. */
	output: RingBuffer<string> | undefined;
}

export interface GroupRecord {
	readonly name: string;
	/** Names of every test in the group, the top-level one included, in order of first sight. */
	readonly members: string[];
	readonly counts: Record<TestState, number>;
}

export interface RunModelOptions {
	readonly baseline?: ResultMap | undefined;
	readonly logCapacity?: number;
	readonly outputCapacity?: number;
	/** Called for each result (pass, fail or skip) as it is seen; used by the plain reporter. */
	readonly onResult?: (test: string, result: TestResult, regression: boolean) => void;
}

export class RunModel {
	readonly tests = new Map<string, TestRecord>();
	readonly groups = new Map<string, GroupRecord>();
	readonly counts: Record<TestState, number> = {pass: 0, fail: 0, skip: 0, running: 0};
	readonly regressions = new Set<string>();
	readonly progressions = new Set<string>();
	readonly log: RingBuffer<string>;
	readonly baseline: ResultMap | undefined;
	lines = 0;
	private readonly outputCapacity: number;
	private readonly onResult: RunModelOptions['onResult'];

	constructor(options: RunModelOptions = {}) {
		this.baseline = options.baseline;
		this.log = new RingBuffer(options.logCapacity ?? 10_000);
		this.outputCapacity = options.outputCapacity ?? 500;
		this.onResult = options.onResult;
	}

	ingestLine(line: string): void {
		this.lines++;
		this.log.push(line);
		const ev = parseLine(line);
		if (ev) this.apply(ev);
	}

	apply(ev: LineEvent): void {
		switch (ev.kind) {
			case 'result':
				this.setResult(ev.test, ev.result);
				break;
			case 'run': {
				const rec = this.tests.get(ev.test);
				// A test that already finished and runs again (-count=N) is running again.
				if (!rec) this.add(ev.test, 'running');
				else if (rec.state !== 'running') this.setState(rec, 'running');
				break;
			}
			case 'output': {
				const rec = this.tests.get(ev.test) ?? this.add(ev.test, 'running');
				rec.output ??= new RingBuffer(this.outputCapacity);
				const text = ev.text.endsWith('\n') ? ev.text.slice(0, -1) : ev.text;
				for (const part of text.split('\n')) rec.output.push(part);
				break;
			}
		}
	}

	/** Final results only (running tests left out), as the results file holds them. */
	results(): Map<string, TestResult> {
		const out = new Map<string, TestResult>();
		for (const rec of this.tests.values())
			if (rec.state !== 'running') out.set(rec.name, rec.state);
		return out;
	}

	resultCounts(): ResultCounts {
		return {pass: this.counts.pass, fail: this.counts.fail, skip: this.counts.skip};
	}

	/** Tests finished (pass, fail or skip). */
	finished(): number {
		return this.counts.pass + this.counts.fail + this.counts.skip;
	}

	private setResult(test: string, result: TestResult): void {
		const rec = this.tests.get(test);
		if (rec) this.setState(rec, result);
		else this.add(test, result);
		const before = this.baseline?.get(test);
		const regression = isRegression(before, result);
		if (regression) this.regressions.add(test);
		else this.regressions.delete(test);
		if (isProgression(before, result)) this.progressions.add(test);
		else this.progressions.delete(test);
		this.onResult?.(test, result, regression);
	}

	private add(name: string, state: TestState): TestRecord {
		const slash = name.indexOf('/');
		const top = slash < 0 ? name : name.slice(0, slash);
		const rec: TestRecord = {name, top, state, output: undefined};
		this.tests.set(name, rec);
		let group = this.groups.get(top);
		if (!group) {
			group = {name: top, members: [], counts: {pass: 0, fail: 0, skip: 0, running: 0}};
			this.groups.set(top, group);
		}
		group.members.push(name);
		group.counts[state]++;
		this.counts[state]++;
		return rec;
	}

	private setState(rec: TestRecord, state: TestState): void {
		if (rec.state === state) return;
		const group = this.groups.get(rec.top);
		if (group) {
			group.counts[rec.state]--;
			group.counts[state]++;
		}
		this.counts[rec.state]--;
		this.counts[state]++;
		rec.state = state;
	}
}
