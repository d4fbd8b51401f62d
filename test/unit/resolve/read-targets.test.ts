import {describe, expect, it} from 'vitest';
import {cacheString, exportString} from '../../../src/core/bake/buildflags/entries.js';
import {printJson} from '../../../src/core/bake/resolve/print.js';
import {readTargets} from '../../../src/core/bake/resolve/read-targets.js';
import {config} from './helpers.js';

describe('readTargets', () => {
	it('merges parents left to right, a parent counting its inherited values as its own', () => {
		const raw = config([
			{name: 'a', args: {bar: '234'}},
			{name: 'b', args: {bar: '567'}},
			{name: 'c', inherits: ['a']},
			{name: 'd', inherits: ['b', 'c']},
		]);
		const res = readTargets(raw, {targets: ['d']});
		expect(res.targets.get('d')?.args).toEqual({bar: '234'});
		expect(res.targets.get('d')?.context).toBe('.');
		expect(res.targets.get('d')?.dockerfile).toBe('Dockerfile');
		expect(res.targets.get('d')?.inherits).toBeUndefined();
		expect([...res.groups.keys()]).toEqual(['default']);
	});

	it('applies --set overrides of a parent to its children', () => {
		const raw = config([
			{name: 'a', args: {foo: '1'}},
			{name: 'b', inherits: ['a'], args: {x: 'y'}},
		]);
		const res = readTargets(raw, {targets: ['b'], overrides: ['a.args.foo=321']});
		expect(res.targets.get('b')?.args).toEqual({foo: '321', x: 'y'});
	});

	it('adds linked targets as cacheonly, outside any group', () => {
		const raw = config([
			{name: 'base'},
			{name: 'mid', output: ['foo'], contexts: {parent: 'target:base'}},
			{name: 'app', contexts: {foo: 'baz', bar: 'target:mid'}},
			{name: 'unused'},
		]);
		const res = readTargets(raw, {targets: ['app']});
		expect([...res.targets.keys()].sort()).toEqual(['app', 'base', 'mid']);
		expect(res.targets.get('mid')?.output?.map(exportString)).toEqual(['type=cacheonly']);
		expect(res.groups.get('default')?.targets).toEqual(['app']);
	});

	it('reports link loops', () => {
		const raw = config([
			{name: 'mid', contexts: {x: 'target:app'}},
			{name: 'app', contexts: {y: 'target:mid'}},
		]);
		expect(() => readTargets(raw, {targets: ['app']})).toThrow(/infinite loop from/);
	});

	it('expands globs against groups and targets, and sorts the default group', () => {
		const raw = config(
			[{name: 'foo'}, {name: 'foo-bar'}, {name: 'baz-x'}],
			[{name: 'baz', targets: ['baz-x']}],
		);
		const res = readTargets(raw, {targets: ['foo*', 'baz']});
		expect(res.groups.get('default')?.targets).toEqual(['baz', 'foo', 'foo-bar']);
		expect(() => readTargets(raw, {targets: ['nope*']})).toThrow(
			'could not find any target matching "nope*"',
		);
	});

	it('fails on a group member that does not exist', () => {
		const raw = config([{name: 'a'}], [{name: 'publish', targets: ['a', 'dockerhub']}]);
		expect(() => readTargets(raw, {targets: ['publish']})).toThrow(
			'failed to find target dockerhub',
		);
	});

	it('handles list overrides, append and load/push edits', () => {
		const raw = config([{name: 'app', platforms: ['linux/amd64'], output: ['foo']}]);
		let t = readTargets(raw, {
			targets: ['app'],
			overrides: [
				'app.platform=linux/arm',
				'app.platform=linux/ppc64le',
				'app.output=type=registry',
			],
		}).targets.get('app');
		expect(t?.platforms).toEqual(['linux/arm', 'linux/ppc64le']);
		expect(t?.output?.map(exportString)).toEqual(['type=registry']);
		t = readTargets(config([{name: 'bar'}]), {
			targets: ['bar'],
			overrides: ['*.load=true', '*.push=true'],
		}).targets.get('bar');
		expect(t?.output?.map(exportString).sort()).toEqual(['type=docker', 'type=image,push=true']);
	});

	it('splits ref-only cache strings into registry entries', () => {
		const raw = config([{name: 'app', 'cache-from': ['ref1,ref2', 'type=gha,scope=x']}]);
		const t = readTargets(raw, {targets: ['app']}).targets.get('app');
		expect(t?.['cache-from']?.map(cacheString)).toEqual(['ref1', 'ref2', 'type=gha,scope=x']);
	});

	it('overrides the source of a declared secret only', () => {
		const raw = config([{name: 'b', secret: ['id=aws,src=aws-default', 'id=token,env=TOKEN']}]);
		const t = readTargets(raw, {
			targets: ['b'],
			overrides: ['b.secret.aws=env=AWS', 'b.secret.token=src=tokenfile'],
		}).targets.get('b');
		expect(t?.secret).toEqual([
			{id: 'aws', src: '', env: 'AWS'},
			{id: 'token', src: 'tokenfile', env: ''},
		]);
		expect(() => readTargets(raw, {targets: ['b'], overrides: ['b.secret.x=env=X']})).toThrow(
			'secret "x" must be declared before it can be overridden',
		);
	});
});

describe('printJson', () => {
	it('writes Go-ordered, HTML-escaped JSON with omitted empties', () => {
		const raw = config([
			{
				name: 'build',
				args: {HELLO: 'a<b ${x}', EMPTY: null},
				context: './sub/../app/',
				tags: [],
				pull: false,
				output: [{type: 'local', dest: 'out'}],
			},
		]);
		const out = printJson(readTargets(raw, {targets: ['build']}));
		expect(out).toBe(`{
  "group": {
    "default": {
      "targets": [
        "build"
      ]
    }
  },
  "target": {
    "build": {
      "context": "app",
      "dockerfile": "Dockerfile",
      "args": {
        "HELLO": "a\\u003cb $\${x}"
      },
      "output": [
        {
          "dest": "out",
          "type": "local"
        }
      ],
      "pull": false
    }
  }
}
`);
	});
});
