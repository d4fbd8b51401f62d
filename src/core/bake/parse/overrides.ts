// Turning an override string (environment, NAME_JSON, --var) into a variable value, with
// buildx's conversion table (hclparser resolveValue): JSON for typed NAME_JSON, CSV for
// collections of primitives, Go's ParseBool/ParseFloat for primitives.

import {convert} from '../../cty/convert.js';
import {jsonDecodeAs} from '../../cty/json.js';
import {Num} from '../../cty/number.js';
import {typeFriendlyName} from '../../cty/types.js';
import type {Type, Value} from '../../cty/value.js';
import {object, str, tuple} from '../../cty/value.js';

export class OverrideError extends Error {}

const quote = (s: string) => JSON.stringify(s);

/** Go strconv.ParseBool. */
export function parseGoBool(s: string): boolean | undefined {
	if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
	if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
	return undefined;
}

/** Go strconv.ParseFloat(s, 64) followed by buildx's NaN/Inf rejection. */
export function parseGoFloat(s: string): number | undefined {
	const t = s.replace(/_/g, '');
	if (!/^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|0[xX][0-9a-fA-F]+)$/.test(t))
		return undefined;
	const n = Number(t);
	return Number.isFinite(n) ? n : undefined;
}

function primitive(s: string, t: Type, what: (kind: string) => string): Value {
	switch (t.kind) {
		case 'string':
			return str(s);
		case 'bool': {
			const b = parseGoBool(s);
			if (b === undefined)
				throw new OverrideError(
					`${what('bool')}: strconv.ParseBool: parsing ${quote(s)}: invalid syntax`,
				);
			return {kind: 'bool', value: b};
		}
		case 'number': {
			const n = parseGoFloat(s);
			if (n === undefined)
				throw new OverrideError(
					`${what('number')}: strconv.ParseFloat: parsing ${quote(s)}: invalid syntax`,
				);
			return {kind: 'number', value: Num.fromJs(n)};
		}
		default:
			throw new OverrideError(`unsupported type ${typeFriendlyName(t)}`);
	}
}

const isPrimitive = (t: Type) => t.kind === 'string' || t.kind === 'number' || t.kind === 'bool';

/** Value of a typed variable from an override string. */
export function typedOverride(name: string, s: string, t: Type, fromJson: boolean): Value {
	if (fromJson) {
		try {
			return jsonDecodeAs(s, t);
		} catch (e) {
			throw new OverrideError(`failed to convert variable ${name} from JSON: ${msg(e)}`);
		}
	}
	if (isPrimitive(t)) return primitive(s, t, (k) => `failed to parse ${name} as ${k}`);
	const elemTypes = csvElementTypes(t);
	if (elemTypes === undefined || !elemTypes.every(isPrimitive)) {
		throw new OverrideError(`unsupported type ${typeFriendlyName(t)} for variable ${name}`);
	}
	try {
		return fromCsv(s, t);
	} catch (e) {
		throw new OverrideError(`failed to convert variable ${name} from CSV: ${msg(e)}`);
	}
}

/** Value of an untyped variable from an override string: the default's primitive type decides. */
export function untypedOverride(name: string, s: string, base: Value): Value {
	switch (base.kind) {
		case 'null':
		case 'string':
			return str(s);
		case 'bool':
		case 'number':
			return primitive(s, {kind: base.kind}, (k) => `failed to parse ${name} as ${k}`);
		default:
			throw new OverrideError(`unsupported type ${base.kind} for variable ${name}`);
	}
}

function csvElementTypes(t: Type): Type[] | undefined {
	switch (t.kind) {
		case 'list':
		case 'set':
		case 'map':
			return [t.elem];
		case 'tuple':
			return [...t.elems];
		default:
			return undefined;
	}
}

function fromCsv(s: string, t: Type): Value {
	const fields = splitCsv(s, ',');
	const elem = (f: string, et: Type) =>
		primitive(f, et, (k) => `failed to parse element of type ${k}`);
	switch (t.kind) {
		case 'list':
		case 'set':
			return convert(tuple(fields.map((f) => elem(f, t.elem))), t);
		case 'tuple': {
			if (fields.length !== t.elems.length) {
				throw new OverrideError(`expected ${t.elems.length} elements, got ${fields.length}`);
			}
			return tuple(fields.map((f, i) => elem(f, t.elems[i] as Type)));
		}
		case 'map': {
			const entries = fields.map((f) => {
				const kv = splitCsv(f, ':');
				if (kv.length !== 2)
					throw new OverrideError(`expected one k/v pair, got ${kv.length}: ${quote(f)}`);
				return [kv[0] as string, elem(kv[1] as string, t.elem)] as const;
			});
			return convert(object(entries), t);
		}
		default:
			throw new OverrideError(`unsupported type ${typeFriendlyName(t)} for CSV specification`);
	}
}

/** RFC 4180 fields of one record (go-csvvalue semantics) with a chosen separator. */
export function splitCsv(s: string, sep: string): string[] {
	const out: string[] = [];
	let i = 0;
	const fail = (col: number, why: string): never => {
		throw new OverrideError(
			`failed to parse ${quote(s)} as CSV: parse error on line 1, column ${col}: ${why}`,
		);
	};
	for (;;) {
		if (s[i] === '"') {
			let v = '';
			let j = i + 1;
			for (;;) {
				const q = s.indexOf('"', j);
				if (q < 0) fail(s.length + 1, 'extraneous or missing " in quoted-field');
				v += s.slice(j, q);
				if (s[q + 1] === '"') {
					v += '"';
					j = q + 2;
					continue;
				}
				i = q + 1;
				break;
			}
			if (i < s.length && s[i] !== sep) fail(i + 1, 'extraneous or missing " in quoted-field');
			out.push(v);
		} else {
			const end = s.indexOf(sep, i);
			const v = end < 0 ? s.slice(i) : s.slice(i, end);
			const q = v.indexOf('"');
			if (q >= 0) fail(i + q + 1, 'bare " in non-quoted-field');
			out.push(v);
			i = end < 0 ? s.length : end;
		}
		if (i >= s.length) return out;
		i++;
	}
}

function msg(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}
