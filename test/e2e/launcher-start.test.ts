// dist/cli.js run as a program, as `baketree` is once npm links it: its first lines are a shell
// script that starts Node with V8's worker pool sized to the machine (scripts/bundle.mjs,
// LAUNCHER_START). These runs go through the system's /bin/sh, not through Node.

import {spawnSync} from 'node:child_process';
import {chmodSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {delimiter, dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {childEnv} from './child-env.js';
import {CLI, ROOT} from './pty.js';

/** PATH with `first` searched before anything else. */
const pathWith = (first: string) => `${first}${delimiter}${childEnv().PATH}`;

describe('dist/cli.js started as a program', () => {
	it('runs the CLI with the Node found on PATH', () => {
		const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
		const r = spawnSync(CLI, ['--version'], {
			encoding: 'utf8',
			env: childEnv({PATH: pathWith(dirname(process.execPath))}),
		});
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(r.stdout).toBe(`baketree ${version}\n`);
	});

	it('gives Node the pool size, the script and every argument unchanged', () => {
		// A `node` that prints the arguments it was given, one per line, and exits 3.
		const bin = mkdtempSync(join(tmpdir(), 'bt-e2e-start-'));
		writeFileSync(join(bin, 'node'), '#!/bin/sh\nprintf "%s\\n" "$@"\nexit 3\n');
		chmodSync(join(bin, 'node'), 0o755);
		const args = ['print', 'a b', '$HOME', '*', '"q"', '', '-f', 'x;y'];
		const r = spawnSync(CLI, args, {encoding: 'utf8', env: childEnv({PATH: pathWith(bin)})});
		expect(r.stderr).toBe('');
		// Its exit status is the program's: sh replaced itself with Node (exec).
		expect(r.status).toBe(3);
		expect(r.stdout).toBe(`${['--v8-pool-size=0', CLI, ...args].join('\n')}\n`);
	});
});
