// A CLI cut short. Standard output that cannot take what a command prints: a reader that
// stopped early (a pipe into `head`) ends the CLI quietly, as SIGPIPE ends `cat`; any other
// write error is one line on standard error (src/cli/output.ts). A plain build or
// Complement run is stopped and saved first, and so it is on SIGTERM and SIGHUP
// (src/cli/stop-on-abort.ts). Never a stack trace.

import {spawn} from 'node:child_process';
import {closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {childEnv} from './child-env.js';
import {CLI, ROOT} from './pty.js';

const TREE = join(ROOT, 'test/fixtures/tui-build');

interface RunOptions {
	/**
	 * Standard output: a pipe closed before the CLI starts (its first write finds no reader),
	 * one closed once the CLI has printed something (it is under way), one kept open, or a
	 * file descriptor.
	 */
	readonly stdout: 'closed pipe' | 'closed after output' | 'pipe' | number;
	/** Sent to the CLI once it has printed something. */
	readonly signalAfterOutput?: NodeJS.Signals;
	readonly env?: Record<string, string>;
	readonly cwd?: string;
}

interface Ended {
	readonly status: number | null;
	/** The signal that ended the CLI, if one did. */
	readonly signal: string | null;
	readonly stderr: string;
}

function run(args: string[], opts: RunOptions): Promise<Ended> {
	const piped = typeof opts.stdout !== 'number';
	const child = spawn(process.execPath, [CLI, ...args], {
		cwd: opts.cwd ?? TREE,
		env: childEnv({BAKETREE_NO_CACHE: '1', ...opts.env}),
		stdio: ['ignore', piped ? 'pipe' : opts.stdout, 'pipe'],
	});
	const out = child.stdout;
	if (out && opts.stdout === 'closed pipe') out.destroy();
	else if (out) {
		out.once('data', () => {
			if (opts.stdout === 'closed after output') out.destroy();
			if (opts.signalAfterOutput) child.kill(opts.signalAfterOutput);
		});
		out.resume();
	}
	let stderr = '';
	child.stderr?.setEncoding('utf8').on('data', (d: string) => {
		stderr += d;
	});
	return new Promise((resolve) =>
		child.on('close', (status, signal) => resolve({status, signal, stderr})),
	);
}

/** The one run saved under `folder` of a state directory. */
function onlyRun(state: string, folder: string): string {
	const [run, ...others] = readdirSync(join(state, folder));
	expect(others).toEqual([]);
	return join(state, folder, run as string);
}

/** Ways a plain run is cut short, and the CLI's exit status then. */
const CUTS: [string, RunOptions, number][] = [
	['whose reader goes away', {stdout: 'closed after output'}, 141],
	// The status is the stopped run's own (the fakes exit 130 on SIGINT, as buildx does).
	['sent SIGTERM', {stdout: 'pipe', signalAfterOutput: 'SIGTERM'}, 130],
	['sent SIGHUP', {stdout: 'pipe', signalAfterOutput: 'SIGHUP'}, 130],
];

describe('a CLI cut short', () => {
	for (const args of [['list', 'targets'], ['print'], ['tree']]) {
		it(`${args.join(' ')} into a pipe whose reader is gone ends quietly with SIGPIPE's status`, async () => {
			const r = await run(args, {stdout: 'closed pipe'});
			expect(r.stderr).toBe('');
			expect(r.status).toBe(141);
		});
	}

	for (const [how, opts, status] of CUTS) {
		it(`a plain build ${how} is stopped as Ctrl-C stops it, and its run is saved`, async () => {
			const state = mkdtempSync(join(tmpdir(), 'bt-e2e-cut-'));
			const r = await run(['build', '--no-tui', 'app', 'worker'], {
				...opts,
				env: {
					BAKETREE_DOCKER: join(ROOT, 'test/fake-docker/docker'),
					BAKETREE_STATE_DIR: state,
					FAKE_DOCKER_SCENARIO: 'long',
					FAKE_DOCKER_SPEED: '1',
				},
			});
			expect(r.signal).toBeNull();
			expect(r.status).toBe(status);
			expect(r.stderr).not.toMatch(/\n\s+at /);
			const dir = onlyRun(state, 'runs');
			// Ended by the cancel (the fake buildx exits 130 on SIGINT), not left running.
			expect(JSON.parse(readFileSync(join(dir, 'exit.json'), 'utf8')).exitCode).toBe(130);
			expect(readFileSync(join(dir, 'stream.log'), 'utf8')).toContain('context canceled');
		});

		it(`a plain Complement run ${how} is stopped too, its results saved`, async () => {
			const state = mkdtempSync(join(tmpdir(), 'bt-e2e-cut-'));
			const suite = join(ROOT, 'test/fixtures/complement/fake-suite.mjs');
			const r = await run(['complement', '--', process.execPath, suite], {
				...opts,
				cwd: ROOT,
				// FAKE_HANG: the suite runs until it is stopped, and exits 130 on SIGINT.
				env: {BAKETREE_STATE_DIR: state, FAKE_DELAY: '20', FAKE_HANG: '1'},
			});
			expect(r.signal).toBeNull();
			expect(r.status).toBe(status);
			expect(r.stderr).not.toMatch(/\n\s+at /);
			const dir = onlyRun(state, 'complement');
			expect(JSON.parse(readFileSync(join(dir, 'exit.json'), 'utf8'))).toMatchObject({
				canceled: true,
				exitCode: 130,
			});
		});
	}

	it.skipIf(!existsSync('/dev/full'))('a full disk is one line on standard error', async () => {
		const full = openSync('/dev/full', 'w');
		try {
			const r = await run(['print'], {stdout: full});
			expect(r.stderr).toBe(
				'baketree: cannot write to standard output: ENOSPC: no space left on device, write\n',
			);
			expect(r.status).toBe(74);
		} finally {
			closeSync(full);
		}
	});
});
