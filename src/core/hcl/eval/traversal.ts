// Attribute access and indexing with HCL's rules and wording (hcl ops.go GetAttr / Index).
// Each returns the value, or a diagnostic describing why the step failed.

import type {Type, Value} from '../../cty/value.js';
import {NUMBER, STRING} from '../../cty/value.js';
import type {Diagnostic, Range} from '../../diagnostics.js';
import {errorAt} from '../../diagnostics.js';
import {convert, typeFriendlyName, typeOf} from './cty-bridge.js';
import {quote} from './errors.js';

export type StepResult = {ok: true; value: Value} | {ok: false; diag: Diagnostic};

function fail(range: Range, summary: string, detail: string): StepResult {
	return {ok: false, diag: errorAt(range, summary, detail)};
}

export function getAttr(obj: Value, name: string, range: Range): StepResult {
	if (obj.kind === 'null') {
		return fail(
			range,
			'Attempt to get attribute from null value',
			'This value is null, so it does not have any attributes.',
		);
	}
	const unsupported = 'Unsupported attribute';
	switch (obj.kind) {
		case 'object': {
			const v = obj.attrs.get(name);
			if (v === undefined) {
				return fail(
					range,
					unsupported,
					`This object does not have an attribute named ${quote(name)}.`,
				);
			}
			return {ok: true, value: v};
		}
		case 'map': {
			const v = obj.entries.get(name);
			if (v === undefined) {
				return fail(
					range,
					'Missing map element',
					`This map does not have an element with the key ${quote(name)}.`,
				);
			}
			return {ok: true, value: v};
		}
		case 'list':
		case 'set': {
			if (obj.elem.kind === 'object') {
				const what = obj.kind === 'list' ? 'list' : 'set';
				if (what === 'set') {
					return fail(
						range,
						unsupported,
						"Can't access attributes on a set of objects. Did you mean to access an attribute across all elements of the set?",
					);
				}
				const detail =
					name in obj.elem.attrs
						? `Can't access attributes on a list of objects. Did you mean to access attribute ${quote(name)} for a specific element of the list, or across all elements of the list?`
						: "Can't access attributes on a list of objects. Did you mean to access an attribute for a specific element of the list, or across all elements of the list?";
				return fail(range, unsupported, detail);
			}
			return fail(range, unsupported, 'This value does not have any attributes.');
		}
		case 'string':
		case 'number':
		case 'bool':
			return fail(
				range,
				unsupported,
				`Can't access attributes on a primitive-typed value (${typeFriendlyName(typeOf(obj))}).`,
			);
		default:
			return fail(range, unsupported, 'This value does not have any attributes.');
	}
}

function errText(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

const invalidIndex = 'Invalid index';

export function index(coll: Value, key: Value, range: Range): StepResult {
	if (coll.kind === 'null') {
		return fail(
			range,
			'Attempt to index null value',
			'This value is null, so it does not have any indices.',
		);
	}
	if (key.kind === 'null') {
		return fail(range, invalidIndex, "Can't use a null value as an indexing key.");
	}
	switch (coll.kind) {
		case 'list':
		case 'tuple': {
			let k: Value;
			try {
				k = convert(key, NUMBER);
			} catch (e) {
				return fail(
					range,
					invalidIndex,
					`The given key does not identify an element in this collection value: ${errText(e)}.`,
				);
			}
			if (k.kind !== 'number')
				return fail(range, invalidIndex, 'This value does not have any indices.');
			const n = k.value;
			const prefix = 'The given key does not identify an element in this collection value';
			if (!n.isInteger()) {
				return fail(
					range,
					invalidIndex,
					`${prefix}: indexing a sequence requires a whole number, but the given index has a fractional part.`,
				);
			}
			const i = n.toJsNumber();
			if (i < 0) {
				return fail(
					range,
					invalidIndex,
					`${prefix}: a negative number is not a valid index for a sequence.`,
				);
			}
			const item = coll.items[i];
			if (item === undefined) {
				if (coll.items.length === 0) {
					return fail(range, invalidIndex, `${prefix}: the collection has no elements.`);
				}
				return fail(
					range,
					invalidIndex,
					`${prefix}: the given index is greater than or equal to the length of the collection.`,
				);
			}
			return {ok: true, value: item};
		}
		case 'map':
		case 'object': {
			const wasNumber = key.kind === 'number';
			let k: Value;
			try {
				k = convert(key, STRING);
			} catch (e) {
				return fail(
					range,
					invalidIndex,
					`The given key does not identify an element in this collection value: ${errText(e)}.`,
				);
			}
			const s = k.kind === 'string' ? k.value : '';
			const v = coll.kind === 'map' ? coll.entries.get(s) : coll.attrs.get(s);
			if (v === undefined) {
				const hint =
					coll.kind === 'object' && wasNumber
						? ' An object only supports looking up attributes by name, not by numeric index.'
						: '';
				return fail(
					range,
					invalidIndex,
					`The given key does not identify an element in this collection value.${hint}`,
				);
			}
			return {ok: true, value: v};
		}
		case 'set':
			return fail(
				range,
				invalidIndex,
				"Elements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set.",
			);
		default:
			return fail(range, invalidIndex, 'This value does not have any indices.');
	}
}

/** The element type of a homogeneous collection value, for typed empties. */
export function elementTypeOf(v: Value): Type | undefined {
	return v.kind === 'list' || v.kind === 'set' || v.kind === 'map' ? v.elem : undefined;
}
