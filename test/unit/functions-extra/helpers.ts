import {Num} from '../../../src/core/cty/number.js';
import type {Value} from '../../../src/core/cty/value.js';
import {str} from '../../../src/core/cty/value.js';
import type {FunctionDef} from '../../../src/core/functions/types.js';

export const s = str;
export const n = (x: number | bigint): Value => ({kind: 'number', value: Num.fromInt(x)});

/** Calls a function's impl with already-typed arguments (call.ts does the conversion). */
export function call(table: Record<string, FunctionDef>, name: string, ...args: Value[]): Value {
	const def = table[name];
	if (!def) throw new Error(`no function ${name}`);
	return def.impl(args);
}

/** Plain JS view of a value, for compact assertions. */
export function js(v: Value): unknown {
	switch (v.kind) {
		case 'string':
		case 'bool':
			return v.value;
		case 'number':
			return v.value.toJsNumber();
		case 'null':
			return null;
		case 'list':
		case 'set':
		case 'tuple':
			return v.items.map(js);
		case 'map':
			return Object.fromEntries([...v.entries].map(([k, x]) => [k, js(x)]));
		case 'object':
			return Object.fromEntries([...v.attrs].map(([k, x]) => [k, js(x)]));
	}
}

export function callJs(
	table: Record<string, FunctionDef>,
	name: string,
	...args: Value[]
): unknown {
	return js(call(table, name, ...args));
}
