// Bad command lines are bad input: a clear message, exit 1, never "internal error".
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli} from './run-cli.js';

function run(args: string[], cwd = process.cwd()) {
	return runCli(args, {cwd});
}

describe('command-line errors', () => {
	for (const command of ['build', 'replay', 'complement', 'print', 'tree', 'check', 'list']) {
		it(`${command} --bogus is a usage error`, () => {
			const r = run([command, '--bogus']);
			expect(r.status).toBe(1);
			expect(r.stderr).toContain("Unknown option '--bogus'");
			expect(r.stderr).not.toContain('internal error');
		});
	}

	it('a broken bake file gives file:line:col with a snippet and prints nothing on stdout', () => {
		const dir = mkdtempSync(join(tmpdir(), 'baketree-cli-'));
		writeFileSync(
			join(dir, 'docker-bake.hcl'),
			'target "a" {\n  args = {\n    X = undefined_var\n  }\n}\n',
		);
		const r = run(['print'], dir);
		expect(r.status).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toMatch(/docker-bake\.hcl:3:9: error: Unknown variable/);
		expect(r.stderr).toContain('X = undefined_var');
		expect(r.stderr).toContain('^^^^^^^^^^^^^');
	});
});
