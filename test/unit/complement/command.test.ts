import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {command} from '../../../src/cli/commands/complement.js';
import {bufferIo, UsageError} from '../../../src/cli/io.js';

const fx = (name: string) =>
	fileURLToPath(new URL(`../../fixtures/complement/${name}`, import.meta.url));

function setup() {
	const state = mkdtempSync(join(tmpdir(), 'bt-complement-'));
	const io = bufferIo({env: {...process.env, BAKETREE_STATE_DIR: state}, cwd: state});
	return {state, io};
}

describe('baketree complement', () => {
	it('--summary json on the shared log against its own results', async () => {
		const {io} = setup();
		const code = await command.run(
			[
				'--log',
				fx('sample-live-log.txt'),
				'--baseline',
				fx('tuwunel-results-2025-06.jsonl'),
				'--summary',
				'json',
			],
			io,
		);
		expect(code).toBe(0);
		expect(JSON.parse(io.out())).toEqual({
			counts: {pass: 444, fail: 196, skip: 9},
			regressions: [],
			progressions: [],
			new: [],
			missing: [],
		});
	});

	it('runs a command with --env, prints progress, saves the run and exits 1 on regressions', async () => {
		const {state, io} = setup();
		const code = await command.run(
			[
				'--baseline',
				fx('baseline.jsonl'),
				'--env',
				'cargo_profile=test',
				'--',
				process.execPath,
				fx('fake-suite.mjs'),
			],
			io,
		);
		expect(code).toBe(1);
		expect(io.out()).toContain('FAIL TestAlpha/sub_one  (regression)');
		expect(io.out()).toContain(
			'2 passed, 3 failed, 1 skipped; 2 regressions, 1 progressions, 2 new, 1 missing',
		);
		const [runId] = readdirSync(join(state, 'complement'));
		const dir = join(state, 'complement', runId ?? '');
		expect(readFileSync(join(dir, 'log.txt'), 'utf8')).toContain('cargo_profile=test\n');
		expect(readFileSync(join(dir, 'results.jsonl'), 'utf8').split('\n')[0]).toBe(
			'{"Action":"fail","Test":"TestAlpha"}',
		);
		expect(JSON.parse(readFileSync(join(dir, 'command.json'), 'utf8'))).toMatchObject({
			env: {cargo_profile: 'test'},
		});
		expect(JSON.parse(readFileSync(join(dir, 'exit.json'), 'utf8'))).toMatchObject({
			exitCode: 0,
			canceled: false,
		});
	});

	it('exits 1 when the command fails, with empty lists without a baseline', async () => {
		const {io} = setup();
		const code = await command.run(
			['--summary', 'json', '--env', 'FAKE_EXIT=2', '--', process.execPath, fx('fake-suite.mjs')],
			io,
		);
		expect(code).toBe(1);
		expect(JSON.parse(io.out())).toEqual({
			counts: {pass: 2, fail: 3, skip: 1},
			regressions: [],
			progressions: [],
			new: [],
			missing: [],
		});
	});

	it('uses tests/complement/results.jsonl as the default baseline', async () => {
		const {state, io} = setup();
		const {mkdirSync} = await import('node:fs');
		mkdirSync(join(state, 'tests', 'complement'), {recursive: true});
		writeFileSync(
			join(state, 'tests/complement/results.jsonl'),
			'{"Action":"pass","Test":"TestEpsilon"}\n',
		);
		const code = await command.run(
			['--summary', 'json', '--', process.execPath, fx('fake-suite.mjs')],
			io,
		);
		expect(code).toBe(1);
		expect(JSON.parse(io.out()).regressions).toEqual(['TestEpsilon']);
	});

	it('rejects bad usage without running anything', async () => {
		const {io} = setup();
		await expect(command.run(['--log', 'nope.txt'], io)).rejects.toThrow(UsageError);
		await expect(
			command.run(['--summary', 'yaml', '--log', fx('gotest-v.txt')], io),
		).rejects.toThrow(/json/);
		await expect(command.run(['--follow'], io)).rejects.toThrow(/--log/);
		await expect(command.run([], io)).rejects.toThrow(/docker\/complement\.sh/);
		await expect(command.run(['--env', 'novalue', '--', 'x'], io)).rejects.toThrow(/NAME=VALUE/);
		expect(await command.run(['--help'], io)).toBe(0);
		expect(io.out()).toMatch(/130 when canceled/);
	});
});
