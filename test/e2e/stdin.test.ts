// `-f -`: the bake definition from standard input, as buildx reads it (and names it "-" in
// errors). The printing commands read it like a file; the tree explorer reads it whole and
// takes its keys from the terminal; the build view, which needs standard input for its keys,
// says so instead of hanging.

import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {ROOT, spawnCli} from './pty.js';
import {runCli} from './run-cli.js';

const made: string[] = [];
afterAll(() => {
	for (const dir of made) rmSync(dir, {recursive: true, force: true});
});
function tempDir(prefix: string): string {
	const dir = mkdtempSync(prefix);
	made.push(dir);
	return dir;
}

const FAKE = join(ROOT, 'test/fake-docker/docker');
const TREE = join(ROOT, 'test/fixtures/tui-build');
const DEFINITION = readFileSync(join(TREE, 'docker-bake.hcl'), 'utf8');

function run(args: string[], input: string, env: Record<string, string> = {}) {
	// A folder without any bake file: whatever is read comes from standard input.
	const cwd = tempDir(join(tmpdir(), 'bt-stdin-'));
	return runCli(args, {cwd, input, env});
}

/** The same command with the definition in a file: what `-f -` must match. */
function runWithFile(args: string[], content: string) {
	const cwd = tempDir(join(tmpdir(), 'bt-stdin-file-'));
	writeFileSync(join(cwd, 'def.hcl'), content);
	return runCli(
		args.map((a) => (a === '-' ? 'def.hcl' : a)),
		{cwd},
	);
}

describe('-f - without a terminal', () => {
	const cases: [string[], string][] = [
		[['print', '-f', '-', 'app'], '"example/app:dev"'],
		[['list', 'targets', '-f', '-'], 'hostnet'],
		[['list', 'variables', '-f', '-', '--var', 'TAG=v9'], 'v9'],
		[['tree', '-f', '-'], 'worker'],
		[['tree', '-f', '-', '--top-down'], 'tools'],
		// No command and no terminal: the explorer prints the tree.
		[['-f', '-'], 'worker'],
	];
	for (const [args, shown] of cases) {
		it(`${args.join(' ')} reads the definition from standard input`, () => {
			const r = run(args, DEFINITION);
			expect(r.stderr).toBe('');
			expect(r.status).toBe(0);
			expect(r.stdout).toContain(shown);
			const fromFile = runWithFile(args, DEFINITION);
			expect(fromFile.status).toBe(0);
			expect(r.stdout).toBe(fromFile.stdout);
		});
	}

	it('check reports positions in the definition as "-", as buildx names it', () => {
		const r = run(['check', '-f', '-'], 'target "a" {\n  dockerfile-inline = "FROM scratch"\n}\n');
		expect(r.status).toBe(0);
		const bad = run(['check', '-f', '-'], 'target "a" {\n  dockerfile = "nope/Dockerfile"\n}\n');
		expect(bad.status).toBe(1);
		expect(bad.stdout + bad.stderr).toMatch(/^-:2:3: error: .*nope\/Dockerfile/m);
	});

	it('a broken definition gives -:line:col with the line and a caret, never a stack trace', () => {
		const r = run(
			['print', '-f', '-'],
			'target "a" {\n  args = {\n    X = undefined_var\n  }\n}\n',
		);
		expect(r.status).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toMatch(/^-:3:9: error: Unknown variable/);
		expect(r.stderr).toContain('X = undefined_var');
		expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
	});

	it('-f - and a file together: the file is read too, in order', () => {
		const cwd = tempDir(join(tmpdir(), 'bt-stdin-mix-'));
		writeFileSync(join(cwd, 'override.hcl'), 'target "app" {\n  tags = ["override"]\n}\n');
		const r = runCli(['print', '-f', '-', '-f', 'override.hcl', 'app'], {cwd, input: DEFINITION});
		expect(r.status).toBe(0);
		expect(JSON.parse(r.stdout).target.app.tags).toEqual(['override']);
	});

	it('build --no-tui gives buildx the same definition on its standard input', () => {
		const state = tempDir(join(tmpdir(), 'bt-stdin-build-'));
		const log = join(state, 'docker-calls.jsonl');
		const r = run(['build', '--no-tui', '-f', '-', 'app', 'worker', 'tools'], DEFINITION, {
			BAKETREE_DOCKER: FAKE,
			BAKETREE_STATE_DIR: state,
			FAKE_DOCKER_SCENARIO: 'multi',
			FAKE_DOCKER_SPEED: '0',
			FAKE_DOCKER_LOG: log,
		});
		expect(r.stderr).not.toContain('ERROR');
		expect(r.status).toBe(0);
		for (const t of ['app', 'worker', 'tools'])
			expect(r.stdout).toMatch(new RegExp(`✓ ${t}\\s+succeeded`));
		const call = JSON.parse(readFileSync(log, 'utf8').trim().split('\n')[0] ?? '{}');
		expect(call.opts.files).toEqual(['-']);
		expect(call.stdin).toBe(DEFINITION);
	});
});

