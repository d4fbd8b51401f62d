// `baketree --version` run from source (tsx), where the version comes from package.json at run
// time; test/e2e/bundle.test.ts checks the bundled CLI, which has it built in.
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const VERSION = (JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as {version: string})
	.version;

function fromSource(args: string[]) {
	return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		// TMPDIR: tsx keeps its cache there, in the test run's own folder.
		env: {PATH: process.env['PATH'] ?? '', TMPDIR: process.env['TMPDIR'] ?? '/tmp'},
	});
}

describe('baketree --version from source', () => {
	it('prints the version of package.json and exits 0', () => {
		const r = fromSource(['--version']);
		expect(r.stderr).toBe('');
		expect(r.stdout).toBe(`baketree ${VERSION}\n`);
		expect(r.status).toBe(0);
	});

	it('is listed in the top-level help', () => {
		const r = fromSource(['--help']);
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/^\s+--version\s+print baketree's version$/m);
	});
});
