// Test helpers: call a stdlib function on JS-ish arguments and render the result.

import {renderValue, valueFromJs} from '../../../src/core/cty/format.js';
import type {Value} from '../../../src/core/cty/value.js';
import {callFunction} from '../../../src/core/functions/call.js';
import {STDLIB} from '../../../src/core/functions/registry.js';

export function call(name: string, ...args: unknown[]): Value {
	const def = STDLIB.get(name);
	if (!def) throw new Error(`no function ${name}`);
	const vals = args.map((a) => (isValue(a) ? a : valueFromJs(a)));
	return callFunction(name, def, vals);
}

/** The result rendered as an HCL-ish literal. */
export function r(name: string, ...args: unknown[]): string {
	return renderValue(call(name, ...args));
}

/** The message of the error the call throws (fails the test if it does not throw). */
export function err(name: string, ...args: unknown[]): string {
	try {
		call(name, ...args);
	} catch (e) {
		return (e as Error).message;
	}
	throw new Error(`${name} did not fail`);
}

function isValue(x: unknown): x is Value {
	return (
		typeof x === 'object' &&
		x !== null &&
		'kind' in x &&
		typeof (x as {kind: unknown}).kind === 'string' &&
		['string', 'number', 'bool', 'null', 'list', 'set', 'map', 'tuple', 'object'].includes(
			(x as {kind: string}).kind,
		)
	);
}
