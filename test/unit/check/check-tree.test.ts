import {describe, expect, it} from 'vitest';
import {checkTree} from '../../../src/core/check/check-tree.js';
import {loadTree} from '../../../src/core/tree.js';

const files: Record<string, string> = {
	'Dockerfile.step':
		'FROM input AS step\nARG needed\nARG ok=1\nCOPY --from=nowhere /a /b\nCOPY --from=src /a /b\n',
	'Dockerfile.root': 'FROM debian:stable AS system\n',
};

function run(hcl: string) {
	const tree = loadTree({files: [{name: 'docker-bake.hcl', content: hcl}]});
	return checkTree(tree, {readFile: (p) => files[p]}).map(
		(d) =>
			`${d.range ? `${d.range.file}:${d.range.start.line}:${d.range.start.col}: ` : ''}${d.severity}: ${d.summary}`,
	);
}

describe('checkTree', () => {
	it('reports a group naming a missing target, bad links and Dockerfile problems', () => {
		const out = run(`
target "system" {
  dockerfile = "Dockerfile.root"
  target = "system"
}
target "app" {
  dockerfile = "Dockerfile.step"
  target = "step"
  contexts = { input = "target:system", src = "target:missing" }
}
target "other" {
  dockerfile = "Dockerfile.none"
}
target "wrongstage" {
  dockerfile = "Dockerfile.root"
  target = "nope"
}
group "publish" {
  targets = ["app", "dockerhub"]
}
`);
		expect(
			out.some((l) =>
				/^docker-bake\.hcl:\d+:\d+: error: group "publish" names "dockerhub"/.test(l),
			),
		).toBe(true);
		expect(out.some((l) => l.includes('links to "target:missing"'))).toBe(true);
		expect(out).toContain(
			'Dockerfile.step:2:5: warning: target "app": ARG needed has no default and no value in args',
		);
		expect(out).toContain(
			'Dockerfile.step:4:13: error: target "app": COPY --from "nowhere" is neither a stage nor a context',
		);
		expect(out.some((l) => l.includes('"src"') && l.includes('COPY'))).toBe(false);
		expect(out.some((l) => l.includes('Dockerfile "Dockerfile.none" not found'))).toBe(true);
		expect(out.some((l) => l.includes('stage "nope" not found'))).toBe(true);
		expect(out.some((l) => l.includes('roots'))).toBe(true);
	});

	it('reports a target whose own fields do not resolve, at its block', () => {
		const out = run(`
target "system" {
  dockerfile = "Dockerfile.root"
}
target "app" {
  dockerfile = "Dockerfile.root"
  contexts = { input = "target:system" }
  secret = ["id"]
}
`);
		expect(out).toContain(
			"docker-bake.hcl:5:1: error: target app: invalid field 'id' must be a key=value pair",
		);
	});

	it('is quiet on a clean single-root tree', () => {
		expect(
			run(`
target "system" {
  dockerfile = "Dockerfile.root"
}
target "app" {
  dockerfile = "Dockerfile.step"
  target = "step"
  args = { needed = "x" }
  contexts = { input = "target:system", src = "target:system", nowhere = "target:system" }
}
`),
		).toEqual([]);
	});
});
