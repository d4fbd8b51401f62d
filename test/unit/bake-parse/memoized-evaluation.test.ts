// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are HCL source
// The evaluator evaluates matrix-independent attributes once per block and remembers pure
// user-function calls; these tests pin down that neither changes what is computed.

import {describe, expect, it} from 'vitest';
import {parseBakeFiles} from '../../../src/core/bake/parse/index.js';

function parse(content: string) {
	return parseBakeFiles([{name: 'docker-bake.hcl', content}], {env: {}});
}

function target(cfg: ReturnType<typeof parse>, name: string) {
	const t = cfg.targets.find((x) => x.name === name);
	if (!t) throw new Error(`no target ${name}`);
	return t;
}

describe('memoized evaluation', () => {
	it('does not remember user functions that call impure functions', () => {
		const cfg = parse(`
function "tag" {
  params = [x]
  result = "\${x}-\${uuidv4()}"
}
target "a" { tags = [tag("x")] }
target "b" { tags = [tag("x")] }
`);
		const a = target(cfg, 'a').tags?.[0];
		const b = target(cfg, 'b').tags?.[0];
		expect(a).toMatch(/^x-[0-9a-f-]{36}$/);
		expect(b).toMatch(/^x-[0-9a-f-]{36}$/);
		expect(a).not.toBe(b);
	});

	it('tells argument lists apart when remembering calls', () => {
		const cfg = parse(`
function "same" {
  params = [v]
  result = v
}
function "enc" {
  params = [v]
  result = jsonencode(same(v))
}
target "a" {
  args = {
    ab = enc(["a", "b"]), joined = enc(["ab"]), again = enc(["a", "b"])
    nested = enc([["a"], "b"]), empty = enc([]), flag = enc([true]), text = enc(["true"])
  }
}
`);
		expect(target(cfg, 'a').args).toEqual({
			ab: '["a","b"]',
			joined: '["ab"]',
			again: '["a","b"]',
			nested: '[["a"],"b"]',
			empty: '[]',
			flag: '[true]',
			text: '["true"]',
		});
	});

	it('keeps a chain of functions that call the next one twice linear', () => {
		// Without remembering calls this is 2^40 evaluations of f0: it would never finish.
		const fns = Array.from({length: 40}, (_, i) =>
			i === 0
				? 'function "f0" {\n  params = [x]\n  result = upper(x)\n}'
				: `function "f${i}" {\n  params = [x]\n  result = join("", [f${i - 1}(x), f${i - 1}(x)]) == "" ? "" : f${i - 1}(x)\n}`,
		);
		const cfg = parse(`${fns.join('\n')}\ntarget "a" { tags = [f39("a")] }\n`);
		expect(target(cfg, 'a').tags).toEqual(['A']);
	}, 10_000);

	it('shares attributes without matrix references and still evaluates the others per instance', () => {
		const cfg = parse(`
variable "REG" { default = "reg" }
function "n" {
  params = [p, v]
  result = "\${p}-\${v}"
}
target "t" {
  name = n("t", v)
  matrix = { v = ["a", "b", "c"] }
  tags = ["\${REG}/img:\${v}"]
  args = { reg = REG, ver = n("x", "y") }
  uuid = uuidv4()
}
`);
		for (const v of ['a', 'b', 'c']) {
			const t = target(cfg, `t-${v}`);
			expect(t.tags).toEqual([`reg/img:${v}`]);
			expect(t.args).toEqual({reg: 'reg', ver: 'x-y'});
		}
	});

	it('reports an error in a shared attribute', () => {
		expect(() =>
			parse(`
target "t" {
  name = "t-\${v}"
  matrix = { v = ["a", "b"] }
  dockerfile = nosuch
}
`),
		).toThrow(/nosuch/);
	});
});
