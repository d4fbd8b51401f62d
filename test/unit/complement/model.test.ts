import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {summarize} from '../../../src/core/complement/diff.js';
import {parseResultsFile} from '../../../src/core/complement/results-file.js';
import {buildRows} from '../../../src/core/complement/rows.js';
import {RunModel} from '../../../src/core/complement/run-model.js';

const fixture = (name: string) =>
	readFileSync(new URL(`../../fixtures/complement/${name}`, import.meta.url), 'utf8');
const baseline = parseResultsFile(fixture('tuwunel-results-2025-06.jsonl'), 'results.jsonl');

function ingestAll(model: RunModel, text: string): RunModel {
	for (const line of text.split('\n')) model.ingestLine(line);
	return model;
}

describe('RunModel on the shared sample log', () => {
	it('finds every result of the log, matching the results file it came from', () => {
		const model = ingestAll(new RunModel({baseline}), fixture('sample-live-log.txt'));
		expect(model.resultCounts()).toEqual({pass: 444, fail: 196, skip: 9});
		expect(model.results()).toEqual(baseline);
		expect(summarize(model.results(), baseline)).toEqual({
			counts: {pass: 444, fail: 196, skip: 9},
			regressions: [],
			progressions: [],
			new: [],
			missing: [],
		});
	});

	it('marks regressions as they happen and judges the run against the baseline', () => {
		const seen: string[] = [];
		const model = new RunModel({
			baseline,
			onResult: (test, _r, regression) => regression && seen.push(test),
		});
		model.ingestLine('fail\tTestACLs'); // pass in the baseline
		model.ingestLine('pass\tTestArchivedRoomsHistory'); // fail in the baseline
		model.ingestLine('pass\tTestBrandNew');
		expect(seen).toEqual(['TestACLs']);
		expect([...model.regressions]).toEqual(['TestACLs']);
		const s = summarize(model.results(), baseline);
		expect(s.regressions).toEqual(['TestACLs']);
		expect(s.progressions).toEqual(['TestArchivedRoomsHistory']);
		expect(s.new).toEqual(['TestBrandNew']);
		expect(s.missing).toHaveLength(649 - 2);
		expect([...s.missing].sort()).toEqual(s.missing.slice().sort());
		// The last result wins: a later pass clears the regression.
		model.ingestLine('pass\tTestACLs');
		expect(model.regressions.size).toBe(0);
		expect(summarize(model.results(), undefined)).toMatchObject({
			regressions: [],
			new: [],
			missing: [],
		});
	});
});

describe('RunModel on go test streams', () => {
	it('tracks running tests, results and per-test output from -json', () => {
		const model = ingestAll(new RunModel(), fixture('gotest-json.jsonl'));
		expect(model.counts).toEqual({pass: 1, fail: 2, skip: 1, running: 1});
		expect(model.tests.get('TestGamma')?.state).toBe('running');
		expect(model.tests.get('TestAlpha/sub_one')?.output?.slice(0, 10)).toEqual([
			'    alpha_test.go:42: server said \u001b]0;pwned\u0007 no',
		]);
		expect(model.groups.get('TestAlpha')?.members).toEqual([
			'TestAlpha',
			'TestAlpha/sub_one',
			'TestAlpha/sub_two',
		]);
	});

	it('gives the same results from -v output', () => {
		const v = ingestAll(new RunModel(), fixture('gotest-v.txt'));
		expect(Object.fromEntries(v.results())).toEqual({
			TestAlpha: 'fail',
			'TestAlpha/sub_one': 'fail',
			'TestAlpha/sub_two': 'pass',
			TestBeta: 'skip',
			TestDelta: 'pass',
		});
		expect(v.counts.running).toBe(1);
	});

	it('keeps only well-formed results from malformed and truncated lines', () => {
		const model = ingestAll(new RunModel({logCapacity: 5}), fixture('malformed.txt'));
		expect(Object.fromEntries(model.results())).toEqual({
			TestOk: 'fail',
			'TestEscaped\\x': 'skip',
			TestCrlf: 'fail',
			TestLast: 'pass',
			TestCr: 'pass',
			TestUnterminated: 'fail',
		});
		expect(model.log.length).toBe(5);
		expect(model.log.total).toBe(model.lines);
	});
});

describe('rows', () => {
	const model = new RunModel({baseline: new Map([['TestA/x', 'pass']])});
	for (const l of [
		'pass\tTestA/GET_/device/{id}',
		'fail\tTestA/x/y',
		'fail\tTestA/x',
		'fail\tTestA',
		'pass\tTestB',
		'skip\tTestC/only_sub',
	])
		model.ingestLine(l);

	it('groups by top-level test and nests subtests under the longest known parent', () => {
		const rows = buildRows(model, {filter: 'all', query: '', expanded: new Set(['TestA'])});
		expect(rows.map((r) => `${'  '.repeat(r.depth)}${r.label}`)).toEqual([
			'TestA',
			'  GET_/device/{id}',
			'  x',
			'    y',
			'TestB',
			'TestC',
		]);
		expect(rows[0]).toMatchObject({
			children: 3,
			expanded: true,
			groupRegressions: 1,
			state: 'fail',
		});
		expect(rows[2]).toMatchObject({regression: true});
		expect(rows[5]).toMatchObject({state: 'skip', children: 1, expanded: false});
	});

	it('filters by state and fuzzy search, opening groups to show matching subtests', () => {
		const pass = buildRows(model, {filter: 'pass', query: '', expanded: new Set()});
		expect(pass.map((r) => r.test)).toEqual(['TestA', 'TestA/GET_/device/{id}', 'TestB']);
		const found = buildRows(model, {filter: 'all', query: 'devce', expanded: new Set()});
		expect(found.map((r) => r.test)).toEqual(['TestA', 'TestA/GET_/device/{id}']);
	});
});
