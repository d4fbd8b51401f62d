// The output cache in the bundled CLI: the bundle has a build identity (so it caches at all), a
// repeated `print`/`list` prints the same bytes, and it does so from the cache, without
// evaluating: an entry changed behind its back (validly signed) is what the next run prints.

import {mkdtempSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {writeEntry} from '../../src/core/output-cache.js';
import {runCli} from './run-cli.js';

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
	const cache = join(dir, 'cache', 'output');
	const run = (args: string[], extra: Record<string, string> = {}) => {
		const r = runCli(args, {cwd: dir, env: {BAKETREE_CACHE_DIR: join(dir, 'cache'), ...extra}});
		return {status: r.status, stdout: r.stdout, stderr: r.stderr};
	};
	const entries = () => readdirSync(cache).filter((n) => !n.startsWith('.'));
	return {run, entries, cache};
}

describe('output cache in the bundle', () => {
	for (const [command, args] of [
		['print', ['print', 'app']],
		['list', ['list', 'targets']],
	] as const) {
		it(`a repeated ${command} is answered from the cache, without evaluating`, () => {
			const {run, entries, cache} = setup();
			const miss = run([...args]);
			expect(miss.stderr).toBe('');
			expect(miss.status).toBe(0);
			expect(entries()).toHaveLength(1);

			const hit = run([...args]);
			expect(hit.stderr).toBe('');
			expect(hit.status).toBe(0);
			expect(hit.stdout).toBe(miss.stdout);

			// Only a run that reads the entry instead of evaluating prints this.
			const [key] = entries();
			expect(writeEntry(cache, key as string, 'from the cache\n')).toBe(true);
			expect(run([...args]).stdout).toBe('from the cache\n');

			const uncached = run([...args], {BAKETREE_NO_CACHE: '1'});
			expect(uncached.stdout).toBe(miss.stdout);
		});
	}
});
