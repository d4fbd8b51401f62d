// Compose services become bake targets the way buildx ParseCompose maps them.

import {describe, expect, it} from 'vitest';
import {parse, resolved} from './helpers.js';

const target = (spec: Record<string, string>, name: string, opts = {}) =>
	parse(spec, opts).targets.find((t) => t.name === name);

describe('compose services as targets', () => {
	it('maps the build section field by field', () => {
		const t = target(
			{
				'compose.yml': `
services:
  webapp:
    image: app:latest
    build:
      context: ./dir
      dockerfile: Dockerfile-alternate
      additional_contexts:
        foo: ./bar
        base: service:db.svc
      network: none
      target: prod
      args:
        buildno: 123
        ratio: 1.5
        big: 2e6
        flag: true
      labels: [com.example=1, bare]
      cache_from:
        - type=local,src=path/to/cache
      cache_to:
        - type=local,dest=path/to/cache
      platforms: [linux/amd64, linux/arm64]
      tags: [app:1]
      shm_size: 128m
      ulimits:
        nofile: {soft: 1024, hard: 2048}
        nproc: 65535
      extra_hosts: ["somehost:162.242.195.82", "otherhost=50.31.209.229", "v6:::1"]
      ssh: [key=/path/to/key, default]
      secrets: [token, aws]
      sbom: true
      provenance: mode=max
      no_cache: true
      pull: false
  db.svc:
    build: ./db
secrets:
  token:
    environment: ENV_TOKEN
  aws:
    file: /root/.aws/credentials
`,
			},
			'webapp',
		);
		expect(t).toEqual({
			name: 'webapp',
			attest: ['type=sbom', 'type=provenance,mode=max'],
			context: 'dir',
			contexts: {foo: 'bar', base: 'target:db_svc'},
			dockerfile: 'Dockerfile-alternate',
			args: {buildno: '123', ratio: '1.5', big: '2e+06', flag: 'true'},
			labels: {'com.example': '1', bare: ''},
			tags: ['app:1'],
			'cache-from': ['type=local,src=path/to/cache'],
			'cache-to': ['type=local,dest=path/to/cache'],
			target: 'prod',
			secret: ['id=token,env=ENV_TOKEN', 'id=aws,src=/root/.aws/credentials'],
			ssh: ['default', 'key=/path/to/key'],
			platforms: ['linux/amd64', 'linux/arm64'],
			'no-cache': true,
			network: 'none',
			'shm-size': '128MiB',
			ulimits: ['nofile=1024:2048', 'nproc=65535:65535'],
			'extra-hosts': {somehost: '162.242.195.82', otherhost: '50.31.209.229', v6: '::1'},
		});
	});

	it('skips services without build, names targets with _ for ., groups them as default', () => {
		const raw = parse({
			'compose.yml': `
services:
  db:
    image: postgres
  web.app:
    build: .
  api:
    build:
      dockerfile_inline: |
        FROM alpine
`,
		});
		expect(raw.targets.map((t) => t.name)).toEqual(['web_app', 'api']);
		expect(raw.groups).toEqual([{name: 'default', targets: ['web_app', 'api']}]);
		expect(raw.targets[0]?.context).toBe('.');
		expect(raw.targets[1]).toMatchObject({context: '.', 'dockerfile-inline': 'FROM alpine\n'});
		expect(raw.targets[1]?.dockerfile).toBeUndefined();
	});

	it('keeps an empty default group when no service builds', () => {
		const raw = parse({'compose.yml': 'services:\n  db:\n    image: postgres\n'});
		expect(raw.targets).toEqual([]);
		expect(raw.groups).toEqual([{name: 'default', targets: []}]);
	});

	it('tags from image only when build has none', () => {
		const spec = (tags: string) => ({
			'compose.yml': `services:\n  a:\n    image: img:1\n    build:\n      context: .\n${tags}`,
		});
		expect(target(spec(''), 'a')?.tags).toEqual(['img:1']);
		expect(target(spec('      tags: [x:1]\n'), 'a')?.tags).toEqual(['x:1']);
	});

	it('resolves args without a value from the service environment, then the project env', () => {
		const t = target(
			{
				'compose.yml': `
services:
  a:
    build:
      args:
        FROM_SERVICE:
        FROM_ENV:
        FROM_FILE:
        MISSING:
        EMPTY_SERVICE:
        NULLED: null
        KEPT: x
    environment:
      - FROM_SERVICE=svc
      - EMPTY_SERVICE
    env_file: app.env
`,
			},
			'a',
			{env: {FROM_ENV: 'env', EMPTY_SERVICE: 'project'}, extra: {'app.env': 'FROM_FILE="a b"\n'}},
		);
		expect(t?.args).toEqual({
			FROM_SERVICE: 'svc',
			FROM_ENV: 'env',
			FROM_FILE: 'a b',
			EMPTY_SERVICE: 'project',
			KEPT: 'x',
		});
	});

	it('applies the x-bake extension on top of the build section', () => {
		const t = target(
			{
				'compose.yml': `
services:
  addon:
    image: ct-addon:bar
    build:
      cache_from: [user/app:cache]
      tags: [ct-addon:foo]
      ssh: {key: /path/to/key}
      additional_contexts: {alpine: docker-image://alpine:3.18}
      x-bake:
        contexts:
          alpine: docker-image://alpine:3.13
          other: target:x
        tags: [ct-addon:foo, ct-addon:baz]
        cache-from:
          - user/app:cache
          - type=local,src=path/to/cache
        ssh: [default, key=path/to/other]
        secret: id=mysecret,src=/local/secret
        platforms: linux/amd64 linux/arm64
        output: type=docker
        pull: true
        no-cache: true
        no-cache-filter: [base]
`,
			},
			'addon',
		);
		expect(t).toMatchObject({
			tags: ['ct-addon:foo', 'ct-addon:baz'],
			'cache-from': ['user/app:cache', 'type=local,src=path/to/cache'],
			ssh: ['default', 'key=path/to/other'],
			secret: ['id=mysecret,src=/local/secret'],
			platforms: ['linux/amd64', 'linux/arm64'],
			output: ['type=docker'],
			pull: true,
			'no-cache': true,
			'no-cache-filter': ['base'],
			contexts: {alpine: 'docker-image://alpine:3.18', other: 'target:x'},
		});
	});

	it('network host asks for the network.host entitlement once resolved', () => {
		const r = resolved({'compose.yml': 'services:\n  app:\n    build:\n      network: host\n'}, [
			'app',
		]);
		expect(r.targets.get('app')).toMatchObject({network: 'host', entitlements: ['network.host']});
	});

	it('does not read build.entitlements (buildx does not)', () => {
		const t = target(
			{'compose.yml': 'services:\n  a:\n    build:\n      entitlements: [network.host]\n'},
			'a',
		);
		expect(t?.entitlements).toBeUndefined();
	});

	it('merges services that map to the same target name', () => {
		const r = resolved({
			'compose.yml': `
services:
  web.app:
    build:
      dockerfile: Dockerfile.webapp
      args: {buildno: 1}
  web_app:
    build:
      args: {buildno2: 12}
`,
		});
		expect([...r.targets.keys()]).toEqual(['web_app']);
		expect(r.targets.get('web_app')).toMatchObject({
			dockerfile: 'Dockerfile.webapp',
			args: {buildno: '1', buildno2: '12'},
		});
		expect(r.groups.get('default')?.targets).toEqual(['web_app']);
	});

	it('cleans relative paths as compose does and expands ~', () => {
		const t = target(
			{
				'compose.yml': `
services:
  a:
    build:
      context: ./sub/../dir/
      additional_contexts:
        git: https://github.com/x/y.git
        img: docker-image://alpine
        home: ~/ctx
      ssh: {key: ./keys/id}
      secrets: [s]
secrets:
  s:
    file: ./secret.txt
`,
			},
			'a',
			{env: {HOME: '/home/me'}},
		);
		expect(t).toMatchObject({
			context: 'dir',
			contexts: {
				git: 'https://github.com/x/y.git',
				img: 'docker-image://alpine',
				home: '/home/me/ctx',
			},
			ssh: ['key=keys/id'],
			secret: ['id=s,src=secret.txt'],
		});
	});
});
