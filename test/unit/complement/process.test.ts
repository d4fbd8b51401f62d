import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {startComplementSession} from '../../../src/core/complement/session.js';
import {createComplementStore} from '../../../src/core/complement/store.js';
import {runStreaming} from '../../../src/core/process/run-streaming.js';

const FAKE = fileURLToPath(new URL('../../fixtures/complement/fake-suite.mjs', import.meta.url));

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

	it('gives whole lines when the output splits a character, ends in CRLF or has no last newline', async () => {
		const lines: string[][] = [];
		let raw = '';
		// Two writes apart in time, the first ending inside the two bytes of "ü".
		const script =
			"const b=Buffer.from('a \u00fc\\r\\nb\\nlast \u00fc');process.stdout.write(b.subarray(0,3));setTimeout(()=>process.stdout.write(b.subarray(3)),100)";
		const run = runStreaming({
			command: process.execPath,
			args: ['-e', script],
			ownGroup: false,
			onLines: (ls) => lines.push([...ls]),
			onChunk: (c) => {
				raw += c;
			},
		});
		expect((await run.done).exitCode).toBe(0);
		expect(lines).toEqual([['a ü', 'b'], ['last ü']]);
		expect(raw).toBe('a ü\r\nb\nlast ü');
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

describe('Complement from a saved log', () => {
	it('reads every line, also one whose character straddles two reads', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'bt-complement-log-'));
		const path = join(dir, 'log.txt');
		// Reads are 64 KiB: the "Ü" of the second test starts on the last byte of the first read.
		const filler = `${'#'.repeat(65_535 - 'pass\tTestA\r\n'.length - 'pass\tTest'.length - 1)}\n`;
		writeFileSync(path, `pass\tTestA\r\n${filler}pass\tTestÜ\nfail\tTestC`);
		const store = createComplementStore({flushMs: 1e9});
		const session = await startComplementSession({
			source: {kind: 'log', path, follow: false},
			store,
		});
		expect(await session.done).toEqual({exitCode: 0, canceled: false});
		expect(store.getState().lines).toBe(4);
		expect([...store.getState().model.results()]).toEqual([
			['TestA', 'pass'],
			['TestÜ', 'pass'],
			['TestC', 'fail'],
		]);
	});
});
