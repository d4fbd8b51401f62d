// The environment e2e tests give the CLI processes they start: only PATH from the outside, and
// baketree's cache pointed at a folder of this test run, so that no test writes into the
// user's ~/.cache or reads an entry a previous run left there.

import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const cacheDir = mkdtempSync(join(tmpdir(), 'bt-e2e-cache-'));
// Gone with the process that made it (the benchmarks use this module too).
process.once('exit', () => rmSync(cacheDir, {recursive: true, force: true}));

export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
	// TMPDIR too: the test run's own temporary folder (test/temp-root.ts), removed after it.
	const tmp = process.env['TMPDIR'];
	return {
		PATH: process.env['PATH'] ?? '',
		...(tmp ? {TMPDIR: tmp} : {}),
		BAKETREE_CACHE_DIR: cacheDir,
		...extra,
	};
}
