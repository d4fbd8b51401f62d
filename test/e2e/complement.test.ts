// `baketree complement` in a real pseudo-terminal: the live view, expanding a test, quitting,
// and the exit code. Uses the shared pty harness (test/e2e/pty.ts, bundle built once by
// global-setup.ts).
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {spawnCli} from './pty.js';

const FIXTURES = 'test/fixtures/complement';

describe('baketree complement (pty)', () => {
	it('shows the run live, marks regressions, expands a test and exits 1 on quit', async () => {
		const state = mkdtempSync(join(tmpdir(), 'bt-complement-e2e-'));
		const app = spawnCli(
			[
				'complement',
				'--baseline',
				`${FIXTURES}/baseline.jsonl`,
				'--',
				process.execPath,
				`${FIXTURES}/fake-suite.mjs`,
			],
			{env: {BAKETREE_STATE_DIR: state, FAKE_DELAY: '20'}, cols: 100, rows: 20},
		);
		await app.waitFor('exited 0');
		expect(await app.screen()).toContain('2 regressions');
		expect(await app.screen()).toMatch(/TestAlpha REGRESSION \(2 subtests\)/);
		app.press('\r');
		await app.waitFor('sub_one REGRESSION');
		expect(await app.screen()).toContain('sub_two fixed');
		// The frame never outgrows the terminal: the footer stays on screen.
		expect(await app.screen()).toContain('? help · q quit');
		app.press('q');
		expect((await app.exit).exitCode).toBe(1);
	});

	it('reads the shared sample log against its own results and exits 0', async () => {
		const state = mkdtempSync(join(tmpdir(), 'bt-complement-e2e-'));
		const app = spawnCli(
			[
				'complement',
				'--log',
				`${FIXTURES}/sample-live-log.txt`,
				'--baseline',
				`${FIXTURES}/tuwunel-results-2025-06.jsonl`,
			],
			{env: {BAKETREE_STATE_DIR: state}, cols: 100, rows: 20},
		);
		await app.waitFor('444 pass 196 fail 9 skip');
		expect(await app.screen()).toContain('0 regressions');
		app.press('1');
		await app.waitFor('filter: fail');
		app.press('q');
		expect((await app.exit).exitCode).toBe(0);
	});
});
