// Full-screen views cut short by a signal (a closed terminal sends SIGHUP, `kill` SIGTERM)
// while buildx or the Complement suite runs in its own process group: the child is stopped
// as Ctrl-C stops it and its run saved, then baketree ends with the signal's status and the
// terminal put back (src/cli/stop-on-abort.ts, exitOnAbort). The same without a view:
// cut-short.test.ts.

import {mkdtempSync, readdirSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {type PtySession, ROOT, spawnCli} from './pty.js';

const TREE = join(ROOT, 'test/fixtures/tui-build');

/** A fake buildx that runs until it is stopped, and exits 130 on SIGINT (as buildx does). */
function buildEnv(state: string): Record<string, string> {
	return {
		BAKETREE_DOCKER: join(ROOT, 'test/fake-docker/docker'),
		BAKETREE_STATE_DIR: state,
		FAKE_DOCKER_SCENARIO: 'long',
		FAKE_DOCKER_SPEED: '1',
	};
}

/** The one run saved under `folder` of a state directory. */
function onlyRun(state: string, folder: string): string {
	const [run, ...others] = readdirSync(join(state, folder));
	expect(others).toEqual([]);
	return join(state, folder, run as string);
}

/**
 * Once buildx is under way in `s`, sends it `signal`: baketree must exit with `code` after
 * saving the run as canceled, and leave the alternate screen.
 */
async function expectStoppedBuild(
	s: PtySession,
	state: string,
	signal: NodeJS.Signals,
	code: number,
): Promise<void> {
	await s.waitFor('tick 1', 20_000);
	s.kill(signal);
	expect((await s.exit).exitCode).toBe(code);
	const dir = onlyRun(state, 'runs');
	expect(JSON.parse(readFileSync(join(dir, 'exit.json'), 'utf8')).exitCode).toBe(130);
	expect(readFileSync(join(dir, 'stream.log'), 'utf8')).toContain('context canceled');
	const out = s.output();
	expect(out.lastIndexOf('\x1b[?1049l')).toBeGreaterThan(out.lastIndexOf('\x1b[?1049h'));
}

describe('a full-screen view cut short by a signal', () => {
	it('the build view: SIGTERM stops buildx, saves the run, exits 143', async () => {
		const state = mkdtempSync(join(tmpdir(), 'bt-e2e-view-'));
		const s = spawnCli(['build', 'app', 'worker'], {cwd: TREE, env: buildEnv(state)});
		try {
			await expectStoppedBuild(s, state, 'SIGTERM', 143);
		} finally {
			s.kill();
		}
	});

	it('a build started from the explorer: SIGHUP stops it and saves it, exits 129', async () => {
		const state = mkdtempSync(join(tmpdir(), 'bt-e2e-view-'));
		const s = spawnCli([], {cwd: TREE, env: buildEnv(state)});
		try {
			await s.waitFor('4 instances');
			// The cursor starts on the bottom row: app.
			s.press('b');
			await expectStoppedBuild(s, state, 'SIGHUP', 129);
		} finally {
			s.kill();
		}
	});

	it('the Complement view: SIGTERM stops the suite, saves its results, exits 143', async () => {
		const state = mkdtempSync(join(tmpdir(), 'bt-e2e-view-'));
		const suite = join(ROOT, 'test/fixtures/complement/fake-suite.mjs');
		const s = spawnCli(['complement', '--', process.execPath, suite], {
			// FAKE_HANG: the suite runs until it is stopped, and exits 130 on SIGINT.
			env: {BAKETREE_STATE_DIR: state, FAKE_DELAY: '20', FAKE_HANG: '1'},
			cols: 100,
			rows: 20,
		});
		try {
			await s.waitFor('TestEpsilon', 20_000);
			s.kill('SIGTERM');
			expect((await s.exit).exitCode).toBe(143);
			const dir = onlyRun(state, 'complement');
			expect(JSON.parse(readFileSync(join(dir, 'exit.json'), 'utf8'))).toMatchObject({
				canceled: true,
				exitCode: 130,
			});
		} finally {
			s.kill();
		}
	});
});
