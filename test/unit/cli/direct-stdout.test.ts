// src/cli/output.ts, directStdout: what the printing commands write goes out whole, also into
// a pipe opened non-blocking that fills up (the writer waits for its reader instead of
// losing the rest or failing with EAGAIN).

import {spawn, spawnSync} from 'node:child_process';
import {closeSync, constants, mkdtempSync, openSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {directStdout} from '../../../src/cli/output.js';

describe('directStdout', () => {
	it('writes a text many times a pipe buffer into a non-blocking pipe, whole and in order', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'bt-direct-'));
		const fifo = join(dir, 'fifo');
		const out = join(dir, 'out');
		expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
		// The reader: another process, so that it drains while this thread waits.
		const reader = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', fifo, out], {stdio: 'ignore'});
		const ended = new Promise((resolve) => reader.on('close', resolve));
		// Opening a FIFO's write end without blocking fails until a reader has it open.
		let fd: number | undefined;
		const deadline = Date.now() + 10_000;
		while (fd === undefined) {
			try {
				fd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
			} catch (err) {
				if ((err as NodeJS.ErrnoException).code !== 'ENXIO' || Date.now() > deadline) throw err;
				await new Promise((r) => setTimeout(r, 10));
			}
		}
		const lines = Array.from({length: 40_000}, (_, i) => `line ${i} ${'é'.repeat(i % 7)}\n`);
		const text = lines.join('');
		try {
			const stdout = directStdout(fd);
			// In two writes: the second starts where the first ended.
			const half = Math.floor(lines.length / 2);
			expect(stdout.write(lines.slice(0, half).join(''))).toBe(true);
			expect(stdout.write(lines.slice(half).join(''))).toBe(true);
		} finally {
			closeSync(fd);
		}
		await ended;
		expect(Buffer.byteLength(text)).toBeGreaterThan(10 * 65_536);
		expect(readFileSync(out, 'utf8')).toBe(text);
	});
});
