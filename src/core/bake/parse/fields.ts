// Target and group fields: their cty types (how `target.x.field` reads) and the decoding of an
// evaluated attribute into the raw config (gohcl's DecodeExpression: convert, else
// "Unsuitable value type").

import {convert} from '../../cty/convert.js';
import type {Type, Value} from '../../cty/value.js';
import {BOOL, DYNAMIC, nullOf, object, STRING, tuple} from '../../cty/value.js';
import type {CompositeEntry, TargetField} from '../config.js';
import {TARGET_FIELDS} from '../config.js';

type FieldKind = 'string' | 'bool' | 'list' | 'map' | 'composite' | 'resources';

const KINDS: Readonly<Record<TargetField, FieldKind>> = {
	description: 'string',
	inherits: 'list',
	annotations: 'list',
	attest: 'composite',
	context: 'string',
	contexts: 'map',
	dockerfile: 'string',
	'dockerfile-inline': 'string',
	args: 'map',
	labels: 'map',
	tags: 'list',
	'cache-from': 'composite',
	'cache-to': 'composite',
	target: 'string',
	secret: 'composite',
	ssh: 'composite',
	platforms: 'list',
	output: 'composite',
	pull: 'bool',
	'no-cache': 'bool',
	network: 'string',
	'no-cache-filter': 'list',
	'shm-size': 'string',
	ulimits: 'list',
	resources: 'resources',
	call: 'string',
	entitlements: 'list',
	'extra-hosts': 'map',
	policy: 'composite',
};

export const TARGET_FIELD_SET: ReadonlySet<string> = new Set(TARGET_FIELDS);
export const GROUP_FIELDS: readonly string[] = ['description', 'targets'];

export class DecodeError extends Error {}

/** Decoded JS value of a field, or undefined for null (an unset pointer in buildx). */
export type Decoded =
	| string
	| boolean
	| readonly string[]
	| Record<string, unknown>
	| readonly CompositeEntry[];

function conv(v: Value, t: Type): Value {
	return convert(v, t);
}

const LIST_STRING: Type = {kind: 'list', elem: STRING};
const MAP_STRING: Type = {kind: 'map', elem: STRING};

export function decodeField(kind: FieldKind | 'group-targets', v: Value): Decoded | undefined {
	if (v.kind === 'null') return undefined;
	switch (kind) {
		case 'string':
			return asString(conv(v, STRING));
		case 'bool': {
			const b = conv(v, BOOL);
			return b.kind === 'bool' ? b.value : undefined;
		}
		case 'list':
		case 'group-targets': {
			const direct = stringItems(v);
			if (direct) return direct;
			const l = conv(v, LIST_STRING);
			if (l.kind !== 'list') return [];
			return l.items.map((it) => {
				if (it.kind === 'null') throw new DecodeError('element must not be null');
				return asString(it);
			});
		}
		case 'map': {
			const direct = stringAttrs(v);
			if (direct) return direct;
			const m = conv(v, MAP_STRING);
			const out: Record<string, string | null> = {};
			if (m.kind === 'map')
				for (const [k, it] of m.entries) out[k] = it.kind === 'null' ? null : asString(it);
			return out;
		}
		case 'composite':
			return decodeComposite(v);
		case 'resources': {
			if (v.kind !== 'object' && v.kind !== 'map') throw new DecodeError('object required');
			const out: Record<string, string | number | null> = {};
			const entries = v.kind === 'object' ? v.attrs : v.entries;
			for (const [k, it] of entries) {
				if (it.kind === 'null') out[k] = null;
				else if (it.kind === 'number') out[k] = it.value.toJsNumber();
				else out[k] = asString(conv(it, STRING));
			}
			return out;
		}
	}
}

// Fast paths for the shapes nearly every field has (`["a", "b"]`, `{k = "v"}`): when every
// element is already a string, the conversion to list(string) / map(string) is the identity,
// so the strings are read directly instead of building converted cty values first.

