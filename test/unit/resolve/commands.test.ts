// The bake commands run in-process through their command modules.
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {command as check} from '../../../src/cli/commands/check.js';
import {command as list} from '../../../src/cli/commands/list.js';
import {command as print} from '../../../src/cli/commands/print.js';
import type {Command} from '../../../src/cli/commands.js';
import {bufferIo} from '../../../src/cli/io.js';

const COMMANDS: Record<string, Command> = {print, list, check};

async function run(name: string, args: string[], files: Record<string, string>, env = {}) {
	const dir = mkdtempSync(join(tmpdir(), 'baketree-cmd-'));
	for (const [f, c] of Object.entries(files)) {
		mkdirSync(join(dir, f, '..'), {recursive: true});
		writeFileSync(join(dir, f), c);
	}
	const io = bufferIo({cwd: dir, env});
	try {
		const code = await (COMMANDS[name] as Command).run(args, io);
		return {code, out: io.out(), err: io.err()};
	} catch (e) {
		return {code: 1, out: io.out(), err: e instanceof Error ? e.message : String(e)};
	}
}

describe('bake commands', () => {
	it('print finds docker/bake.hcl and prints buildx JSON', async () => {
		const r = await run('print', ['build', '--set', 'build.args.B=2'], {
			'docker/bake.hcl': 'target "build" {\n  args = { A = "1" }\n}\n',
		});
		expect(r.code).toBe(0);
		expect(JSON.parse(r.out)).toEqual({
			group: {default: {targets: ['build']}},
			target: {build: {context: '.', dockerfile: 'Dockerfile', args: {A: '1', B: '2'}}},
		});
		expect(r.out.endsWith('}\n')).toBe(true);
	});

	it('print fails without printing half a document', async () => {
		const r = await run('print', ['nope'], {'docker-bake.hcl': 'target "a" {}\n'});
		expect(r.out).toBe('');
		expect(r.err).toContain('failed to find target nope');
	});

	it('list targets matches buildx table layout', async () => {
		const r = await run('list', ['targets'], {
			'docker-bake.hcl': 'target "foo" {\n description = "This builds foo"\n}\ntarget "abc" {}\n',
		});
		expect(r.out.trim()).toBe('TARGET\tDESCRIPTION\nabc\t\nfoo\tThis builds foo');
	});

	it('check exits 1 on the broken publish group', async () => {
		const r = await run('check', [], {
			'docker-bake.hcl':
				'target "a" {\n dockerfile-inline = "FROM scratch"\n}\ngroup "publish" {\n targets = ["a", "github"]\n}\n',
		});
		expect(r.code).toBe(1);
		expect(r.out).toMatch(/^docker-bake\.hcl:\d+:\d+: error: group "publish" names "github"/m);
	});
});
