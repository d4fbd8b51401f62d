// format and formatlist (cty stdlib format.go).

import type {Value} from '../cty/value.js';
import {list, STRING, str as strVal} from '../cty/value.js';
import {p, pAny, pStr, str} from './args.js';
import {formatString} from './format-verbs.js';
import type {FunctionDef} from './types.js';
import {FunctionArgError} from './types.js';

export const FORMAT_FUNCTIONS: Record<string, FunctionDef> = {
	format: {
		params: [pStr('format')],
		varParam: pAny('args', true),
		impl: (args) => strVal(formatString(str(args, 0), args.slice(1))),
	},
	formatlist: {
		params: [p('format', STRING)],
		varParam: pAny('args', true),
		impl: (args) => {
			const fmt = str(args, 0);
			const rest = args.slice(1);
			if (rest.length === 0) return list(STRING, [strVal(formatString(fmt, []))]);
			let iterLen = -1;
			let chooser = -1;
			rest.forEach((a, i) => {
				if (a.kind !== 'list' && a.kind !== 'set' && a.kind !== 'tuple') return;
				if (iterLen === -1) {
					iterLen = a.items.length;
					chooser = i;
				} else if (a.items.length !== iterLen) {
					throw new FunctionArgError(
						i + 1,
						`argument ${i + 1} has length ${a.items.length}, which is inconsistent with argument ${chooser + 1} of length ${iterLen}`,
					);
				}
			});
			if (iterLen === 0) return list(STRING, []);
			const n = iterLen === -1 ? 1 : iterLen;
			const out: Value[] = [];
			for (let k = 0; k < n; k++) {
				const fa = rest.map((a) =>
					a.kind === 'list' || a.kind === 'set' || a.kind === 'tuple' ? (a.items[k] as Value) : a,
				);
				try {
					out.push(strVal(formatString(fmt, fa)));
				} catch (err) {
					throw new Error(`error on format iteration ${k}: ${(err as Error).message}`);
				}
			}
			return list(STRING, out);
		},
	},
};
