// Standard output that cannot take what a command prints: a reader that stopped early (a pipe
// into `head`) ends the CLI quietly, as SIGPIPE ends `cat`; any other write error is one line
// on standard error. Never a stack trace (src/cli.ts, onOutputError).

import {spawn} from 'node:child_process';
import {closeSync, existsSync, openSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {childEnv} from './child-env.js';
import {CLI, ROOT} from './pty.js';

const TREE = join(ROOT, 'test/fixtures/tui-build');

/** Runs the CLI with `stdout` as its standard output; its standard error and exit status. */
function run(
	args: string[],
	stdout: 'closed pipe' | number,
): Promise<{status: number | null; stderr: string}> {
	const child = spawn(process.execPath, [CLI, ...args], {
		cwd: TREE,
		env: childEnv({BAKETREE_NO_CACHE: '1'}),
		stdio: ['ignore', stdout === 'closed pipe' ? 'pipe' : stdout, 'pipe'],
	});
	// Closed before the CLI has started: its first write finds no reader.
	if (stdout === 'closed pipe') child.stdout?.destroy();
	let stderr = '';
	child.stderr?.setEncoding('utf8').on('data', (d: string) => {
		stderr += d;
	});
	return new Promise((resolve) => child.on('close', (status) => resolve({status, stderr})));
}

describe('standard output that takes no more', () => {
	for (const args of [['list', 'targets'], ['print'], ['tree']]) {
		it(`${args.join(' ')} into a pipe whose reader is gone ends quietly with SIGPIPE's status`, async () => {
			const r = await run(args, 'closed pipe');
			expect(r.stderr).toBe('');
			expect(r.status).toBe(141);
		});
	}

	it.skipIf(!existsSync('/dev/full'))('a full disk is one line on standard error', async () => {
		const full = openSync('/dev/full', 'w');
		try {
			const r = await run(['print'], full);
			expect(r.stderr).toBe(
				'baketree: cannot write to standard output: ENOSPC: no space left on device, write\n',
			);
			expect(r.status).toBe(74);
		} finally {
			closeSync(full);
		}
	});
});
