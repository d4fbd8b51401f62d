// jsonencode / jsondecode (cty stdlib json.go) over cty/json.ts.

import {jsonDecode, jsonEncode} from '../cty/json.js';
import {str as strVal} from '../cty/value.js';
import {arg, pAny, pStr, str} from './args.js';
import type {FunctionDef} from './types.js';
import {FunctionArgError} from './types.js';

export const JSON_FUNCTIONS: Record<string, FunctionDef> = {
	jsonencode: {
		params: [pAny('val', true)],
		impl: (args) => strVal(jsonEncode(arg(args, 0))),
	},
	jsondecode: {
		params: [pStr('str')],
		impl: (args) => {
			try {
				return jsonDecode(str(args, 0));
			} catch (err) {
				throw new FunctionArgError(0, (err as Error).message);
			}
		},
	},
};
