// The value model of a loaded compose file: what go-yaml v3 hands compose-go when it decodes a
// document into `interface{}`. Mappings are null-prototype records (a key `__proto__` is just a
// key), sequences are arrays, scalars are strings, booleans, null or GoNumber. Numbers keep
// whether YAML wrote an int or a float because Go prints them differently (`fmt.Sprint(1e6)` is
// "1e+06" for a float, "1000000" for an int) and that text ends up in build args and labels.

export class GoNumber {
	readonly float: boolean;
	readonly value: number | bigint;
	constructor(float: boolean, value: number | bigint) {
		this.float = float;
		this.value = value;
	}
}

/** A compose `!reset` tag: the value is dropped when files merge (compose-go ResetProcessor). */
export class ResetTag {
	readonly kind = 'reset';
}

/** A compose `!override` tag: the value replaces the earlier one instead of merging into it. */
export class OverrideTag {
	readonly value: YValue;
	constructor(value: YValue) {
		this.value = value;
	}
}

export type YScalar = string | boolean | null | GoNumber;
export interface YMap {
	[key: string]: YValue;
}
export type YValue = YScalar | YMap | YValue[] | ResetTag | OverrideTag;

export function isMap(v: unknown): v is YMap {
	return (
		typeof v === 'object' &&
		v !== null &&
		!Array.isArray(v) &&
		!(v instanceof GoNumber) &&
		!(v instanceof ResetTag) &&
		!(v instanceof OverrideTag)
	);
}

export function newMap(): YMap {
	return Object.create(null) as YMap;
}

export function has(m: YMap, key: string): boolean {
	return Object.hasOwn(m, key);
}

/** A deep copy: merging mutates, and the same document value can be merged twice (extends). */
export function clone(v: YValue): YValue {
	if (Array.isArray(v)) return v.map(clone);
	if (v instanceof OverrideTag) return new OverrideTag(clone(v.value));
	if (isMap(v)) {
		const out = newMap();
		for (const [k, x] of Object.entries(v)) out[k] = clone(x);
		return out;
	}
	return v;
}

/** Removes merge markers left over after the last merge: `!reset` drops, `!override` unwraps. */
export function stripTags(v: YValue): YValue {
	if (v instanceof OverrideTag) return stripTags(v.value);
	if (Array.isArray(v)) return v.filter((x) => !(x instanceof ResetTag)).map(stripTags);
	if (isMap(v)) {
		const out = newMap();
		for (const [k, x] of Object.entries(v)) if (!(x instanceof ResetTag)) out[k] = stripTags(x);
		return out;
	}
	return v;
}

/** Go's fmt.Sprint of a decoded YAML scalar: how compose-go turns `buildno: 1` into "1". */
export function goSprint(v: YValue): string {
	if (v === null) return '<nil>';
	if (typeof v === 'string') return v;
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	if (v instanceof GoNumber) return v.float ? goFloat(Number(v.value)) : String(v.value);
	return String(v);
}

/** Go's %v for a float64: shortest digits, exponent form below 1e-4 or from 1e6 up (`1e+06`). */
export function goFloat(x: number): string {
	if (Number.isNaN(x)) return 'NaN';
	if (x === Number.POSITIVE_INFINITY) return '+Inf';
	if (x === Number.NEGATIVE_INFINITY) return '-Inf';
	if (x === 0) return Object.is(x, -0) ? '-0' : '0';
	const [mant = '', expText = '0'] = x.toExponential().split('e');
	const exp = Number(expText);
	if (exp < -4 || exp >= 6)
		return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
	return String(x);
}

/** Go's fmt %.Ng (N significant digits, no trailing zeros), as docker's units.BytesSize uses. */
export function goFormatG(x: number, precision: number): string {
	if (x === 0) return '0';
	const [mant = '', expText = '0'] = x.toExponential(precision - 1).split('e');
	const exp = Number(expText);
	const trim = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
	if (exp < -4 || exp >= precision)
		return `${trim(mant)}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
	return trim(x.toFixed(Math.max(0, precision - 1 - exp)));
}

/** The JSON-schema type of a value (validate.ts words it as compose-go does). */
export function typeName(v: YValue): string {
	if (v === null) return 'null';
	if (typeof v === 'string') return 'string';
	if (typeof v === 'boolean') return 'boolean';
	if (v instanceof GoNumber) return v.float ? 'number' : 'integer';
	if (Array.isArray(v)) return 'array';
	return 'object';
}