describe('-f - on a terminal', () => {
	it('the explorer reads the definition, then takes keys from the terminal and builds', async () => {
		const state = tempDir(join(tmpdir(), 'bt-stdin-tui-'));
		const log = join(state, 'docker-calls.jsonl');
		const s = spawnCli(['-f', '-'], {
			cwd: TREE,
			stdinFile: join(TREE, 'docker-bake.hcl'),
			env: {
				BAKETREE_DOCKER: FAKE,
				BAKETREE_STATE_DIR: state,
				FAKE_DOCKER_SCENARIO: 'multi',
				FAKE_DOCKER_SPEED: '20',
				FAKE_DOCKER_LOG: log,
			},
		});
		try {
			await s.waitFor('4 instances');
			s.press(' ');
			s.press('k');
			s.press(' ');
			s.press('k');
			s.press(' ');
			await s.waitFor('3 selected (builds 3)');
			s.press('b');
			await s.waitFor('Summary: 3 built (exit 0)', 20_000);
			const call = JSON.parse(readFileSync(log, 'utf8').trim().split('\n')[0] ?? '{}');
			expect(call.opts.files).toEqual(['-']);
			expect(call.stdin).toBe(DEFINITION);
			s.press('q');
			await s.waitFor('3 selected (builds 3)');
			// A reload reads the same definition again (there is no file "-" to read); it says
			// "reloaded" only once it has a tree again, and a failed one shows an error instead.
			s.press('r');
			const screen = await s.waitFor(/reloaded/);
			expect(screen).not.toContain('showing the last good tree');
			expect(screen).not.toMatch(/open '[^']*\/-'/);
			expect(screen).toContain('4 instances');
			s.press('q');
			expect((await s.exit).exitCode).toBe(0);
		} finally {
			s.kill();
		}
	});

	it('the explorer with the terminal itself as standard input is a usage error', async () => {
		const s = spawnCli(['-f', '-'], {cwd: TREE});
		try {
			const {exitCode} = await s.exit;
			expect(exitCode).toBe(1);
			expect(s.output()).toContain('-f - reads the bake definition from standard input');
			expect(s.output()).toContain('which is this terminal');
		} finally {
			s.kill(); // a CLI that hangs instead must not outlive the test
		}
	});

	it('the build view, whose keys come from standard input, is a usage error', async () => {
		for (const stdinFile of [join(TREE, 'docker-bake.hcl'), undefined]) {
			const s = spawnCli(['build', '-f', '-', 'app'], {
				cwd: TREE,
				...(stdinFile ? {stdinFile} : {}),
				env: {BAKETREE_DOCKER: FAKE},
			});
			try {
				const {exitCode} = await s.exit;
				expect(exitCode).toBe(1);
				expect(s.output()).toContain('which the build view needs for its keys: add --no-tui');
				expect(s.output()).not.toContain('internal error');
			} finally {
				s.kill();
			}
		}
	});
});
