// The memo table of pure user-function calls: equal argument lists find the remembered value,
// lists that differ in any way (kinds, boundaries, lengths, nesting) never do.

import {describe, expect, it} from 'vitest';
import {Num} from '../../../src/core/cty/number.js';
import type {Value} from '../../../src/core/cty/value.js';
import {FALSE, list, nullOf, STRING, str, TRUE, tuple} from '../../../src/core/cty/value.js';
import {ArgMemo} from '../../../src/core/hcl/eval/arg-memo.js';

const marker = (s: string): Value => str(`result of ${s}`);

describe('ArgMemo', () => {
	it('finds a value stored under equal arguments built anew', () => {
		const memo = new ArgMemo();
		memo.set([str('target:system'), tuple([str('debian'), str('x86_64')])], marker('one'));
		expect(memo.get([str('target:system'), tuple([str('debian'), str('x86_64')])])).toEqual(
			marker('one'),
		);
	});

	it('keeps argument lists apart that a joined text would confuse', () => {
		const memo = new ArgMemo();
		const cases: [string, Value[]][] = [
			['a,bc', [str('a'), str('bc')]],
			['ab,c', [str('ab'), str('c')]],
			['abc', [str('abc')]],
			['a', [str('a')]],
			['tuple a,bc', [tuple([str('a'), str('bc')])]],
			['list a,bc', [list(STRING, [str('a'), str('bc')])]],
			['tuple (a),bc', [tuple([tuple([str('a')]), str('bc')])]],
			['tuple a,(bc)', [tuple([str('a'), tuple([str('bc')])])]],
			['empty tuple', [tuple([])]],
			['no args', []],
			['true', [TRUE]],
			['"true"', [str('true')]],
			['false', [FALSE]],
		];
		for (const [name, args] of cases) memo.set(args, marker(name));
		for (const [name, args] of cases) expect(memo.get(args), name).toEqual(marker(name));
		// A prefix of a stored list is not itself stored.
		expect(memo.get([str('a'), str('b')])).toBeUndefined();
		expect(memo.get([tuple([str('a')])])).toBeUndefined();
	});

	it('does not remember calls with numbers, nulls or objects', () => {
		const memo = new ArgMemo();
		const args: Value[][] = [
			[{kind: 'number', value: Num.fromInt(1)}],
			[nullOf(STRING)],
			[tuple([str('a'), {kind: 'number', value: Num.fromInt(2)}])],
			[{kind: 'object', attrs: new Map([['a', str('b')]])}],
		];
		for (const a of args) memo.set(a, marker('x'));
		for (const a of args) expect(memo.get(a)).toBeUndefined();
	});
});
