import {describe, expect, it} from 'vitest';
import {BuildState} from '../../../src/core/progress/build-state.js';
import {stepStatus} from '../../../src/core/progress/step.js';
import {buildSummaryJson} from '../../../src/core/progress/summary.js';
import {fixtureText, ingestText, msg} from './helpers.js';

const D1 = 'sha256:1111';
const D2 = 'sha256:2222';

describe('BuildState attribution', () => {
	it('splits the synthetic 2-target stream by prefix and keeps internal bake vertexes apart', () => {
		const st = ingestText(fixtureText('multi-fail.jsonl'), {targets: ['app', 'worker']});
		expect([...st.targets.keys()]).toEqual(['app', 'worker']);
		expect([...st.untargeted.steps.values()].map((s) => s.name)).toEqual([
			'[internal] load local bake definitions',
		]);
		const app = st.targets.get('app');
		expect(app?.steps.size).toBe(7);
		// prefix stripped exactly once (the +02:00 start above is the earliest)
		expect([...(app?.steps.values() ?? [])].map((s) => s.name)).toContain(
			'[build-app 1/1] RUN echo "building app" && sleep 1',
		);
	});

	it('records shared digests under every target that names them', () => {
		const st = ingestText(fixtureText('multi.jsonl'), {targets: ['app', 'worker', 'tools']});
		const shared = [...st.digestTargets.values()].filter((o) => o.length === 3);
		expect(shared.length).toBeGreaterThanOrEqual(5);
		// logs of a digest go to its owners only
		expect(
			st.targets
				.get('app')
				?.log.slice()
				.map((l) => l.text),
		).toEqual(['building app']);
	});

	it('gives every vertex to a single known target (no prefixes in single builds)', () => {
		const st = ingestText(fixtureText('single.jsonl'), {targets: ['app']});
		expect(st.untargeted.steps.size).toBe(0);
		expect(st.targets.get('app')?.steps.size).toBe(8);
	});

	it('infers target names from proven prefixes when none are given', () => {
		const st = ingestText(fixtureText('multi.jsonl'));
		expect([...st.targets.keys()].sort()).toEqual(['app', 'tools', 'worker']);
		const single = ingestText(fixtureText('single.jsonl'), {singleTargetName: 'only'});
		expect([...single.targets.keys()]).toEqual(['only']);
	});

	it('does not mistake stage names or [auth] for targets in a single-target stream', () => {
		const st = ingestText(
			[
				msg.vertex(D1, '[auth] library/alpine:pull token for registry-1.docker.io'),
				msg.vertex(D2, '[base 1/2] FROM alpine'),
			].join('\n'),
		);
		expect([...st.targets.keys()]).toEqual(['default']);
	});

	it('does not reset a started vertex on a later announce without started', () => {
		const st = new BuildState({targets: ['a']});
		st.ingestLine(msg.vertex(D1, 'x', {started: '2025-01-01T00:00:01Z'}));
		st.ingestLine(msg.vertex(D1, 'x'));
		const step = st.targets.get('a')?.steps.get(D1);
		expect(step && stepStatus(step)).toBe('running');
	});
});

describe('logs', () => {
	it('joins UTF-8 split across messages and lines split across messages', () => {
		const st = new BuildState({targets: ['a']});
		st.ingestLine(msg.vertex(D1, 'x', {started: '2025-01-01T00:00:01Z'}));
		const bytes = Buffer.from('café ok\nnext');
		st.ingestLine(msg.log(D1, bytes.subarray(0, 4))); // cuts "é" in half
		st.ingestLine(msg.log(D1, bytes.subarray(4)));
		st.ingestLine(msg.log(D1, ' line\n'));
		expect(
			st.targets
				.get('a')
				?.log.slice()
				.map((l) => l.text),
		).toEqual(['café ok', 'next line']);
	});

	it('strips control sequences but keeps colours, and keeps the last \\r segment', () => {
		const st = new BuildState({targets: ['a']});
		st.ingestLine(msg.vertex(D1, 'x', {started: '2025-01-01T00:00:01Z'}));
		st.ingestLine(msg.log(D1, '\x1b[31mred\x1b[0m\x1b[2J\x1b]52;c;aGk=\x07!\n10%\r50%\r100%\n'));
		expect(
			st.targets
				.get('a')
				?.log.slice()
				.map((l) => l.text),
		).toEqual(['\x1b[31mred\x1b[0m!', '100%']);
	});

	it('keeps non-JSON lines as text and collects ERROR lines', () => {
		const st = ingestText(fixtureText('multi-fail.jsonl') + fixtureText('multi-fail.tail.txt'));
		expect(st.errors[0]).toMatch(/^target worker: failed to solve/);
		expect(st.text.slice()).toContain('--------------------');
	});
});

describe('summary json', () => {
	it('follows the status rules', () => {
		const st = ingestText(fixtureText('multi-fail.jsonl'), {targets: ['app', 'worker']}, 1);
		const s = buildSummaryJson(st);
		expect(s.exitCode).toBe(1);
		expect(s.targets['worker']?.status).toBe('failed');
		expect(s.targets['worker']?.error).toMatch(/exit code: 3$/);
		expect(s.targets['app']?.status).toBe('canceled');
		expect(s.targets['app']?.cached).toBe(1);
	});

	it('computes durationMs from the earliest start to the latest completion', () => {
		const st = new BuildState({targets: ['a']});
		st.ingestLine(
			msg.vertex(D1, 'x', {
				started: '2025-01-01T00:00:01.000999Z',
				completed: '2025-01-01T00:00:01.5Z',
			}),
		);
		st.ingestLine(
			msg.vertex(D2, 'y', {
				started: '2025-01-01T02:00:00.250+02:00',
				completed: '2025-01-01T00:00:03.75Z',
			}),
		);
		const s = buildSummaryJson(st).targets['a'];
		expect(s).toEqual({status: 'succeeded', steps: 2, cached: 0, durationMs: 3500});
	});

	it('picks the first failure by completed time (nanoseconds count)', () => {
		const st = new BuildState({targets: ['a']});
		st.ingestLine(
			msg.vertex(D1, 'x', {
				started: '2025-01-01T00:00:01Z',
				completed: '2025-01-01T00:00:02.000000002Z',
				error: 'second',
			}),
		);
		st.ingestLine(
			msg.vertex(D2, 'y', {
				started: '2025-01-01T00:00:01Z',
				completed: '2025-01-01T00:00:02.000000001Z',
				error: 'first',
			}),
		);
		expect(buildSummaryJson(st).targets['a']?.error).toBe('first');
	});

	it('reports cached, incomplete and canceled targets', () => {
		const st = new BuildState({targets: ['c', 'i', 'x']});
		st.ingestLine(
			msg.vertex(D1, '[c] a', {
				started: '2025-01-01T00:00:01Z',
				completed: '2025-01-01T00:00:01Z',
				cached: true,
			}),
		);
		st.ingestLine(msg.vertex(D2, '[i] b', {started: '2025-01-01T00:00:01Z'}));
		st.ingestLine(
			msg.vertex('sha256:3', '[x] b', {
				started: '2025-01-01T00:00:01Z',
				completed: '2025-01-01T00:00:02Z',
				error: 'rpc error: context canceled',
			}),
		);
		const t = buildSummaryJson(st).targets;
		expect([t['c']?.status, t['i']?.status, t['x']?.status]).toEqual([
			'cached',
			'incomplete',
			'canceled',
		]);
	});
});
