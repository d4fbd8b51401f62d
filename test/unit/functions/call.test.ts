import {describe, expect, it} from 'vitest';
import {valueFromJs} from '../../../src/core/cty/format.js';
import {NUMBER, nullOf, STRING, str} from '../../../src/core/cty/value.js';
import {callFunction, FunctionArityError} from '../../../src/core/functions/call.js';
import {STDLIB} from '../../../src/core/functions/registry.js';
import type {FunctionDef} from '../../../src/core/functions/types.js';
import {FunctionArgError, FunctionError} from '../../../src/core/functions/types.js';

const echo: FunctionDef = {
	params: [
		{name: 's', type: STRING},
		{name: 'n', type: NUMBER},
	],
	varParam: {name: 'rest', type: STRING, allowNull: true},
	impl: (args) => str(args.map((a) => (a.kind === 'string' ? a.value : a.kind)).join(',')),
};

function thrown(f: () => unknown): Error {
	try {
		f();
	} catch (e) {
		return e as Error;
	}
	throw new Error('did not throw');
}

describe('callFunction', () => {
	it('converts arguments to parameter types, including variadic ones', () => {
		const r = callFunction('echo', echo, [valueFromJs(1), str('2'), valueFromJs(true), nullOf()]);
		expect(r).toEqual(str('1,number,true,null'));
	});
	it('reports arity with HCL wording', () => {
		const e = thrown(() => callFunction('echo', echo, [str('a')]));
		expect(e).toBeInstanceOf(FunctionArityError);
		expect((e as FunctionArityError).summary).toBe('Not enough function arguments');
		expect(e.message).toBe(
			'Function "echo" expects at least 2 argument(s). Missing value for "n".',
		);
		const upper = STDLIB.get('upper') as FunctionDef;
		const e2 = thrown(() => callFunction('upper', upper, [str('a'), str('b')]));
		expect((e2 as FunctionArityError).summary).toBe('Too many function arguments');
		expect(e2.message).toBe('Function "upper" expects only 1 argument(s).');
	});
	it('turns conversion failures and nulls into argument errors', () => {
		const e = thrown(() => callFunction('echo', echo, [str('a'), str('x')]));
		expect(e).toBeInstanceOf(FunctionArgError);
		expect((e as FunctionArgError).argIndex).toBe(1);
		expect(e.message).toBe('a number is required');
		const e2 = thrown(() => callFunction('echo', echo, [nullOf(), valueFromJs(1)]));
		expect((e2 as FunctionArgError).argIndex).toBe(0);
		expect(e2.message).toBe('argument must not be null');
		const e3 = thrown(() => callFunction('echo', echo, [valueFromJs(['x']), valueFromJs(1)]));
		expect(e3.message).toBe('string required');
	});
	it('wraps plain implementation errors as FunctionError', () => {
		const bad: FunctionDef = {
			params: [],
			impl: () => {
				throw new Error('boom');
			},
		};
		const e = thrown(() => callFunction('bad', bad, []));
		expect(e).toBeInstanceOf(FunctionError);
		expect(e.message).toBe('boom');
	});
});

describe('STDLIB', () => {
	it("holds bake's 103 value functions (try/can/convert belong to the evaluator)", () => {
		expect(STDLIB.size).toBe(103);
		for (const name of ['try', 'can', 'convert']) expect(STDLIB.has(name)).toBe(false);
		for (const name of ['format', 'indexof', 'setproduct', 'bcrypt', 'regex_replace', 'subtract']) {
			expect(STDLIB.has(name), name).toBe(true);
		}
	});
});
