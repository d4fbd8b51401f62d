// The launcher's code cache (src/launcher.ts): written after a command's first successful run,
// read (not rewritten) by the next, replaced when it is corrupt, never written by a failed run
// or when turned off, and never a reason for the CLI to fail.

import {mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli} from './run-cli.js';

const TREE =
	'target "app" {\n  tags = ["example/app:${TAG}"]\n}\nvariable "TAG" {\n  default = "dev"\n}\n';

function setup(cacheDir?: string) {
	const dir = mkdtempSync(join(tmpdir(), 'bt-e2e-code-'));
	writeFileSync(join(dir, 'docker-bake.hcl'), TREE);
	const cache = cacheDir ?? join(dir, 'cache');
	const code = join(cache, 'code');
	const run = (args: string[], extra: Record<string, string> = {}) =>
		// The output cache is off: every run evaluates, so every run runs the same code.
		runCli(args, {cwd: dir, env: {BAKETREE_CACHE_DIR: cache, BAKETREE_NO_CACHE: '1', ...extra}});
	const files = () => {
		try {
			return readdirSync(code).sort();
		} catch {
			return [];
		}
	};
	return {dir, code, run, files};
}

describe('code cache of the bundled CLI', () => {
	it('is written by a first successful run and read, unchanged, by the next', () => {
		const {code, run, files} = setup();
		const first = run(['print', 'app']);
		expect(first.stderr).toBe('');
		expect(first.status).toBe(0);
		const [file, ...others] = files();
		expect(others).toEqual([]);
		expect(file).toMatch(
			new RegExp(`^print-${process.version}-${process.arch}-[0-9a-f]{16}\\.bin$`),
		);
		const path = join(code, file as string);
		const saved = readFileSync(path);
		expect(saved.length).toBeGreaterThan(10_000);
		const written = statSync(path);

		const second = run(['print', 'app']);
		expect(second.stdout).toBe(first.stdout);
		expect(readFileSync(path).equals(saved)).toBe(true);
		// Not written again, even with the same bytes.
		expect(statSync(path).ino).toBe(written.ino);
		expect(statSync(path).mtimeMs).toBe(written.mtimeMs);
		// Another command has a cache of its own.
		expect(run(['list', 'targets']).status).toBe(0);
		expect(files().map((f) => f.split('-')[0])).toEqual(['list', 'print']);
	});

	it('replaces a corrupt cache and old files of other builds, and prints the same', () => {
		const {code, run, files} = setup();
		const good = run(['print', 'app']);
		const [file] = files();
		const path = join(code, file as string);
		writeFileSync(path, Buffer.alloc(4096, 7));
		// Another install's file: kept while recent, removed once a day old.
		const recent = 'print-v0.0.0-x64-1111111111111111.bin';
		writeFileSync(join(code, recent), 'another build');
		const stale = join(code, 'print-v0.0.0-x64-0000000000000000.bin');
		writeFileSync(stale, 'old build');
		const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
		utimesSync(stale, twoDaysAgo, twoDaysAgo);

		const again = run(['print', 'app']);
		expect(again.stderr).toBe('');
		expect(again.stdout).toBe(good.stdout);
		expect(files()).toEqual([file, recent].sort());
		expect(statSync(path).size).toBeGreaterThan(10_000);
	});

	it('is not written by a help run, which would leave it thin', () => {
		const {run, files} = setup();
		expect(run(['print', '--help']).status).toBe(0);
		expect(run(['--version']).status).toBe(0);
		expect(files()).toEqual([]);
		expect(run(['print', 'app']).status).toBe(0);
		expect(files()).toHaveLength(1);
	});

	it('is not written by a failed run, nor when turned off', () => {
		const {dir, run, files} = setup();
		writeFileSync(join(dir, 'docker-bake.hcl'), 'target "app" {\n  tags = [\n}\n');
		const failed = run(['print', 'app']);
		expect(failed.status).toBe(1);
		expect(files()).toEqual([]);

		writeFileSync(join(dir, 'docker-bake.hcl'), TREE);
		expect(run(['print', 'app'], {BAKETREE_NO_CODE_CACHE: '1'}).status).toBe(0);
		expect(files()).toEqual([]);
	});

	it('that cannot be written is no error', () => {
		const blocker = join(mkdtempSync(join(tmpdir(), 'bt-e2e-code-')), 'not-a-dir');
		writeFileSync(blocker, '');
		const {run} = setup(blocker);
		const r = run(['print', 'app']);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(JSON.parse(r.stdout).target.app.tags).toEqual(['example/app:dev']);
	});
});
