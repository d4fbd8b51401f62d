// The build view end to end: the bundled CLI in a pseudo-terminal, a fake docker on the side.

import {mkdtempSync, readdirSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ROOT, spawnCli} from './pty.js';

const FAKE = join(ROOT, 'test/fake-docker/docker');
// `build` reads the tree first: a small one whose targets match the fake's scenarios.
const TREE = join(ROOT, 'test/fixtures/tui-build');

function env(scenario: string, speed = '20') {
	const state = mkdtempSync(join(tmpdir(), 'bt-e2e-'));
	return {
		state,
		env: {
			BAKETREE_DOCKER: FAKE,
			BAKETREE_STATE_DIR: state,
			FAKE_DOCKER_SCENARIO: scenario,
			FAKE_DOCKER_SPEED: speed,
		},
	};
}

describe('baketree build (TUI)', () => {
	it('shows every target, finishes, and saves the run', async () => {
		const {state, env: e} = env('multi');
		const s = spawnCli(['build', 'app', 'worker', 'tools'], {env: e, cwd: TREE});
		const screen = await s.waitFor('FINISHED', 20_000);
		expect(screen).toMatch(/FINISHED \d+\.\d+s \(12\/12\)/);
		expect(screen).toMatch(/app/);
		expect(screen).toMatch(/worker/);
		expect(screen).toMatch(/tools/);
		expect(screen).toMatch(/Summary: 3 built \(exit 0\)/);
		s.press('q');
		expect((await s.exit).exitCode).toBe(0);
		const runs = readdirSync(join(state, 'runs'));
		expect(runs).toHaveLength(1);
		const dir = join(state, 'runs', runs[0] as string);
		expect(readFileSync(join(dir, 'stream.log'), 'utf8')).toBe(
			readFileSync(join(ROOT, 'test/fixtures/progress/multi.jsonl'), 'utf8'),
		);
		expect(JSON.parse(readFileSync(join(dir, 'exit.json'), 'utf8')).exitCode).toBe(0);
	});

	it('shows the failing step and its error, and a summary', async () => {
		const {env: e} = env('multi-fail');
		const s = spawnCli(['build', 'app', 'worker'], {env: e, cwd: TREE});
		const screen = await s.waitFor('FAILED (exit 1)', 20_000);
		expect(screen).toContain('ERROR in [build-worker 1/1]');
		expect(screen).toContain('building worker');
		expect(screen).toMatch(/✗ worker: \[build-worker 1\/1\]/);
		s.press('q');
		expect((await s.exit).exitCode).toBe(1);
	});

	it('cancels with x (SIGINT to buildx, exit 130)', async () => {
		const {env: e} = env('long', '1');
		const s = spawnCli(['build', 'app', 'worker'], {env: e, cwd: TREE});
		await s.waitFor('tick 1', 20_000);
		s.press('x');
		const screen = await s.waitFor('CANCELED', 20_000);
		expect(screen).toMatch(/⊘/);
		s.press('q');
		expect((await s.exit).exitCode).toBe(130);
	});

	it('replays a saved stream file without a bake file', async () => {
		const s = spawnCli(['replay', join(ROOT, 'test/fixtures/progress/multi-fail.jsonl')], {
			env: env('x').env,
		});
		const screen = await s.waitFor('ERROR in', 20_000);
		expect(screen).toContain('worker');
		s.press('q');
		expect((await s.exit).exitCode).toBe(0);
	});

	it('prints plain lines and a summary without a TTY-like flag (--no-tui)', async () => {
		const {env: e} = env('multi-fail', '0');
		const s = spawnCli(['build', '--no-tui', 'app', 'worker'], {env: e, cwd: TREE});
		const {exitCode} = await s.exit;
		expect(exitCode).toBe(1);
		expect(s.output()).toMatch(/worker +\| building worker/);
		expect(s.output()).toMatch(/✗ worker +failed/);
	});
});
