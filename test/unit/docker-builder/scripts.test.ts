import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadRepoTree, REPO} from './repo-tree.js';

/** Runs a docker/ script with only PATH, HOME and `env` set (no GITHUB_* from the host). */
function script(name: string, args: string[], env: Record<string, string> = {}) {
	const r = spawnSync(join(REPO, 'docker', name), args, {
		encoding: 'utf8',
		env: {
			PATH: process.env['PATH'] ?? '',
			HOME: process.env['HOME'] ?? '/tmp',
			USER: 'tester',
			...env,
		},
	});
	return {code: r.status, out: r.stdout, err: r.stderr};
}

/** The `# section` blocks of a --dry-run, each as its lines. */
function sections(out: string): Record<string, string[]> {
	const res: Record<string, string[]> = {};
	let cur = '';
	for (const line of out.trimEnd().split('\n')) {
		if (line.startsWith('# ')) {
			cur = line.slice(2);
			res[cur] = [];
		} else res[cur]?.push(line);
	}
	return res;
}

const GH = {GITHUB_ACTOR: 'alice', GITHUB_REPOSITORY: 'acme/baketree', GITHUB_REF_NAME: 'feat/tui'};

describe('docker/bake.sh --dry-run', () => {
	it('prints the default vectors and the bake command for the default group', () => {
		const r = script('bake.sh', ['--dry-run'], GH);
		expect(r.code).toBe(0);
		const s = sections(r.out);
		expect(s['environment']).toEqual([
			`sys_names='["debian"]'`,
			`sys_versions='["bookworm-slim"]'`,
			`sys_targets='["amd64"]'`,
			`node_versions='["22"]'`,
			"cache_registry=''",
			'cache_branch=feat_tui',
			'cache_main=main',
		]);
		// One builder per user, repository and branch.
		const builder = 'baketree--alice--acme_baketree--feat_tui';
		expect(s['builder (created when missing)']).toEqual([
			`docker buildx create --name ${builder} --driver docker-container --bootstrap`,
		]);
		expect(s['command']).toEqual([
			`docker buildx bake --file bake.hcl --builder ${builder} --provenance=false`,
		]);
	});

	it('takes JSON arrays and single values, entitlements and targets', () => {
		const r = script('bake.sh', ['--dry-run', '--allow', 'network.host', 'lint', 'smoke'], {
			...GH,
			sys_names: '["debian","alpine"]',
			sys_version: '3.21',
			sys_target: 'arm64',
			node_versions: '["20","22"]',
			cache_registry: 'ghcr.io/acme/cache',
			BAKETREE_BUILDER: 'ci',
		});
		expect(r.code).toBe(0);
		const s = sections(r.out);
		expect(s['environment']?.slice(0, 5)).toEqual([
			`sys_names='["debian","alpine"]'`,
			`sys_versions='["3.21"]'`,
			`sys_targets='["arm64"]'`,
			`node_versions='["20","22"]'`,
			'cache_registry=ghcr.io/acme/cache',
		]);
		expect(s['command']).toEqual([
			'docker buildx bake --file bake.hcl --builder ci --provenance=false --allow=network.host lint smoke',
		]);
	});

	it('exports vectors that bake.hcl reads to the same effect', () => {
		const r = script('bake.sh', ['--dry-run'], {sys_name: 'alpine', sys_version: '3.20'});
		const env = Object.fromEntries(
			(sections(r.out)['environment'] ?? []).map((l) => {
				const [k, v = ''] = l.split(/=(.*)/s);
				return [k as string, v.replace(/^'(.*)'$/, '$1')];
			}),
		);
		const systems = loadRepoTree(env).graph.blocks.get('system')?.instances;
		expect(systems).toEqual(['system--alpine--3_20--amd64']);
	});

	it('rejects an unknown option', () => {
		const r = script('bake.sh', ['--frobnicate']);
		expect(r.code).toBe(2);
		expect(r.err).toContain('unknown option --frobnicate');
	});
});

describe('docker/complement.sh --dry-run', () => {
	it('runs the testee and tester images bake.hcl names for the vector', () => {
		const vector = {
			sys_name: 'alpine',
			sys_version: '3.21',
			sys_target: 'arm64',
			node_version: '20',
		};
		const r = script('complement.sh', ['--dry-run', 'Print'], {
			...vector,
			complement_cases: join(REPO, 'package.json'),
			complement_results_dir: '/tmp/results',
		});
		expect(r.code).toBe(0);
		const [testee, tester] = r.out.trimEnd().split('\n');
		const images = loadRepoTree({
			sys_names: `["${vector.sys_name}"]`,
			sys_versions: `["${vector.sys_version}"]`,
			sys_targets: `["${vector.sys_target}"]`,
			node_versions: `["${vector.node_version}"]`,
		}).resolved.targets;
		const tag = (block: string) =>
			[...images.values()].find((t) => t.name.startsWith(`${block}--`))?.tags?.[0];
		expect(testee).toContain(
			` ${tag('complement-testee')} /cases.json Print > /tmp/results/testee.jsonl`,
		);
		expect(tester).toContain(` ${tag('complement-tester')} /cases.json /results/testee.jsonl`);
		expect(testee).toContain(`${join(REPO, 'package.json')}:/cases.json:ro`);
	});

	it('refuses to run without a corpus', () => {
		const r = script('complement.sh', ['--dry-run'], {complement_cases: '/nonexistent.json'});
		expect(r.code).toBe(2);
		expect(r.err).toContain('no conformance corpus at /nonexistent.json');
	});
});

const shellcheck = spawnSync('shellcheck', ['--version']).status === 0;

describe('shell scripts', () => {
	it.skipIf(!shellcheck)('pass shellcheck (skipped when shellcheck is not installed)', () => {
		const r = spawnSync('shellcheck', ['docker/bake.sh', 'docker/complement.sh'], {
			cwd: REPO,
			encoding: 'utf8',
		});
		expect(r.stdout + r.stderr).toBe('');
		expect(r.status).toBe(0);
	});
	if (!shellcheck)
		it('shellcheck is not installed: the shellcheck test is skipped (apt-get install -y shellcheck)', () => {
			expect(shellcheck).toBe(false);
		});
});
