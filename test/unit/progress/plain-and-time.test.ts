import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {buildSummaryJson} from '../../../src/core/progress/summary.js';
import {compareInstants, formatInstant, parseInstant} from '../../../src/core/progress/time.js';
import {ingestText, SAMPLES} from './helpers.js';

const sample = (name: string) =>
	readFileSync(SAMPLES + name, 'utf8')
		.split('\n')
		.filter((l) => !l.startsWith('# '))
		.join('\n');

describe('plain logs', () => {
	it('reads the 4-target plain sample with target names inferred', () => {
		const st = ingestText(sample('02-plain-bake-4targets-shared-dockerfile.txt'));
		expect([...st.targets.keys()].sort()).toEqual(['api', 'bot', 'migrate', 'worker']);
		const s = buildSummaryJson(st).targets;
		expect(s['worker']?.cached).toBe(3);
		expect(s['bot']?.status).toBe('succeeded');
		// "#11 ..." then "#11 [migrate] exporting to image" again is one step
		expect(st.targets.get('migrate')?.steps.size).toBe(3);
	});

	it('reads logs, CACHED, ERROR and CANCELED blocks', () => {
		const st = ingestText(
			[
				'#1 [a build 1/2] RUN x',
				'#1 0.266 hello',
				'#1 ERROR: boom',
				'',
				'#2 [b build 1/1] RUN y',
				'#2 CACHED',
				'#3 [a build 2/2] RUN z',
				'#3 CANCELED',
			].join('\n'),
		);
		const s = buildSummaryJson(st).targets;
		expect(s['a']?.status).toBe('failed');
		expect(s['a']?.error).toBe('boom');
		expect(s['b']?.status).toBe('cached');
		expect(
			st.targets
				.get('a')
				?.log.slice()
				.map((l) => l.text),
		).toEqual(['hello']);
	});
});

describe('RFC3339Nano', () => {
	it('keeps nanoseconds and offsets', () => {
		const a = parseInstant('2025-03-20T22:53:16.448246532+01:00');
		expect(a).toEqual({ms: Date.UTC(2025, 2, 20, 21, 53, 16, 448), ns: 246532});
		const b = parseInstant('2025-03-20T21:53:16.448246533Z');
		expect(a && b && compareInstants(a, b)).toBeLessThan(0);
		expect(parseInstant('0001-01-01T00:00:00Z')).toBeUndefined();
		expect(parseInstant('garbage')).toBeUndefined();
		expect(formatInstant({ms: Date.UTC(2024, 1, 5, 18, 37, 58, 113), ns: 853435})).toBe(
			'2024-02-05T18:37:58.113853435Z',
		);
	});
});
