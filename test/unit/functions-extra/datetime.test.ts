import {describe, expect, it} from 'vitest';
import {DATETIME_FUNCTIONS} from '../../../src/core/functions/datetime.js';
import {FunctionArgError} from '../../../src/core/functions/types.js';
import {callJs, n, s} from './helpers.js';

const d = (name: string, ...a: string[]) => callJs(DATETIME_FUNCTIONS, name, ...a.map(s));

describe('timestamp', () => {
	it('is UTC RFC 3339 at seconds precision, near now', () => {
		const t = d('timestamp') as string;
		expect(t).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		expect(Math.abs(Date.parse(t) - Date.now())).toBeLessThan(5000);
	});
});

describe('formatdate', () => {
	const ts = '2018-01-02T23:12:01Z';
	it('formats cty verbs', () => {
		expect(d('formatdate', 'DD MMM YYYY hh:mm ZZZ', ts)).toBe('02 Jan 2018 23:12 UTC');
		expect(d('formatdate', 'EEEE, DD-MMM-YY hh:mm:ss ZZZ', '2018-01-02T23:12:01-08:00')).toBe(
			'Tuesday, 02-Jan-18 23:12:01 -0800',
		);
		expect(d('formatdate', 'EEE, D MMMM YYYY', ts)).toBe('Tue, 2 January 2018');
		expect(d('formatdate', 'HH:mmaa h H AA', ts)).toBe('11:12pm 23 11 PM');
		expect(d('formatdate', 'M/D s ss m', '2018-03-04T05:06:07+05:30')).toBe('3/4 7 07 6');
		expect(d('formatdate', 'Z ZZZZ ZZZZZ', '2018-03-04T05:06:07+05:30')).toBe(
			'+05:30 +0530 +05:30',
		);
		expect(d('formatdate', 'Z', ts)).toBe('Z');
	});
	it('handles quoted literals', () => {
		expect(d('formatdate', "h'h'mm", ts)).toBe('23h12');
		expect(d('formatdate', "'quoted'", ts)).toBe('quoted');
		expect(d('formatdate', "'it''s' YYYY ''", ts)).toBe("it's 2018 '");
	});
	it('rejects bad verbs and timestamps', () => {
		expect(() => d('formatdate', 'YYY', ts)).toThrow(
			'invalid date format verb "YYY": year must either be "YY" or "YYYY"',
		);
		expect(() => d('formatdate', 'q', ts)).toThrow('invalid date format verb "q"');
		expect(() => d('formatdate', "'open", ts)).toThrow("unterminated literal '");
		expect(() => d('formatdate', 'ZZ', ts)).toThrow('timezone must be Z, ZZZZ, or ZZZZZ');
		try {
			d('formatdate', 'YYYY', '2018-01-02');
			throw new Error('no error');
		} catch (e) {
			expect(e).toBeInstanceOf(FunctionArgError);
			expect((e as FunctionArgError).argIndex).toBe(1);
			expect((e as Error).message).toBe(
				"not a valid RFC3339 timestamp: missing required time introducer 'T'",
			);
		}
		expect(() => d('formatdate', 'YYYY', 'hello')).toThrow(
			'not a valid RFC3339 timestamp: cannot use "hello" as year',
		);
		expect(() => d('formatdate', 'YYYY', '2018-02-30T00:00:00Z')).toThrow('day out of range');
	});
});

describe('timeadd', () => {
	it('adds Go durations, keeping the offset', () => {
		expect(d('timeadd', '2017-11-22T00:00:00Z', '10m')).toBe('2017-11-22T00:10:00Z');
		expect(d('timeadd', '2017-11-22T00:00:00Z', '-1h')).toBe('2017-11-21T23:00:00Z');
		expect(d('timeadd', '2017-11-22T00:00:00+05:30', '1.5h')).toBe('2017-11-22T01:30:00+05:30');
		expect(d('timeadd', '2024-02-28T23:59:59Z', '1s')).toBe('2024-02-29T00:00:00Z');
		expect(d('timeadd', '2017-11-22T00:00:00.9Z', '100ms')).toBe('2017-11-22T00:00:01Z');
	});
	it('reports Go duration errors', () => {
		expect(() => d('timeadd', '2017-11-22T00:00:00Z', '10x')).toThrow(
			'time: unknown unit "x" in duration "10x"',
		);
		expect(() => d('timeadd', '2017-11-22T00:00:00Z', '10')).toThrow(
			'time: missing unit in duration "10"',
		);
		expect(() => d('timeadd', '2017-11-22T00:00:00Z', '')).toThrow('time: invalid duration ""');
		expect(() => d('timeadd', 'nope', '1h')).toThrow('not a valid RFC3339 timestamp');
	});
});

describe('buildx time functions', () => {
	it('unixtimestampparse matches buildx test values', () => {
		expect(callJs(DATETIME_FUNCTIONS, 'unixtimestampparse', n(1690328596))).toEqual({
			year: 2023,
			year_day: 206,
			day: 25,
			month: 7,
			month_name: 'July',
			weekday: 2,
			weekday_name: 'Tuesday',
			hour: 23,
			minute: 43,
			second: 16,
			rfc3339: '2023-07-25T23:43:16Z',
			iso_year: 2023,
			iso_week: 30,
		});
	});
	it('unixtimestampparse computes ISO weeks across year ends', () => {
		// 2021-01-01 is in ISO week 53 of 2020.
		const v = callJs(DATETIME_FUNCTIONS, 'unixtimestampparse', n(1609459200)) as Record<
			string,
			unknown
		>;
		expect([v.iso_year, v.iso_week, v.year_day]).toEqual([2020, 53, 1]);
	});
	it('formattimestamp takes RFC 3339 or unix seconds', () => {
		expect(d('formattimestamp', 'X', '2023-07-25T23:43:16Z')).toBe('1690328596');
		expect(
			callJs(DATETIME_FUNCTIONS, 'formattimestamp', s('YYYY-MM-DD hh:mm'), n(1690328596)),
		).toBe('2023-07-25 23:43');
		expect(d('formattimestamp', 'DD/MM/YY', '1690328596')).toBe('25/07/23');
		expect(() => d('formattimestamp', 'X', 'yesterday')).toThrow('not a valid RFC3339 timestamp');
	});
});
