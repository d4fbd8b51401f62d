// `baketree print` on compose files: the YAML parser is loaded before the command runs, `.env`
// is read from the working directory, and a bad file is a positioned error, not a crash.

import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {COMMANDS} from '../../../src/cli/commands.js';
import {preloadComposeSupport} from '../../../src/cli/compose-preload.js';
import {bufferIo} from '../../../src/cli/io.js';
import {DiagnosticError, formatDiagnostics} from '../../../src/core/diagnostics.js';

const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true});
});

async function print(files: Record<string, string>, args: string[] = []) {
	const dir = mkdtempSync(join(tmpdir(), 'baketree-compose-'));
	dirs.push(dir);
	for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
	const io = bufferIo({cwd: dir, env: {}});
	await preloadComposeSupport('print', args, io);
	const cmd = await (COMMANDS['print'] as () => Promise<{run: typeof Function.prototype}>)();
	try {
		const code = await (cmd as unknown as {run(a: string[], io: unknown): Promise<number>}).run(
			args,
			io,
		);
		return {code, out: io.out()};
	} catch (e) {
		if (e instanceof DiagnosticError)
			return {code: 1, out: formatDiagnostics(e.diagnostics, e.sources)};
		throw e;
	}
}

describe('print with compose files', () => {
	it('finds compose.yaml by default and reads .env from the working directory', async () => {
		const r = await print({
			'compose.yaml': 'services:\n  app:\n    build:\n      args:\n        V: ${FROM_DOTENV}\n',
			'.env': 'FROM_DOTENV=dot\n',
		});
		expect(r.code).toBe(0);
		expect(JSON.parse(r.out)).toEqual({
			group: {default: {targets: ['app']}},
			target: {app: {context: '.', dockerfile: 'Dockerfile', args: {V: 'dot'}}},
		});
	});

	it('shows a broken compose file with its line and a caret', async () => {
		const r = await print({'bad.yml': 'services:\n  app:\n    build:\n      nope: 1\n'}, [
			'-f',
			'bad.yml',
		]);
		expect(r.code).toBe(1);
		expect(r.out).toContain(
			"bad.yml:4:7: error: services.app.build additional properties 'nope' not allowed",
		);
		expect(r.out).toContain('4 |       nope: 1');
		expect(r.out).not.toMatch(/\n\s+at /);
	});
});
