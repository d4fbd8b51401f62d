import {describe, expect, it} from 'vitest';
import {BuildState} from '../../../src/core/progress/build-state.js';
import {LogRing, LogSplitter} from '../../../src/core/progress/log-lines.js';

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

describe('LogSplitter and LogRing', () => {
	it('splits a vertex log on newlines across writes and cuts a runaway line', () => {
		const out: string[] = [];
		const sp = new LogSplitter(4);
		const feed = (s: string) => {
			const b = Buffer.from(`${s}####`);
			sp.write(b, b.length - 4, (l) => out.push(l));
		};
		feed('ab');
		feed('c\nd');
		expect(out).toEqual(['abc']);
		feed('efgh');
		expect(out).toEqual(['abc', 'defgh']);
		feed('x');
		sp.end((l) => out.push(l));
		expect(out).toEqual(['abc', 'defgh', 'x']);
	});

	it('keeps the newest lines with their digest', () => {
		const r = new LogRing(2);
		r.push('d1', 'a');
		r.push('d2', 'b');
		r.push('d1', 'c');
		expect(r.slice()).toEqual([
			{digest: 'd2', text: 'b'},
			{digest: 'd1', text: 'c'},
		]);
		expect([r.length, r.total, r.at(1)?.text, r.at(2)]).toEqual([2, 3, 'c', undefined]);
	});
});

describe('BuildState logs', () => {
	it('decodes log chunks split inside a character and keeps one digest string', () => {
		const st = new BuildState({targets: ['app']});
		const d = 'sha256:abcd';
		st.ingestLine(JSON.stringify({vertexes: [{digest: d, name: 'RUN x', started: 'now'}]}));
		const bytes = Buffer.from('grüße\nzweite');
		for (const part of [bytes.subarray(0, 3), bytes.subarray(3)])
			st.ingestLine(JSON.stringify({logs: [{vertex: d, stream: 1, data: b64(part)}]}));
		st.finish(0);
		const lines = st.digestLogs.get(d)?.lines.slice() ?? [];
		expect(lines.map((l) => l.text)).toEqual(['grüße', 'zweite']);
		expect(st.targets.get('app')?.log.slice()).toEqual(lines);
		expect(st.digestLogs.get(d)?.digest).toBe(d);
	});
});
