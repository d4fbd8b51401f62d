// `print` and `list` through the output cache, run in-process with a temp cache directory. A
// hit is told from an evaluation by the cache's counters and, once, by planting an entry whose
// text no evaluation could produce.
import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {runWithOutputCache} from '../../../src/cli/commands/cached-output.js';
import {command as list} from '../../../src/cli/commands/list.js';
import {command as print} from '../../../src/cli/commands/print.js';
import type {Command} from '../../../src/cli/commands.js';
import {preloadComposeSupport} from '../../../src/cli/compose-preload.js';
import {bufferIo} from '../../../src/cli/io.js';
import {
	cacheStats,
	readEntry,
	resetCacheStats,
	setBuildIdentityForTests,
	writeEntry,
} from '../../../src/core/output-cache.js';

const TREE = `variable "TAG" {
  default = "dev"
}
target "app" {
  tags = ["example/app:\${TAG}"]
  args = { A = "1" }
}
target "worker" {
  inherits = ["app"]
  args = { B = "2" }
}
group "default" {
  targets = ["app", "worker"]
}
`;

let tmp: string;
let cache: string;

beforeEach(() => {
	tmp = mkdtempSync(join(tmpdir(), 'bt-output-cache-'));
	cache = join(tmp, 'cache');
	setBuildIdentityForTests('test-build');
	resetCacheStats();
});

afterEach(() => {
	setBuildIdentityForTests(undefined);
	rmSync(tmp, {recursive: true, force: true});
});

function project(files: Record<string, string> = {'docker-bake.hcl': TREE}, name = 'p'): string {
	const dir = join(tmp, name);
	for (const [f, c] of Object.entries(files)) {
		mkdirSync(join(dir, f, '..'), {recursive: true});
		writeFileSync(join(dir, f), c);
	}
	return dir;
}

const COMMANDS: Record<string, Command> = {print, list};

async function run(
	name: string,
	args: string[],
	cwd: string,
	env: Record<string, string> = {},
	cacheDir = cache,
) {
	const io = bufferIo({cwd, env: {BAKETREE_CACHE_DIR: cacheDir, ...env}});
	try {
		const code = await (COMMANDS[name] as Command).run(args, io);
		return {code, out: io.out(), err: io.err()};
	} catch (e) {
		return {code: 1, out: io.out(), err: `${io.err()}${e instanceof Error ? e.message : e}`};
	}
}

function entries(): string[] {
	try {
		return readdirSync(join(cache, 'output')).filter((n) => /^[0-9a-f]{64}$/.test(n));
	} catch {
		return [];
	}
}

function counts() {
	return {...cacheStats};
}

describe('output cache: hits', () => {
	it('a repeated print prints the same bytes from the cache, without evaluating', async () => {
		const dir = project();
		const first = await run('print', ['app'], dir);
		expect(first.code).toBe(0);
		expect(JSON.parse(first.out).target.app.tags).toEqual(['example/app:dev']);
		expect(counts()).toEqual({hits: 0, misses: 1, stores: 1});
		expect(entries()).toHaveLength(1);

		const second = await run('print', ['app'], dir);
		expect(second).toEqual(first);
		expect(counts()).toEqual({hits: 1, misses: 1, stores: 1});

		// What is printed is the entry: a planted one comes out as it is.
		const [key] = entries();
		expect(writeEntry(join(cache, 'output'), key as string, 'planted\n')).toBe(true);
		const third = await run('print', ['app'], dir);
		expect(third.out).toBe('planted\n');
		expect(counts().hits).toBe(2);
	});

	it('list is cached too, targets and variables apart', async () => {
		const dir = project();
		const targets = await run('list', ['targets'], dir);
		const variables = await run('list', ['variables', '--format', 'json'], dir);
		expect(targets.out).toContain('worker');
		expect(variables.out).toContain('TAG');
		expect(counts()).toEqual({hits: 0, misses: 2, stores: 2});
		expect(await run('list', ['targets'], dir)).toEqual(targets);
		expect(await run('list', ['variables', '--format', 'json'], dir)).toEqual(variables);
		expect(counts()).toEqual({hits: 2, misses: 2, stores: 2});
	});

	it('print and list of the same files are different entries', async () => {
		const dir = project();
		await run('print', [], dir);
		await run('list', ['targets'], dir);
		expect(counts()).toEqual({hits: 0, misses: 2, stores: 2});
	});

	it('an empty BAKETREE_NO_CACHE does not turn the cache off', async () => {
		const dir = project();
		await run('print', [], dir, {BAKETREE_NO_CACHE: ''});
		await run('print', [], dir, {BAKETREE_NO_CACHE: ''});
		expect(counts()).toEqual({hits: 1, misses: 1, stores: 1});
	});
});

