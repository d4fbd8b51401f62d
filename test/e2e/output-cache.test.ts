// The output cache in the bundled CLI: the bundle has a build identity (so it caches at all), a
// repeated `print`/`list` prints the same bytes, and a hit loads only the small chunks — never the
// evaluation's. Which modules a process loads is recorded by a module hook given with --import.

import {spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {describe, expect, it} from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

const TREE = `variable "TAG" {
  default = "dev"
}
target "app" {
  tags = ["example/app:\${TAG}"]
}
target "worker" {
  inherits = ["app"]
  args = { B = "2" }
}
group "default" {
  targets = ["app", "worker"]
}
`;

function setup() {
	const dir = mkdtempSync(join(tmpdir(), 'bt-e2e-cache-'));
	writeFileSync(join(dir, 'docker-bake.hcl'), TREE);
	writeFileSync(
		join(dir, 'hooks.mjs'),
		[
			"import {appendFileSync} from 'node:fs';",
			'export async function load(url, context, next) {',
			"\tif (url.startsWith('file:')) appendFileSync(process.env.BT_LOAD_LOG, `${url}\\n`);",
			'\treturn next(url, context);',
			'}',
		].join('\n'),
	);
	writeFileSync(
		join(dir, 'register.mjs'),
		`import {register} from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`,
	);
	const log = join(dir, 'loaded.txt');
	const env = {
		PATH: process.env['PATH'] ?? '',
		BAKETREE_CACHE_DIR: join(dir, 'cache'),
		BT_LOAD_LOG: log,
	};
	/** Runs the CLI; returns what it printed and the files of dist/ it loaded, with their sizes. */
	const run = (args: string[], extra: Record<string, string> = {}) => {
		writeFileSync(log, '');
		const r = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), CLI, ...args], {
			cwd: dir,
			encoding: 'utf8',
			env: {...env, ...extra},
		});
		const loaded = readFileSync(log, 'utf8')
			.split('\n')
			.filter((u) => u.includes('/dist/'))
			.map((u) => {
				const path = fileURLToPath(u);
				return {name: path.slice(path.lastIndexOf('/dist/') + 6), size: statSync(path).size};
			});
		return {status: r.status, stdout: r.stdout, stderr: r.stderr, loaded};
	};
	const entries = () => readdirSync(join(dir, 'cache', 'output')).filter((n) => !n.startsWith('.'));
	return {run, entries};
}

const bytes = (loaded: {size: number}[]) => loaded.reduce((n, f) => n + f.size, 0);

describe('output cache in the bundle', () => {
	for (const [command, args, evalChunk] of [
		['print', ['print', 'app'], 'print-eval-'],
		['list', ['list', 'targets'], 'list-eval-'],
	] as const) {
		it(`a repeated ${command} is a hit that loads no evaluation code`, () => {
			const {run, entries} = setup();
			const miss = run([...args]);
			expect(miss.stderr).toBe('');
			expect(miss.status).toBe(0);
			expect(miss.loaded.some((f) => f.name.includes(evalChunk))).toBe(true);
			expect(entries()).toHaveLength(1);

			const hit = run([...args]);
			expect(hit.stderr).toBe('');
			expect(hit.status).toBe(0);
			expect(hit.stdout).toBe(miss.stdout);
			expect(hit.loaded.some((f) => f.name.includes(evalChunk))).toBe(false);
			const missed = new Set(miss.loaded.map((f) => f.name));
			for (const f of hit.loaded) expect(missed.has(f.name), f.name).toBe(true);
			for (const f of hit.loaded) expect(f.size, f.name).toBeLessThan(32 * 1024);
			expect(bytes(hit.loaded)).toBeLessThan(bytes(miss.loaded) / 4);

			const uncached = run([...args], {BAKETREE_NO_CACHE: '1'});
			expect(uncached.stdout).toBe(miss.stdout);
			expect(uncached.loaded.some((f) => f.name.includes(evalChunk))).toBe(true);
		});
	}
});
