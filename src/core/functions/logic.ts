// Boolean and comparison functions (cty stdlib bool.go, equality and number comparisons).

import {valuesEqual} from '../cty/equal.js';
import {bool} from '../cty/value.js';
import {arg, boolArg, num, pAny, pBool, pNum} from './args.js';
import type {FunctionDef} from './types.js';

function compare(test: (c: number) => boolean): FunctionDef {
	return {
		params: [pNum('a'), pNum('b')],
		impl: (args) => bool(test(num(args, 0).cmp(num(args, 1)))),
	};
}

export const LOGIC_FUNCTIONS: Record<string, FunctionDef> = {
	not: {params: [pBool('val')], impl: (args) => bool(!boolArg(args, 0))},
	and: {
		params: [pBool('a'), pBool('b')],
		impl: (args) => bool(boolArg(args, 0) && boolArg(args, 1)),
	},
	or: {
		params: [pBool('a'), pBool('b')],
		impl: (args) => bool(boolArg(args, 0) || boolArg(args, 1)),
	},
	equal: {
		params: [pAny('a', true), pAny('b', true)],
		impl: (args) => bool(valuesEqual(arg(args, 0), arg(args, 1))),
	},
	notequal: {
		params: [pAny('a', true), pAny('b', true)],
		impl: (args) => bool(!valuesEqual(arg(args, 0), arg(args, 1))),
	},
	greaterthan: compare((c) => c > 0),
	greaterthanorequalto: compare((c) => c >= 0),
	lessthan: compare((c) => c < 0),
	lessthanorequalto: compare((c) => c <= 0),
};