describe('output cache: every input is part of the key', () => {
	async function expectMiss(
		label: string,
		again: () => Promise<{code: number; out: string}>,
		check?: (out: string) => void,
	) {
		const before = counts();
		const r = await again();
		expect(r.code, label).toBe(0);
		expect(counts().hits, label).toBe(before.hits);
		expect(counts().misses, label).toBe(before.misses + 1);
		check?.(r.out);
	}

	it('file content, environment, --var, --set, targets and cwd each give a miss', async () => {
		const dir = project();
		const base = await run('print', [], dir);
		expect(base.code).toBe(0);

		await expectMiss(
			'file content',
			async () => {
				writeFileSync(join(dir, 'docker-bake.hcl'), TREE.replace('"dev"', '"edited"'));
				return run('print', [], dir);
			},
			(out) => expect(JSON.parse(out).target.app.tags).toEqual(['example/app:edited']),
		);
		writeFileSync(join(dir, 'docker-bake.hcl'), TREE);
		// Back to the first content: the first entry answers again.
		expect(await run('print', [], dir)).toEqual(base);
		expect(counts().hits).toBe(1);

		await expectMiss(
			'a declared variable from the environment',
			() => run('print', [], dir, {TAG: 'env'}),
			(out) => expect(JSON.parse(out).target.app.tags).toEqual(['example/app:env']),
		);
		await expectMiss('any other environment variable', () =>
			run('print', [], dir, {UNRELATED: '1'}),
		);
		await expectMiss('SOURCE_DATE_EPOCH', async () => {
			const r = await run('print', [], dir, {SOURCE_DATE_EPOCH: '42'});
			expect(JSON.parse(r.out).target.app.args.SOURCE_DATE_EPOCH).toBe('42');
			return r;
		});
		await expectMiss('a BUILDX_BAKE_ variable', () =>
			run('print', [], dir, {BUILDX_BAKE_DISABLE_VARS_ENV_LOOKUP: '1'}),
		);
		await expectMiss(
			'--var',
			() => run('print', ['--var', 'TAG=v2'], dir),
			(out) => expect(JSON.parse(out).target.app.tags).toEqual(['example/app:v2']),
		);
		await expectMiss(
			'--set',
			() => run('print', ['--set', 'app.args.C=3'], dir),
			(out) => expect(JSON.parse(out).target.app.args.C).toBe('3'),
		);
		await expectMiss(
			'target names',
			() => run('print', ['worker'], dir),
			(out) => expect(Object.keys(JSON.parse(out).target)).toEqual(['worker']),
		);
		await expectMiss('the same files in another directory', () => {
			const other = join(tmp, 'elsewhere');
			cpSync(dir, other, {recursive: true});
			return run('print', [], other);
		});
		await expectMiss('the same file found by another name', () =>
			run('print', ['-f', './docker-bake.hcl'], dir),
		);
		await expectMiss('another build of baketree', () => {
			setBuildIdentityForTests('another-build');
			return run('print', [], dir);
		});
	});

	it('a bake file added beside the others (default discovery) gives a miss', async () => {
		const dir = project();
		await run('print', [], dir);
		writeFileSync(join(dir, 'docker-bake.override.hcl'), 'target "app" {\n  args = {A = "9"}\n}\n');
		const r = await run('print', [], dir);
		expect(counts()).toEqual({hits: 0, misses: 2, stores: 2});
		expect(JSON.parse(r.out).target.app.args.A).toBe('9');
	});
});