function stringItems(v: Value): string[] | undefined {
	if (v.kind !== 'tuple' && v.kind !== 'list') return undefined;
	const out: string[] = new Array(v.items.length);
	for (let i = 0; i < v.items.length; i++) {
		const it = v.items[i] as Value;
		if (it.kind !== 'string') return undefined;
		out[i] = it.value;
	}
	return out;
}

function stringAttrs(v: Value): Record<string, string> | undefined {
	if (v.kind !== 'object' && v.kind !== 'map') return undefined;
	const out: Record<string, string> = {};
	let strings = true;
	// forEach, not for-of: before V8 compiles it, a for-of over a Map makes an entry array and
	// a result object per step, for every args and contexts map of every target instance.
	(v.kind === 'object' ? v.attrs : v.entries).forEach((it, k) => {
		if (it.kind !== 'string') strings = false;
		else out[k] = it.value;
	});
	return strings ? out : undefined;
}

export function fieldKind(name: string): FieldKind {
	return KINDS[name as TargetField];
}

function asString(v: Value): string {
	if (v.kind !== 'string') throw new DecodeError('string required');
	return v.value;
}

/** A list of CSV strings or objects (`{type = "local", dest = "x"}`). */
function decodeComposite(v: Value): CompositeEntry[] {
	const items = v.kind === 'list' || v.kind === 'tuple' || v.kind === 'set' ? v.items : undefined;
	if (!items) throw new DecodeError('list of string or object required');
	const out: CompositeEntry[] = [];
	for (const it of items) {
		if (it.kind === 'null') continue;
		if (it.kind === 'object' || it.kind === 'map') {
			const rec: Record<string, string> = {};
			for (const [k, x] of it.kind === 'object' ? it.attrs : it.entries) {
				if (x.kind === 'null') continue;
				if (x.kind === 'list' || x.kind === 'tuple' || x.kind === 'set') {
					rec[k] = x.items.map((y) => asString(conv(y, STRING))).join(',');
				} else rec[k] = asString(conv(x, STRING));
			}
			out.push(rec);
		} else out.push(asString(conv(it, STRING)));
	}
	return out;
}

/** The cty value a decoded field shows to `target.<name>.<field>` references. */
export function fieldToCty(kind: FieldKind, d: Decoded | undefined): Value {
	if (d === undefined) return nullOf(ctyTypeOf(kind));
	switch (kind) {
		case 'string':
			return {kind: 'string', value: d as string};
		case 'bool':
			return {kind: 'bool', value: d as boolean};
		case 'list':
			return {
				kind: 'list',
				elem: STRING,
				items: (d as string[]).map((s) => ({kind: 'string', value: s})),
			};
		case 'map': {
			const entries = Object.entries(d as Record<string, string | null>).map(
				([k, s]) =>
					[k, s === null ? nullOf(STRING) : ({kind: 'string', value: s} as Value)] as const,
			);
			return {
				kind: 'map',
				elem: STRING,
				entries: new Map([...entries].sort((a, b) => (a[0] < b[0] ? -1 : 1))),
			};
		}
		case 'composite':
			return tuple((d as CompositeEntry[]).map(compositeToCty));
		case 'resources':
			return object(
				Object.entries(d as Record<string, string | number | null>).map(([k, x]) => [
					k,
					x === null ? nullOf(DYNAMIC) : ({kind: 'string', value: String(x)} as Value),
				]),
			);
	}
}

function compositeToCty(e: CompositeEntry): Value {
	const rec: Record<string, string> = typeof e === 'string' ? parseCsvPairs(e) : e;
	return object(Object.entries(rec).map(([k, s]) => [k, {kind: 'string', value: s} as Value]));
}

/** `type=local,dest=out` as key/value pairs (a bare first field is a registry ref). */
function parseCsvPairs(s: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const f of s.split(',')) {
		const i = f.indexOf('=');
		if (i < 0) out.ref = f;
		else out[f.slice(0, i).trim()] = f.slice(i + 1);
	}
	return out;
}

function ctyTypeOf(kind: FieldKind): Type {
	switch (kind) {
		case 'string':
			return STRING;
		case 'bool':
			return BOOL;
		case 'list':
			return LIST_STRING;
		case 'map':
			return MAP_STRING;
		default:
			return DYNAMIC;
	}
}
