import {describe, expect, it} from 'vitest';
import {parseBakeFiles} from '../../../src/core/bake/parse/index.js';
import {DiagnosticError} from '../../../src/core/diagnostics.js';
import {hclDiagnosticsString} from '../../../src/core/hcl/eval/index.js';

function parse(
	content: string,
	opts: Parameters<typeof parseBakeFiles>[1] = {},
	name = 'docker-bake.hcl',
) {
	return parseBakeFiles([{name, content}], opts);
}

function parseError(
	content: string,
	opts: Parameters<typeof parseBakeFiles>[1] = {},
	name = 'docker-bake.hcl',
): string {
	try {
		parse(content, opts, name);
	} catch (e) {
		if (e instanceof DiagnosticError) return hclDiagnosticsString(e.diagnostics);
		throw e;
	}
	throw new Error('expected an error');
}

describe('parseBakeFiles', () => {
	it('evaluates lazily, in any declaration order', () => {
		const cfg = parse(`
target "app" { args = { v = "\${B}" } }
variable "B" { default = "\${A}-b" }
variable "A" { default = "a" }
`);
		expect(cfg.targets[0]?.args).toEqual({v: 'a-b'});
	});

	it('reports variable and reference cycles', () => {
		expect(parseError('variable "A" { default = B }\nvariable "B" { default = A }')).toContain(
			'variable cycle not allowed for',
		);
		expect(
			parseError(
				'target "a" { context = target.b.context }\ntarget "b" { context = target.a.context }',
			),
		).toContain('reference cycle not allowed for target.');
	});

	it('expands matrices with names and adds a group named after the label', () => {
		const cfg = parse(`
target "app" {
  name = "app-\${v}"
  matrix = { v = ["1", "2"] }
  args = { V = v }
}`);
		expect(cfg.targets.map((t) => t.name)).toEqual(['app-1', 'app-2']);
		expect(cfg.groups).toEqual([{name: 'app', targets: ['app-1', 'app-2']}]);
		expect(cfg.targetOrigins.get('app-2')?.block).toBe('app');
		expect(parse('target "e" {\n name = "x${v}"\n matrix = { v = [] }\n}').targets).toEqual([]);
		expect(parseError('target "a" {\n name = "a.b"\n matrix = {}\n}')).toContain(
			'Invalid name; only "[a-zA-Z0-9_-]+" are allowed',
		);
		expect(parseError('target "a" {\n name = "x"\n}')).toContain('name requires matrix');
		expect(parseError('target "a" {\n matrix = { v = [1, 2] }\n}')).toContain('duplicate name "a"');
	});

	it('converts env overrides by the variable type', () => {
		const src = `
variable "N" { default = 1 }
variable "B" { default = false }
variable "L" { type = list(number) }
variable "M" { type = map(string) }
variable "S" {}
target "t" { args = { n = N, b = B, l = join("-", L), m = M.k, s = S } }`;
		const cfg = parse(src, {env: {N: '2.5', B: 'T', L: '1,2', M: 'k:v', S: 'x'}});
		expect(cfg.targets[0]?.args).toEqual({n: '2.5', b: 'true', l: '1-2', m: 'v', s: 'x'});
		const off = parse(src, {
			env: {S: 'x', BUILDX_BAKE_DISABLE_VARS_ENV_LOOKUP: '1', L: '1', M: 'k:v'},
			vars: {L: '3', M: 'k:w'},
		});
		expect(off.targets[0]?.args?.s).toBe('');
		expect(off.targets[0]?.args?.l).toBe('3');
		expect(parseError(src, {env: {N: 'x'}})).toContain('failed to parse N as number');
		expect(
			parse(src, {env: {S: 'env', L: '1', M: 'k:v'}, defaults: {S: 'builtin'}}).variables.map(
				(v) => v.name,
			),
		).not.toContain('S');
	});

	it('reads HCL-JSON files with positions', () => {
		const json = `{
  "variable": {"TAG": {"default": "v1"}},
  "function": {"up": {"params": ["s"], "result": "\${upper(s)}"}},
  "target": {"app": {"tags": ["r:\${up(TAG)}", "plain(x)"]}}
}`;
		const cfg = parse(json, {}, 'docker-bake.json');
		expect(cfg.targets[0]?.tags).toEqual(['r:V1', 'plain(x)']);
		const err = parseError('{"target": {"app": {"context": "${nope}"}}}', {}, 'x.json');
		expect(err).toMatch(/^x\.json:1,35-39: Unknown variable/);
	});

	it('checks user functions even when unused', () => {
		expect(parseError('function "f" {\n result = 1\n}')).toContain(
			'empty params not allowed for f',
		);
		expect(parseError('function "f" {\n params = []\n}')).toContain(
			'empty result not allowed for f',
		);
		expect(parseError('function "f" {\n params = []\n result = f()\n}')).toContain(
			'function cycle not allowed for f',
		);
	});

	it('merges repeated target blocks and ignores unknown attributes', () => {
		const cfg = parse(`
target "a" {
  tags = ["x"]
  args = { A = "1" }
  cache_to = ["ignored"]
  variable "nested" { default = "x" }
}
target "a" { args = { B = "2" } }`);
		expect(cfg.targets).toEqual([{name: 'a', tags: ['x'], args: {A: '1', B: '2'}}]);
		expect(cfg.targetOrigins.get('a')?.blockRanges).toHaveLength(2);
	});
});
