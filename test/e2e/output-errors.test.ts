// Standard output that cannot take what a command prints: a reader that stopped early (a pipe
// into `head`) ends the CLI quietly, as SIGPIPE ends `cat`, and a build is stopped and saved
// first; any other write error is one line on standard error. Never a stack trace (src/cli.ts,
// onOutputError).

import {spawn} from 'node:child_process';
import {closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
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

	it('a build whose reader goes away is stopped as Ctrl-C stops it, and its run is saved', async () => {
		const state = mkdtempSync(join(tmpdir(), 'bt-e2e-epipe-'));
		const child = spawn(process.execPath, [CLI, 'build', '--no-tui', 'app', 'worker'], {
			cwd: TREE,
			env: childEnv({
				BAKETREE_DOCKER: join(ROOT, 'test/fake-docker/docker'),
				BAKETREE_STATE_DIR: state,
				FAKE_DOCKER_SCENARIO: 'long',
				FAKE_DOCKER_SPEED: '1',
			}),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stderr = '';
		child.stderr.setEncoding('utf8').on('data', (d: string) => {
			stderr += d;
		});
		// The build is under way once it prints; then the reader goes.
		child.stdout.once('data', () => child.stdout.destroy());
		const status = await new Promise((resolve) => child.on('close', resolve));
		expect(status).toBe(141);
		expect(stderr).not.toMatch(/\n\s+at /);
		const [run, ...others] = readdirSync(join(state, 'runs'));
		expect(others).toEqual([]);
		const dir = join(state, 'runs', run as string);
		// Ended by the cancel (the fake buildx exits 130 on SIGINT), not left running.
		expect(JSON.parse(readFileSync(join(dir, 'exit.json'), 'utf8')).exitCode).toBe(130);
		expect(readFileSync(join(dir, 'stream.log'), 'utf8')).toContain('context canceled');
	});

	it('so is a Complement run, its results saved', async () => {
		const state = mkdtempSync(join(tmpdir(), 'bt-e2e-epipe-'));
		const fixtures = join(ROOT, 'test/fixtures/complement');
		const child = spawn(
			process.execPath,
			[CLI, 'complement', '--', process.execPath, join(fixtures, 'fake-suite.mjs')],
			{
				cwd: ROOT,
				// FAKE_HANG: the suite runs until it is stopped, and says when SIGINT came.
				env: childEnv({BAKETREE_STATE_DIR: state, FAKE_DELAY: '20', FAKE_HANG: '1'}),
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let stderr = '';
		child.stderr.setEncoding('utf8').on('data', (d: string) => {
			stderr += d;
		});
		child.stdout.once('data', () => child.stdout.destroy());
		const status = await new Promise((resolve) => child.on('close', resolve));
		expect(status).toBe(141);
		expect(stderr).not.toMatch(/\n\s+at /);
		const [run, ...others] = readdirSync(join(state, 'complement'));
		expect(others).toEqual([]);
		const dir = join(state, 'complement', run as string);
		expect(JSON.parse(readFileSync(join(dir, 'exit.json'), 'utf8'))).toMatchObject({
			canceled: true,
			exitCode: 130,
		});
	});

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
