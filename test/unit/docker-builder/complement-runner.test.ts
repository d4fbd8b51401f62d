// docker/complement/{testee,tester}.mjs end to end, with stand-ins for baketree and buildx
// that print their argv and environment as JSON: the runners' case translation, comparison
// and output formats are what is tested.
import {spawnSync} from 'node:child_process';
import {chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {REPO} from './repo-tree.js';

const dir = mkdtempSync(join(tmpdir(), 'complement-test-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

// Both stand-ins drop their own command words, so equal inputs print equal JSON. A file
// holding FAIL makes them fail; FLAVOUR in the environment changes only buildx's answer.
const fake = (drop: string[], flavoured: boolean) => `#!/usr/bin/env node
const fs = require('node:fs');
const argv = process.argv.slice(2).filter((a) => !${JSON.stringify(drop)}.includes(a));
const files = fs.readdirSync('.').sort().map((f) => fs.readFileSync(f, 'utf8'));
if (files.some((f) => f.includes('FAIL'))) { console.error('boom'); process.exit(1); }
console.log(JSON.stringify({argv, files, flavour: ${flavoured} ? process.env.FLAVOUR ?? null : null}));
`;
const baketree = join(dir, 'baketree');
const buildx = join(dir, 'buildx');
writeFileSync(baketree, fake(['print'], false));
writeFileSync(buildx, fake(['bake', '--print'], true));
chmodSync(baketree, 0o755);
chmodSync(buildx, 0o755);

const hcl = 'target "a" {}\n';
const cases = [
	{
		name: 'cli/print',
		api: 'cli',
		files: {'x.hcl': hcl},
		fileOrder: ['x.hcl'],
		args: ['bake', '--print', 'a'],
	},
	{
		name: 'rt/set',
		api: 'ReadTargets',
		files: {'x.hcl': hcl},
		targets: ['a'],
		overrides: ['a.args.X=1'],
	},
	{name: 'rt/both-fail', api: 'ReadTargets', files: {'x.hcl': 'FAIL'}, targets: ['a']},
	{
		name: 'rt/differs',
		api: 'ReadTargets',
		files: {'x.hcl': hcl},
		env: {FLAVOUR: 'x'},
		targets: ['a'],
	},
	{name: 'parse/raw', api: 'ParseFile', files: {'x.hcl': hcl}},
	{name: 'cli/list', api: 'cli', files: {'x.hcl': hcl}, args: ['bake', '--list=targets']},
];
const corpus = join(dir, 'cases.json');
writeFileSync(corpus, JSON.stringify(cases));

const node = (script: string, args: string[], env: Record<string, string>) =>
	spawnSync(process.execPath, [join(REPO, 'docker/complement', script), ...args], {
		encoding: 'utf8',
		env: {PATH: process.env['PATH'] ?? '', ...env},
	});

describe('the complement runners', () => {
	it('run every case on both sides and print one verdict line per case', () => {
		const testee = node('testee.mjs', [corpus], {BAKETREE: baketree});
		expect(testee.status).toBe(0);
		const answers = testee.stdout
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l));
		expect(answers.map((a) => [a.name, a.ok ?? 'skip'])).toEqual([
			['cli/print', true],
			['rt/set', true],
			['rt/both-fail', false],
			['rt/differs', true],
			['parse/raw', 'skip'],
			['cli/list', 'skip'],
		]);
		// The ReadTargets case became `-f FILE --set ... TARGET`.
		expect(JSON.parse(answers[1].stdout).argv).toEqual(['-f', 'x.hcl', '--set', 'a.args.X=1', 'a']);

		writeFileSync(join(dir, 'testee.jsonl'), testee.stdout);
		const results = join(dir, 'results.jsonl');
		const tester = node('tester.mjs', [corpus, join(dir, 'testee.jsonl'), results], {
			BUILDX: buildx,
		});
		expect(tester.status).toBe(0);
		const verdicts = tester.stdout.split('\n').filter((l) => /^(pass|fail|skip)\t/.test(l));
		expect(verdicts).toEqual([
			'pass\tcli/print',
			'pass\trt/set',
			'pass\trt/both-fail',
			'fail\trt/differs',
			'skip\tparse/raw',
			'skip\tcli/list',
		]);
		expect(tester.stdout).toContain('#\tthe printed JSON differs');
		expect(tester.stdout).toContain('# 3 pass, 1 fail, 2 skip');
		expect(
			readFileSync(results, 'utf8')
				.trim()
				.split('\n')
				.map((l) => JSON.parse(l)),
		).toEqual(
			[...verdicts]
				.map((v) => v.split('\t'))
				.map(([Action, Test]) => ({Action, Test}))
				.sort((a, b) => ((a.Test ?? '') < (b.Test ?? '') ? -1 : 1)),
		);
	});

	it('filters cases by the RUN regex and fails a case the testee never answered', () => {
		writeFileSync(join(dir, 'empty.jsonl'), '');
		const r = node(
			'tester.mjs',
			[corpus, join(dir, 'empty.jsonl'), join(dir, 'r.jsonl'), '^cli/print$'],
			{
				BUILDX: buildx,
			},
		);
		expect(r.stdout.split('\n').filter((l) => l.includes('\t') && !l.startsWith('#'))).toEqual([
			'fail\tcli/print',
		]);
		expect(r.stdout).toContain('the testee has no result for this case');
	});
});
