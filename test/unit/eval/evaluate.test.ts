import {describe, expect, it} from 'vitest';
import {renderValue} from '../../../src/core/cty/format.js';
import type {Value} from '../../../src/core/cty/value.js';
import {str} from '../../../src/core/cty/value.js';
import {evaluateExpr, makeUserFunction, Scope} from '../../../src/core/hcl/eval/index.js';
import {parseExpression} from '../../../src/core/hcl/parser.js';

function run(src: string, scope = new Scope({vars: [['x', str('hi')]], functions: new Map()})) {
	const e = parseExpression(src, 't.hcl');
	expect(e.diagnostics).toEqual([]);
	const r = evaluateExpr(e.expr, scope);
	return {
		value: r.value ? renderValue(r.value) : undefined,
		errors: r.diagnostics.map((d) => `${d.summary}: ${d.detail}`),
		diags: r.diagnostics,
	};
}

describe('evaluator', () => {
	it('evaluates templates, conditionals, for-expressions and splats', () => {
		expect(run('"${x}-%{if x == "hi"}yes%{else}no%{endif}"').value).toBe('"hi-yes"');
		expect(run('[for i, v in ["a","b"]: "${i}${v}" if v != "c"]').value).toBe('["0a", "1b"]');
		expect(run('{for k, v in {a=1, b=1}: v => k...}').value).toBe('{"1" = ["a", "b"]}');
		expect(run('null[*].a').value).toBe('[]');
		expect(run('"a"[*]').value).toBe('["a"]');
		expect(run('[{a=1},{a=2}][*].a').value).toBe('[1, 2]');
		expect(run('true ? 1 : "a"').value).toBe('"1"');
	});

	it('reports HCL errors with their wording and range', () => {
		const r = run('nope + 1');
		expect(r.errors).toEqual(['Unknown variable: There is no variable named "nope".']);
		expect(r.diags[0]?.range?.start.col).toBe(1);
		expect(r.diags[0]?.range?.end.col).toBe(5);
		expect(run('{a=1}.b').errors).toEqual([
			'Unsupported attribute: This object does not have an attribute named "b".',
		]);
		expect(run('f(1)').errors).toEqual([
			'Call to unknown function: There is no function named "f".',
		]);
		expect(run('{for k in ["a","a"]: k => 1}').errors[0]).toMatch(/^Duplicate object key/);
		expect(run('1 ? 2 : 3').errors).toEqual([
			'Incorrect condition type: The condition expression must be of type bool.',
		]);
		expect(run('"a${null}"').errors[0]).toMatch(/^Invalid template interpolation value/);
	});

	it('collects every error of one expression', () => {
		expect(run('[a, b, "${c}"]').errors).toHaveLength(3);
	});

	it('drops errors of the branch not taken', () => {
		expect(run('true ? 1 : nope').value).toBe('1');
	});

	it('implements try, can and convert', () => {
		expect(run('try(nope, 3)').value).toBe('3');
		expect(run('can(nope)').value).toBe('false');
		expect(run('convert(1, string)').value).toBe('"1"');
		expect(run('try(nope)').errors[0]).toMatch(/no expression succeeded/);
	});

	it('resolves lazy globals once', () => {
		let calls = 0;
		const scope = new Scope({
			functions: new Map(),
			resolver: (name) => {
				calls++;
				return name === 'lazy' ? ({kind: 'string', value: 'v'} as Value) : undefined;
			},
		});
		expect(run('"${lazy}${lazy}"', scope).value).toBe('"vv"');
		expect(calls).toBe(1);
	});

	it('runs user functions and stops recursion', () => {
		const global = new Scope({functions: new Map()});
		const body = parseExpression('"<${a}>${length(rest)}"', 't.hcl').expr;
		const lenDef = {
			params: [{name: 'v', type: {kind: 'dynamic'} as const}],
			impl: (args: readonly Value[]): Value => {
				const v = args[0];
				return {kind: 'string', value: String(v && 'items' in v ? v.items.length : 0)};
			},
		};
		global.defineFunction('length', lenDef);
		global.defineFunction(
			'f',
			makeUserFunction({name: 'f', params: ['a'], variadic: 'rest', result: body}, () => global),
		);
		expect(run('f("x", 1, 2)', global).value).toBe('"<x>2"');
		const rec = parseExpression('g(a)', 't.hcl').expr;
		global.defineFunction(
			'g',
			makeUserFunction({name: 'g', params: ['a'], result: rec}, () => global),
		);
		expect(run('g(1)', global).errors.join()).toMatch(/function cycle not allowed for g/);
		// A name given twice is bound to the later argument (hcl's userfunc sets them in order).
		const twice = parseExpression('[a, b]', 't.hcl').expr;
		global.defineFunction(
			'h',
			makeUserFunction({name: 'h', params: ['a', 'a'], variadic: 'b', result: twice}, () => global),
		);
		expect(run('h("first", "second", "rest")', global).value).toBe('["second", ["rest"]]');
		// The variadic parameter is bound last: it wins over a parameter of the same name.
		const onlyA = parseExpression('a', 't.hcl').expr;
		global.defineFunction(
			'k',
			makeUserFunction({name: 'k', params: ['a'], variadic: 'a', result: onlyA}, () => global),
		);
		expect(run('k("one", "two")', global).value).toBe('["two"]');
	});
});