describe('output cache: what is never cached', () => {
	for (const call of ['timestamp()', 'uuidv4()', 'bcrypt("x")', 'timestamp ()']) {
		it(`a file that mentions ${call}`, async () => {
			const dir = project({
				'docker-bake.hcl': `target "app" {\n  args = { T = ${call} }\n}\n`,
			});
			const a = await run('print', ['app'], dir);
			const b = await run('print', ['app'], dir);
			expect(a.code).toBe(0);
			expect(b.code).toBe(0);
			expect(counts()).toEqual({hits: 0, misses: 0, stores: 0});
			expect(entries()).toEqual([]);
		});
	}

	it('an impure function in any of several files', async () => {
		const dir = project({
			'a.hcl': TREE,
			'b.hcl': 'target "x" {\n  args = { T = timestamp() }\n}\n',
		});
		await run('print', ['-f', 'a.hcl', '-f', 'b.hcl', 'app'], dir);
		expect(entries()).toEqual([]);
	});

	it('an HCL-JSON file with \\u escapes (which could spell a call)', async () => {
		const dir = project({
			'docker-bake.json': '{"target": {"app": {"args": {"T": "${\\u0074imestamp()}"}}}}',
		});
		const r = await run('print', ['app'], dir);
		expect(r.code).toBe(0);
		expect(entries()).toEqual([]);
	});

	it('a failing command', async () => {
		const dir = project();
		const missing = await run('print', ['nope'], dir);
		expect(missing.code).toBe(1);
		expect(missing.err).toContain('failed to find target nope');
		const badList = await run('list', ['everything'], dir);
		expect(badList.code).toBe(1);
		const broken = project({'docker-bake.hcl': 'target "a" {\n  args = { X = nope }\n}\n'}, 'b');
		expect((await run('print', [], broken)).code).toBe(1);
		expect((await run('print', [], broken)).code).toBe(1);
		expect(counts().stores).toBe(0);
		expect(entries()).toEqual([]);
	});

	it('BAKETREE_NO_CACHE', async () => {
		const dir = project();
		const a = await run('print', [], dir, {BAKETREE_NO_CACHE: '1'});
		const b = await run('print', [], dir, {BAKETREE_NO_CACHE: '1'});
		expect(b).toEqual(a);
		expect(counts()).toEqual({hits: 0, misses: 0, stores: 0});
		expect(entries()).toEqual([]);
	});

	it('running from source (no build identity)', async () => {
		setBuildIdentityForTests(undefined);
		const dir = project();
		await run('print', [], dir);
		await run('print', [], dir);
		expect(counts()).toEqual({hits: 0, misses: 0, stores: 0});
		expect(entries()).toEqual([]);
	});

	it('compose files, and files that may be compose files (stdin included)', async () => {
		const dir = project({
			'compose.yaml': 'services:\n  web:\n    build: .\n',
			'plain-name': TREE,
		});
		await run('print', ['-f', 'docker-bake.hcl'], project(undefined, 'hcl-only'));
		expect(entries()).toHaveLength(1);
		// As cli.ts does before every command that reads bake files.
		await preloadComposeSupport('print', ['-f', 'plain-name'], {cwd: dir, env: {}});
		expect((await run('print', ['-f', 'plain-name'], dir)).code).toBe(0);
		// compose.yaml found by default discovery.
		const composed = await run('print', ['web'], dir);
		expect(composed.code).toBe(0);
		expect(JSON.parse(composed.out).target.web).toBeDefined();
		expect(counts().hits).toBe(0);
		const io = bufferIo({cwd: dir, env: {BAKETREE_CACHE_DIR: cache}, readStdin: () => TREE});
		await print.run(['-f', '-'], io);
		expect(JSON.parse(io.out()).target.app).toBeDefined();
		expect(entries()).toHaveLength(1);
		expect(counts().stores).toBe(1);
	});

	it('--help', async () => {
		const dir = project();
		const r = await run('print', ['--help'], dir);
		expect(r.out).toContain('BAKETREE_NO_CACHE');
		expect((await run('list', ['--help'], dir)).out).toContain('BAKETREE_NO_CACHE');
		expect(entries()).toEqual([]);
	});
});

describe('output cache: trouble is a miss, never an error', () => {
	it('a corrupt or truncated entry is ignored and replaced', async () => {
		const dir = project();
		const good = await run('print', [], dir);
		const [key] = entries();
		const path = join(cache, 'output', key as string);
		const whole = readFileSync(path);
		for (const damaged of [
			whole.subarray(0, whole.length - 3),
			Buffer.concat([whole, Buffer.from('x')]),
			Buffer.from(whole.toString('latin1').replace('"app"', '"bpp"'), 'latin1'),
			Buffer.alloc(0),
			Buffer.from('garbage'),
		]) {
			writeFileSync(path, damaged);
			resetCacheStats();
			const r = await run('print', [], dir);
			expect(r).toEqual(good);
			expect(counts()).toEqual({hits: 0, misses: 1, stores: 1});
			expect(readEntry(join(cache, 'output'), key as string)).toBe(good.out);
		}
	});

	it('an unwritable cache directory still prints correctly', async () => {
		const dir = project();
		const expected = await run('print', [], dir, {BAKETREE_NO_CACHE: '1'});
		// Under a regular file: no directory can be made there, whoever runs the test.
		writeFileSync(join(tmp, 'a-file'), '');
		const blocked = join(tmp, 'a-file', 'cache');
		for (let i = 0; i < 2; i++) {
			const r = await run('print', [], dir, {}, blocked);
			expect(r.err).toBe('');
			expect(r.code).toBe(0);
			expect(r.out).toBe(expected.out);
		}
		expect(counts()).toEqual({hits: 0, misses: 2, stores: 0});
	});
});

describe('output cache: what is stored', () => {
	const files = () => [{name: 'docker-bake.hcl', content: TREE}];

	it('nothing when the evaluation read other files than the key was made of', async () => {
		project();
		const out = bufferIo({cwd: join(tmp, 'p'), env: {BAKETREE_CACHE_DIR: cache}});
		await runWithOutputCache('print', [], out, {}, async () => ({
			output: 'x\n',
			files: [{name: 'docker-bake.hcl', content: `${TREE}# edited meanwhile\n`}],
		}));
		expect(out.out()).toBe('x\n');
		expect(entries()).toEqual([]);
	});

	it('nothing when the evaluation wrote to standard error', async () => {
		project();
		const out = bufferIo({cwd: join(tmp, 'p'), env: {BAKETREE_CACHE_DIR: cache}});
		await runWithOutputCache('print', [], out, {}, async (evalIo) => {
			evalIo.stderr.write('warning: something\n');
			return {output: 'x\n', files: files()};
		});
		expect(out.err()).toBe('warning: something\n');
		expect(entries()).toEqual([]);
		// The same without the message is stored.
		await runWithOutputCache('print', [], out, {}, async () => ({output: 'x\n', files: files()}));
		expect(entries()).toHaveLength(1);
	});
});
