// Which files are compose files, and how compose and HCL files combine (buildx ParseFiles).

import {describe, expect, it} from 'vitest';
import {parse, parseError, resolved} from './helpers.js';

const COMPOSE_APP = `
services:
  app:
    build:
      dockerfile: Dockerfile-alternate
      args:
        v2: "bar"
`;
const HCL_APP = `
target "app" {
  context = "dir"
  args = {
    v1 = "foo"
  }
}
`;

describe('compose files among bake files', () => {
	it('merges HCL on top of compose whatever the file order', () => {
		for (const order of [
			{'c1.hcl': HCL_APP, 'c2.yml': COMPOSE_APP},
			{'c2.yml': COMPOSE_APP, 'c1.hcl': HCL_APP},
		]) {
			const raw = parse(order);
			expect(raw.targets).toEqual([
				{
					name: 'app',
					context: 'dir',
					dockerfile: 'Dockerfile-alternate',
					args: {v2: 'bar', v1: 'foo'},
				},
			]);
		}
	});

	it('detects compose content in files of other names, then HCL, then JSON', () => {
		const raw = parse({
			'c1.foo': HCL_APP,
			'c2.bar': COMPOSE_APP,
			c3: '{"target": {"other": {"dockerfile": "x"}}}',
		});
		expect(raw.targets.map((t) => t.name)).toEqual(['app', 'other']);
		expect(raw.targets[0]).toMatchObject({context: 'dir', dockerfile: 'Dockerfile-alternate'});
	});

	it('an HCL default group replaces the compose one in place', () => {
		const r = resolved({
			'docker-compose.yml': `
services:
  addon:
    build:
      dockerfile: ./Dockerfile
  aws:
    build:
      dockerfile: ./aws.Dockerfile
`,
			'docker-bake.hcl': `
group "default" {
  targets = ["image"]
}
target "image" {
  output = ["type=docker"]
}
`,
		});
		expect([...r.groups.keys()]).toEqual(['default']);
		expect(r.groups.get('default')?.targets).toEqual(['image']);
		expect([...r.targets.keys()]).toEqual(['image']);
		const all = resolved(
			{
				'docker-compose.yml': 'services:\n  addon:\n    build: .\n',
				'docker-bake.hcl': 'target "image" {}\n',
			},
			['addon', 'image'],
		);
		expect(all.groups.get('default')?.targets).toEqual(['addon', 'image']);
		expect(all.targets.get('addon')).toMatchObject({context: '.', dockerfile: 'Dockerfile'});
	});

	it('merges several compose files in order', () => {
		const raw = parse({
			'docker-compose.yml': `
version: "3"
services:
  db:
    build: .
    image: docker.io/tonistiigi/db
  webapp:
    build:
      dockerfile: Dockerfile.webapp
      args:
        buildno: 1
        dropped: x
      tags: [a, b]
`,
			'docker-compose2.yml': `
services:
  newservice:
    build: .
  webapp:
    build:
      args:
        buildno2: 12
      tags: [b, c]
`,
			'docker-compose3.yml': 'services:\n  webapp:\n    entrypoint: echo 1\n',
		});
		expect(raw.groups).toEqual([{name: 'default', targets: ['db', 'webapp', 'newservice']}]);
		expect(raw.targets.find((t) => t.name === 'webapp')).toMatchObject({
			context: '.',
			dockerfile: 'Dockerfile.webapp',
			args: {buildno: '1', dropped: 'x', buildno2: '12'},
			tags: ['a', 'b', 'c'],
		});
	});

	it('honours !reset and !override when files merge', () => {
		const raw = parse({
			'compose.yml': `
services:
  app:
    build:
      context: .
      args: {A: "1", B: "2"}
      tags: [x]
      target: dev
`,
			'compose.override.yml': `
services:
  app:
    build:
      args: !override {C: "3"}
      tags: !reset []
      target: !reset null
`,
		});
		expect(raw.targets[0]).toEqual({name: 'app', context: '.', args: {C: '3'}});
	});

	it('resolves extends within a file and from another file', () => {
		const raw = parse(
			{
				'compose.yml': `
services:
  base:
    build:
      context: ./base
      args: {A: "1"}
  app:
    extends: base
    build:
      args: {B: "2"}
  other:
    extends:
      file: more/common.yml
      service: common
`,
			},
			{
				extra: {
					'more/common.yml':
						'services:\n  common:\n    build:\n      context: .\n      target: t\n',
				},
			},
		);
		expect(raw.targets.find((t) => t.name === 'app')).toMatchObject({
			context: 'base',
			args: {A: '1', B: '2'},
		});
		expect(raw.targets.find((t) => t.name === 'other')).toMatchObject({
			context: 'more',
			target: 't',
		});
	});

	it('imports the services of included files', () => {
		const raw = parse(
			{'compose.yml': 'include:\n  - inc/compose-foo.yml\nservices:\n  bar:\n    build: .\n'},
			{
				extra: {
					'inc/compose-foo.yml':
						'services:\n  foo:\n    build:\n      context: .\n      target: buildfoo\n',
				},
			},
		);
		expect(raw.targets.map((t) => [t.name, t.context, t.target])).toEqual([
			['bar', '.', undefined],
			['foo', 'inc', 'buildfoo'],
		]);
	});

	it('with BUILDX_BAKE_FILE_RELATIVE_PATHS, contexts are relative to the first compose file', () => {
		const env = {BUILDX_BAKE_FILE_RELATIVE_PATHS: '1'};
		const spec = {
			'sub/compose.yml': `
services:
  app:
    build:
      context: ./app
      additional_contexts:
        lib: ../lib
        img: docker-image://alpine
        dep: service:base
  base:
    build: {}
`,
		};
		const raw = parse(spec, {env});
		expect(raw.targets[0]).toMatchObject({
			context: 'sub/app',
			contexts: {lib: 'lib', img: 'docker-image://alpine', dep: 'target:base'},
		});
		expect(raw.targets[1]?.context).toBe('sub');
		const r = resolved(spec, ['base'], {env});
		expect(r.targets.get('base')?.context).toBe('sub');
	});

	it('fails a .yml file that is not a valid compose file, with its position', () => {
		expect(parseError({'compose.yml': 'services:\n  a: [1\n b: c\n'})).toMatchObject({
			where: 'compose.yml:3:2',
		});
		expect(parseError({'compose.yml': 'services:\n  a: [1\n b: c\n'}).message).toMatch(
			/^failed to parse compose.yml: yaml: line 3: /,
		);
		expect(parseError({'compose.yml': '- a\n'})).toEqual({
			message: 'Top-level object must be a mapping',
			where: 'compose.yml:1:1',
		});
		expect(parseError({'compose.yml': 'foo: bar\n'})).toEqual({
			message: 'empty compose file',
			where: 'compose.yml:1:1',
		});
		// A .yaml file is compose whatever it holds: no HCL fallback.
		expect(parseError({'c.yaml': HCL_APP}).message).toBe('Top-level object must be a mapping');
	});

	it('reports schema violations with compose-go wording and the offending line', () => {
		expect(
			parseError({'compose.yml': 'services:\n  app:\n    build:\n      context: [a]\n'}),
		).toEqual({message: 'services.app.build.context must be a string', where: 'compose.yml:4:7'});
		expect(parseError({'compose.yml': 'services:\n  app:\n    build:\n      foo: x\n'})).toEqual({
			message: "services.app.build additional properties 'foo' not allowed",
			where: 'compose.yml:4:7',
		});
		expect(parseError({'compose.yml': 'services:\n  "a/b":\n    build: .\n'}).message).toBe(
			"services additional properties 'a/b' not allowed",
		);
	});

	it('reports inconsistent projects as buildx wraps them', () => {
		expect(parseError({'compose.yml': 'services:\n  webapp:\n    entrypoint: echo 1\n'})).toEqual({
			message:
				'failed to parse compose file: service "webapp" has neither an image nor a build context specified: invalid compose project',
			where: 'compose.yml:2:3',
		});
		expect(
			parseError({'compose.yml': 'services:\n  foo:\n    build:\n      secrets: [token]\n'})
				.message,
		).toBe(
			'failed to parse compose file: service "foo" refers to undefined build secret token: invalid compose project',
		);
		expect(parseError({'compose.yml': 'secrets:\n  foo: {}\n'}).message).toBe(
			'failed to parse compose file: secret "foo" must declare either `file` or `environment`: invalid compose project',
		);
		expect(
			parseError({
				'compose.yml':
					'services:\n  foo:\n    build:\n      secrets: [s]\nsecrets:\n  s:\n    external: true\n    name: real\n',
			}),
		).toEqual({
			message: 'failed to parse compose file: unsupported external secret real',
			where: 'compose.yml:3:5',
		});
		expect(
			parseError({
				'compose.yml':
					'services:\n  a:\n    build:\n      ulimits:\n        nofile: {soft: 20, hard: 10}\n',
			}).message,
		).toBe(
			'failed to parse compose file: ulimit soft limit must be less than or equal to hard limit: 20 > 10',
		);
	});

	it('explains a file of another name that is neither compose, HCL nor JSON', () => {
		const e = parseError({'c.foo': 'target "x" {\n  a = \n}\n'});
		expect(e.message).toMatch(
			/^failed to parse c\.foo: parsing yaml: Top-level object must be a mapping, parsing hcl: failed to parse c\.foo: c\.foo\.hcl:2,7-3,1: Invalid expression; /,
		);
	});
});
