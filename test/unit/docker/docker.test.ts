import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {bakeArgs} from '../../../src/core/docker/bake-args.js';
import {parseBuildxLs} from '../../../src/core/docker/builders.js';
import {PreflightError} from '../../../src/core/docker/errors.js';
import {locateDocker} from '../../../src/core/docker/locate.js';
import {preflight} from '../../../src/core/docker/preflight.js';
import {runBake} from '../../../src/core/docker/run-bake.js';
import {isSupported, parseBuildxVersion} from '../../../src/core/docker/version.js';

const FAKE = fileURLToPath(new URL('../../fake-docker/docker', import.meta.url));
const env = (extra: Record<string, string> = {}) => ({PATH: process.env['PATH'] ?? '', ...extra});

describe('parsing docker output', () => {
	it('reads the buildx ls table (docs example)', () => {
		const text = `NAME/NODE           DRIVER/ENDPOINT                   STATUS    BUILDKIT   PLATFORMS
elated_tesla*       docker-container
 \\_ elated_tesla0    \\_ unix:///var/run/docker.sock   running   v0.10.3    linux/amd64
 \\_ elated_tesla1    \\_ ssh://ubuntu@1.2.3.4          running   v0.10.3    linux/arm64*, linux/arm/v7, linux/arm/v6
default             docker
 \\_ default          \\_ default                       running   v0.8.2     linux/amd64
`;
		const b = parseBuildxLs(text);
		expect(b.map((x) => [x.name, x.driver, x.current, x.nodes.length])).toEqual([
			['elated_tesla', 'docker-container', true, 2],
			['default', 'docker', false, 1],
		]);
		expect(b[0]?.nodes[1]).toMatchObject({
			name: 'elated_tesla1',
			endpoint: 'ssh://ubuntu@1.2.3.4',
			status: 'running',
		});
	});

	it('reads buildx versions and rejects ones older than 0.13', () => {
		const v = parseBuildxVersion('github.com/docker/buildx v0.30.1 abc123');
		expect(v).toMatchObject({major: 0, minor: 30, patch: 1});
		expect(v && isSupported(v)).toBe(true);
		const old = parseBuildxVersion('github.com/docker/buildx v0.12.1 x');
		expect(old && isSupported(old)).toBe(false);
	});

	it('builds an argument array with every option', () => {
		expect(
			bakeArgs({
				files: ['a.hcl'],
				targets: ['-odd', 'b'],
				set: ['*.platform=linux/arm64'],
				builder: 'x',
				allow: ['network.host'],
				metadataFile: '/m.json',
			}),
		).toEqual([
			'buildx',
			'bake',
			'--progress=rawjson',
			'--builder',
			'x',
			'-f',
			'a.hcl',
			'--set',
			'*.platform=linux/arm64',
			'--allow=network.host',
			'--metadata-file',
			'/m.json',
			'--',
			'-odd',
			'b',
		]);
	});
});

describe('locate and preflight', () => {
	it('prefers --docker, then BAKETREE_DOCKER, then PATH', () => {
		expect(locateDocker({flag: FAKE, env: {BAKETREE_DOCKER: '/nope'}})).toBe(FAKE);
		expect(locateDocker({env: {BAKETREE_DOCKER: FAKE}})).toBe(FAKE);
		expect(() => locateDocker({env: {PATH: '/nonexistent'}})).toThrow(PreflightError);
		expect(() => locateDocker({env: {BAKETREE_DOCKER: '/nope/docker'}})).toThrow(/BAKETREE_DOCKER/);
	});

	it('passes with the fake docker and finds its builders', async () => {
		const r = await preflight({
			docker: FAKE,
			env: env({FAKE_DOCKER_BUILDERS: 'ci'}),
			builder: 'ci',
		});
		expect(r.buildx.text).toBe('v0.30.1');
		expect(r.builders.map((b) => b.name)).toEqual(['default', 'ci']);
	});

	it.each([
		[{FAKE_DOCKER_BUILDX: 'none'}, undefined, /buildx is not available/, /docker-buildx-plugin/],
		[{FAKE_DOCKER_BUILDX: 'v0.12.0'}, undefined, /older than v0\.13/, /upgrade/],
		[{}, 'nosuch', /no builder "nosuch"/, /docker buildx create --name nosuch/],
	])('fails clearly: %j', async (extra, builder, problem, fix) => {
		const err = await preflight({docker: FAKE, env: env(extra), builder}).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(PreflightError);
		expect((err as PreflightError).message).toMatch(problem);
		expect((err as PreflightError).fix).toMatch(fix);
	});
});

describe('runBake', () => {
	it('streams stderr, passes variables as environment and writes the metadata file', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'bt-bake-'));
		const log = join(dir, 'calls.jsonl');
		let stderr = '';
		const proc = runBake({
			docker: FAKE,
			env: env({FAKE_DOCKER_SPEED: '0', FAKE_DOCKER_SCENARIO: 'single', FAKE_DOCKER_LOG: log}),
			vars: {TAG: 'v1'},
			targets: ['app'],
			metadataFile: join(dir, 'meta.json'),
			onStderr: (c) => {
				stderr += c.toString();
			},
		});
		expect(await proc.done).toBe(0);
		expect(stderr.split('\n').filter(Boolean)).toHaveLength(
			readFileSync(new URL('../../fixtures/progress/single.jsonl', import.meta.url), 'utf8')
				.split('\n')
				.filter(Boolean).length,
		);
		const call = JSON.parse(readFileSync(log, 'utf8').trim()) as {
			env: Record<string, string>;
			opts: {targets: string[]};
		};
		expect(call.env['TAG']).toBe('v1');
		expect(call.opts.targets).toEqual(['app']);
		expect(JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'))).toHaveProperty(
			'buildx.build.ref',
		);
	});

	it('cancels with SIGINT: running vertexes end "context canceled", exit code 130', async () => {
		let stderr = '';
		const proc = runBake({
			docker: FAKE,
			env: env({FAKE_DOCKER_SPEED: '1', FAKE_DOCKER_SCENARIO: 'long'}),
			targets: ['app', 'worker'],
			onStderr: (c) => {
				stderr += c.toString();
				if (stderr.includes('"logs"')) proc.cancel();
			},
		});
		expect(await proc.done).toBe(130);
		expect(stderr).toMatch(/"error":"context canceled"/);
	});
});
