// Turning values into text and plain data: template interpolation (HCL's rules), an HCL-like
// literal for UIs, and a JSON-like JS form (valueToJs / valueFromJs) for tools and tests.

import {ConversionError, convert} from './convert.js';
import {Num} from './number.js';
import {setValue} from './set.js';
import {typeOf} from './types.js';
import type {Value} from './value.js';
import {bool, DYNAMIC, nullOf, object, STRING, str, tuple} from './value.js';

/** A value that cannot be interpolated; summary/detail are HCL's. */
export class TemplateValueError extends Error {
	readonly summary = 'Invalid template interpolation value';
	readonly detail: string;
	constructor(detail: string) {
		super(detail);
		this.name = 'TemplateValueError';
		this.detail = detail;
	}
}

/** `"${v}"`: strings as they are, numbers as cty prints them, bools as true/false. */
export function valueToString(v: Value): string {
	if (v.kind === 'string') return v.value;
	if (v.kind === 'null') {
		throw new TemplateValueError(
			'The expression result is null. Cannot include a null value in a string template.',
		);
	}
	try {
		const s = convert(v, STRING);
		if (s.kind === 'string') return s.value;
	} catch (err) {
		if (!(err instanceof ConversionError)) throw err;
		throw new TemplateValueError(
			`Cannot include the given value in a string template: ${err.message}.`,
		);
	}
	throw new TemplateValueError(
		'Cannot include the given value in a string template: string required.',
	);
}

function quoteHcl(s: string): string {
	// Function replacers: in a replacement string "$$" would mean a single "$".
	return JSON.stringify(s)
		.replace(/\$\{/g, () => '$${')
		.replace(/%\{/g, () => '%%{');
}

function keyText(k: string): string {
	return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : quoteHcl(k);
}

/** HCL-ish literal (`{a = 1, b = ["x"]}`), on one line; for display only. */
export function renderValue(v: Value): string {
	switch (v.kind) {
		case 'string':
			return quoteHcl(v.value);
		case 'number':
			return v.value.toString();
		case 'bool':
			return String(v.value);
		case 'null':
			return 'null';
		case 'list':
		case 'set':
		case 'tuple':
			return `[${v.items.map(renderValue).join(', ')}]`;
		case 'map':
		case 'object': {
			const es = v.kind === 'map' ? v.entries : v.attrs;
			if (es.size === 0) return '{}';
			return `{${[...es].map(([k, x]) => `${keyText(k)} = ${renderValue(x)}`).join(', ')}}`;
		}
	}
}

/**
 * Plain data: strings, booleans, null; numbers as JS numbers when the conversion is exact,
 * otherwise as their decimal string (so 2^53+1 or 0.1+0.2 at 512 bits stay faithful);
 * lists/sets/tuples as arrays; maps/objects as plain objects with sorted keys.
 */
export function valueToJs(v: Value): unknown {
	switch (v.kind) {
		case 'string':
		case 'bool':
			return v.value;
		case 'number': {
			const n = v.value.toJsNumber();
			return Number.isFinite(n) && Num.fromJs(n).eq(v.value) ? n : v.value.toString();
		}
		case 'null':
			return null;
		case 'list':
		case 'set':
		case 'tuple':
			return v.items.map(valueToJs);
		case 'map':
		case 'object': {
			const out: Record<string, unknown> = {};
			for (const [k, x] of v.kind === 'map' ? v.entries : v.attrs) out[k] = valueToJs(x);
			return out;
		}
	}
}

/** The reverse, with implied types: arrays become tuples, objects objects, JS sets sets. */
export function valueFromJs(x: unknown): Value {
	if (x === null || x === undefined) return nullOf();
	if (typeof x === 'string') return str(x);
	if (typeof x === 'boolean') return bool(x);
	if (typeof x === 'number') {
		return {kind: 'number', value: Number.isInteger(x) ? Num.fromInt(x) : Num.fromJs(x)};
	}
	if (typeof x === 'bigint') return {kind: 'number', value: Num.fromInt(x)};
	if (x instanceof Num) return {kind: 'number', value: x};
	if (Array.isArray(x)) return tuple(x.map(valueFromJs));
	if (x instanceof Set) {
		const items = [...x].map(valueFromJs);
		return setValue(items[0] ? typeOf(items[0]) : DYNAMIC, items);
	}
	if (typeof x === 'object') {
		return object(
			Object.entries(x as Record<string, unknown>).map(([k, y]) => [k, valueFromJs(y)]),
		);
	}
	throw new Error(`cannot represent ${typeof x} as a cty value`);
}
