// `b` in the tree explorer: the live build view inside the same app (fake docker), its summary,
// back to the tree with the selection kept, and the terminal restored on quit.

import {chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {KEY, ROOT, spawnCli} from './pty.js';

const TREE = join(ROOT, 'test/fixtures/tui-build');
const FAKE_DOCKER = join(ROOT, 'test/fake-docker/docker');

/** The words of the command `B` shows (wrapped over several lines of its panel). */
function commandShown(screen: string): string[] {
	const lines = screen.split('\n').map((l) => l.replace(/^\s*│/, '').replace(/│\s*$/, '').trim());
	const start = lines.indexOf('Command') + 1;
	const end = lines.indexOf('', start);
	return lines.slice(start, end).join(' ').split(' ');
}

describe('building from the tree explorer (pty)', () => {
	it('b builds the selection live, q returns to the tree, q quits', async () => {
		const state = mkdtempSync(join(tmpdir(), 'bt-tree-build-'));
		const log = join(state, 'docker-calls.jsonl');
		const s = spawnCli(['--var', 'TAG=v2', '--var', 'UNDECLARED=1'], {
			cwd: TREE,
			cols: 120,
			rows: 30,
			env: {
				BAKETREE_DOCKER: join(ROOT, 'test/fake-docker/docker'),
				BAKETREE_STATE_DIR: state,
				FAKE_DOCKER_SCENARIO: 'multi',
				FAKE_DOCKER_SPEED: '20',
				FAKE_DOCKER_LOG: log,
			},
		});
		await s.waitFor('4 instances');
		// The cursor starts on the bottom row (app); select app, worker and tools.
		s.press(' ');
		s.press('k');
		s.press(' ');
		s.press('k');
		s.press(' ');
		await s.waitFor('3 selected (builds 3)');
		s.press('b');
		await s.waitFor(/Building|FINISHED/, 20_000);
		let screen = await s.waitFor('Summary: 3 built (exit 0)', 20_000);
		expect(screen).toMatch(/FINISHED \d+\.\d+s \(12\/12\)/);
		expect(screen).toContain('Targets (3)');
		// buildx got the selection, the bake file, and only the declared variable.
		const call = JSON.parse(readFileSync(log, 'utf8').trim().split('\n')[0] ?? '{}');
		expect(call.opts.targets.sort()).toEqual(['app', 'tools', 'worker']);
		expect(call.opts.files).toEqual(['docker-bake.hcl']);
		expect(call.env.TAG).toBe('v2');
		expect(call.env.UNDECLARED).toBeUndefined();
		s.press('q');
		screen = await s.waitFor('3 selected (builds 3)');
		expect(screen).not.toContain('Summary:');
		s.press('q');
		expect((await s.exit).exitCode).toBe(0);
		const out = s.output();
		expect(out.lastIndexOf('\x1b[?1049l')).toBeGreaterThan(out.lastIndexOf('\x1b[?1049h'));
		expect(out.lastIndexOf('\x1b[?25h')).toBeGreaterThan(out.lastIndexOf('\x1b[?25l'));
	});

	it('asks before granting an entitlement and builds only after y', async () => {
		const state = mkdtempSync(join(tmpdir(), 'bt-tree-build-'));
		const log = join(state, 'docker-calls.jsonl');
		const s = spawnCli([], {
			cwd: TREE,
			cols: 120,
			rows: 30,
			env: {
				BAKETREE_DOCKER: join(ROOT, 'test/fake-docker/docker'),
				BAKETREE_STATE_DIR: state,
				FAKE_DOCKER_SCENARIO: 'single',
				FAKE_DOCKER_SPEED: '0',
				FAKE_DOCKER_LOG: log,
			},
		});
		await s.waitFor('4 instances');
		// Top row: hostnet (network = "host").
		s.press('g');
		await s.waitFor('defined at docker-bake.hcl:24');
		// B previews the build: the command as b will run it, --allow included.
		s.press('B');
		const preview = commandShown(await s.waitFor('As one line'));
		expect(preview).toContain('--allow=network.host');
		s.press(KEY.esc);
		// Until the preview has gone, the Escape may still be unread: read together with the
		// next key, as a terminal sends Alt+b, it would not be a b. (The header's instance count
		// is on the screen with the preview too.)
		await s.waitFor(/^(?![\s\S]*As one line)[\s\S]*4 instances/);
		s.press('b');
		let screen = await s.waitFor('additional privileges');
		expect(screen).toContain('- network.host');
		expect(screen).toContain('Allow? [y/N]');
		s.press('n');
		await s.waitFor('not granted');
		s.press('b');
		await s.waitFor('Allow? [y/N]');
		s.press('y');
		screen = await s.waitFor(/Summary: .*\(exit 0\)/, 20_000);
		const call = JSON.parse(readFileSync(log, 'utf8').trim().split('\n')[0] ?? '{}');
		expect(call.opts.allow).toEqual(['network.host']);
		expect(call.opts.targets).toEqual(['hostnet']);
		// What ran is what B showed, but for the metadata file in the run's own folder.
		const argv: string[] = call.argv;
		const meta = argv.indexOf('--metadata-file');
		expect(meta).toBeGreaterThan(0);
		expect(preview).toEqual([FAKE_DOCKER, ...argv.slice(0, meta), ...argv.slice(meta + 2)]);
		s.press('q');
		await s.waitFor('4 instances');
		s.press('q');
		expect((await s.exit).exitCode).toBe(0);
	});
});

describe('baketree build TARGET on a terminal', () => {
	it('asks for the entitlements the closure requests, then builds with --allow', async () => {
		const state = mkdtempSync(join(tmpdir(), 'bt-tree-build-'));
		const log = join(state, 'docker-calls.jsonl');
		const s = spawnCli(['build', 'hostnet'], {
			cwd: TREE,
			env: {
				BAKETREE_DOCKER: join(ROOT, 'test/fake-docker/docker'),
				BAKETREE_STATE_DIR: state,
				FAKE_DOCKER_SCENARIO: 'single',
				FAKE_DOCKER_SPEED: '0',
				FAKE_DOCKER_LOG: log,
			},
		});
		const screen = await s.waitFor('[y/N]');
		expect(screen).toContain('network.host');
		s.press('y\r');
		await s.waitFor('FINISHED', 20_000);
		s.press('q');
		expect((await s.exit).exitCode).toBe(0);
		const call = JSON.parse(readFileSync(log, 'utf8').trim().split('\n')[0] ?? '{}');
		expect(call.opts.allow).toEqual(['network.host']);
	});
});

describe('Complement from the tree explorer (pty)', () => {
	it('C runs docker/complement.sh with the matrix values, q returns to the tree', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'bt-tree-c-'));
		mkdirSync(join(dir, 'docker'));
		writeFileSync(
			join(dir, 'docker-bake.hcl'),
			'target "testee" {\n  name = "testee--${profile}"\n  matrix = { profile = ["test"] }\n}\n',
		);
		const script = join(dir, 'docker/complement.sh');
		writeFileSync(script, '#!/bin/sh\nprintf "pass\\tTestFrom_%s\\n" "$profile"\n');
		chmodSync(script, 0o755);
		const s = spawnCli([], {
			cwd: dir,
			cols: 100,
			rows: 24,
			env: {BAKETREE_STATE_DIR: mkdtempSync(join(tmpdir(), 'bt-tree-c-state-'))},
		});
		await s.waitFor('testee ×1');
		s.press('l');
		s.press('k');
		await s.waitFor('defined at docker-bake.hcl:1');
		s.press('C');
		let screen = await s.waitFor('TestFrom_test', 20_000);
		expect(screen).toContain('1 pass');
		s.press('q');
		screen = await s.waitFor('testee ×1');
		s.press('q');
		expect((await s.exit).exitCode).toBe(0);
	});
});
