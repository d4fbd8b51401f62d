import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseLine} from '../../../src/core/complement/parse-line.js';

const fixture = (name: string) =>
	readFileSync(new URL(`../../fixtures/complement/${name}`, import.meta.url), 'utf8');

describe('parseLine', () => {
	it('reads the tester TSV form', () => {
		expect(parseLine('pass\tTestACLs')).toEqual({kind: 'result', test: 'TestACLs', result: 'pass'});
		expect(parseLine('fail\tTestRoomState/Parallel/X')).toEqual({
			kind: 'result',
			test: 'TestRoomState/Parallel/X',
			result: 'fail',
		});
		expect(parseLine('skip\tTestY\r')).toEqual({kind: 'result', test: 'TestY', result: 'skip'});
		// jq @tsv escapes backslashes; the name is the unescaped one.
		expect(parseLine('skip\tTestA\\\\b')).toEqual({
			kind: 'result',
			test: 'TestA\\b',
			result: 'skip',
		});
	});

	it('reads go test -json events and ignores package-level ones', () => {
		const events = fixture('gotest-json.jsonl').trimEnd().split('\n').map(parseLine);
		expect(events[0]).toBeNull(); // start
		expect(events[1]).toEqual({kind: 'run', test: 'TestAlpha'});
		expect(events[4]).toMatchObject({kind: 'output', test: 'TestAlpha/sub_one'});
		expect(events[5]).toEqual({kind: 'result', test: 'TestAlpha/sub_one', result: 'fail'});
		expect(events[7]).toBeNull(); // pause
		expect(events[8]).toEqual({kind: 'run', test: 'TestAlpha/sub_two'}); // cont
		expect(events[12]).toEqual({kind: 'result', test: 'TestBeta', result: 'skip'});
		expect(events[15]).toBeNull(); // package output
		expect(events[16]).toBeNull(); // package fail
	});

	it('reads go test -v output, indented subtests included', () => {
		const events = fixture('gotest-v.txt')
			.split('\n')
			.map(parseLine)
			.filter((e) => e !== null);
		expect(events).toEqual([
			{kind: 'run', test: 'TestAlpha'},
			{kind: 'run', test: 'TestAlpha/sub_one'},
			{kind: 'run', test: 'TestAlpha/sub_two'},
			{kind: 'run', test: 'TestAlpha/sub_one'},
			{kind: 'result', test: 'TestAlpha', result: 'fail'},
			{kind: 'result', test: 'TestAlpha/sub_one', result: 'fail'},
			{kind: 'result', test: 'TestAlpha/sub_two', result: 'pass'},
			{kind: 'run', test: 'TestBeta'},
			{kind: 'result', test: 'TestBeta', result: 'skip'},
			{kind: 'run', test: 'TestDelta'},
			{kind: 'result', test: 'TestDelta', result: 'pass'},
			{kind: 'run', test: 'TestGamma'},
		]);
	});

	it('leaves noise, malformed and truncated lines to the raw log', () => {
		for (const line of [
			'HOSTNAME=7f3c2a1b9e0d',
			'+ go test -json -run=.* ./tests/...',
			'{"Action":"pass","Test":"TestTruncated',
			'{"Action":"bogus","Test":"TestBogus"}',
			'{"Action":"pass"}',
			'["pass","TestArray"]',
			'pass\t',
			'pass\tTest With Spaces',
			'PASS\tTestUpper',
			'--- PASS: TestNoTime',
			'--- PASS: TestTrailing (0.01s) extra',
			'+ echo pass\tTestFromXtrace',
			'',
			'FAIL\tgithub.com/matrix-org/complement/tests\t0.512s',
		]) {
			expect(parseLine(line), line).toBeNull();
		}
	});
});
