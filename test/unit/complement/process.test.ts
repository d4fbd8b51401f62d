import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {LineSplitter} from '../../../src/core/process/line-splitter.js';
import {runStreaming} from '../../../src/core/process/run-streaming.js';

const FAKE = fileURLToPath(new URL('../../fixtures/complement/fake-suite.mjs', import.meta.url));

describe('LineSplitter', () => {
	it('joins lines split across chunks and drops CR of CRLF', () => {
		const s = new LineSplitter();
		expect(s.push('pa')).toEqual([]);
		expect(s.push('ss\tTestA\r\nfail\tT')).toEqual(['pass\tTestA']);
		expect(s.push('estB\n\nx')).toEqual(['fail\tTestB', '']);
		expect(s.end()).toEqual(['x']);
		expect(s.end()).toEqual([]);
	});

	it('cuts a runaway line', () => {
		const s = new LineSplitter(4);
		expect(s.push('abcdefgh')).toEqual(['abcd']);
	});
});

describe('runStreaming', () => {
	it('streams stdout and stderr lines with the env given and returns the exit code', async () => {
		const lines: string[] = [];
		let raw = '';
		const run = runStreaming({
			command: process.execPath,
			args: [FAKE],
			env: {...process.env, cargo_profile: 'test', FAKE_EXIT: '3', FAKE_DELAY: '1'},
			onLines: (ls) => lines.push(...ls),
			onChunk: (c) => {
				raw += c;
			},
		});
		const result = await run.done;
		expect(result).toEqual({exitCode: 3, signal: undefined, canceled: false, error: undefined});
		expect(lines).toContain('cargo_profile=test');
		expect(lines).toContain('+ go test -json ./tests/...');
		expect(lines.filter((l) => l.includes('\t'))).toHaveLength(6);
		expect(raw.split('\n').filter(Boolean).sort()).toEqual([...lines].sort());
	});

	it('cancels with SIGINT first', async () => {
		const lines: string[] = [];
		const run = runStreaming({
			command: process.execPath,
			args: [FAKE],
			env: {...process.env, FAKE_HANG: '1', FAKE_DELAY: '1'},
			onLines: (ls) => {
				lines.push(...ls);
				if (ls.includes('fail\tTestEpsilon')) run.cancel();
			},
		});
		const result = await run.done;
		expect(result.canceled).toBe(true);
		expect(result.exitCode).toBe(130);
		expect(lines).toContain('got SIGINT');
	});

	it('keeps stdout and stderr apart as raw bytes when asked per stream', async () => {
		let out = '';
		let err = '';
		const script =
			"process.stdout.write('o1\\n');process.stderr.write('e1\\n');process.stdout.write('o2\\n');process.exitCode=4";
		const run = runStreaming({
			command: process.execPath,
			args: ['-e', script],
			ownGroup: false,
			onStdout: (c) => {
				expect(Buffer.isBuffer(c)).toBe(true);
				out += c.toString();
			},
			onStderr: (c) => {
				err += c.toString();
			},
		});
		expect((await run.done).exitCode).toBe(4);
		expect(out).toBe('o1\no2\n');
		expect(err).toBe('e1\n');
	});

	it('reports a command that cannot start', async () => {
		const run = runStreaming({command: '/nonexistent/complement.sh', args: []});
		const result = await run.done;
		expect(result.exitCode).toBeUndefined();
		expect(result.error).toMatch(/ENOENT/);
	});
});
