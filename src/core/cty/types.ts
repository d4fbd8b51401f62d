// Type helpers: equality, cty's friendly names, and the implied type of a value.

import type {Type, Value} from './value.js';
import {BOOL, DYNAMIC, NUMBER, STRING} from './value.js';

export function typeEquals(a: Type, b: Type): boolean {
	if (a === b) return true;
	switch (a.kind) {
		case 'string':
		case 'number':
		case 'bool':
		case 'dynamic':
			return a.kind === b.kind;
		case 'list':
		case 'set':
		case 'map':
			return b.kind === a.kind && typeEquals(a.elem, b.elem);
		case 'tuple':
			return (
				b.kind === 'tuple' &&
				a.elems.length === b.elems.length &&
				a.elems.every((t, i) => typeEquals(t, b.elems[i] as Type))
			);
		case 'object': {
			if (b.kind !== 'object') return false;
			const ak = Object.keys(a.attrs);
			if (ak.length !== Object.keys(b.attrs).length) return false;
			for (const k of ak) {
				const bt = b.attrs[k];
				if (bt === undefined || !typeEquals(a.attrs[k] as Type, bt)) return false;
			}
			const ao = [...(a.optional ?? [])].sort().join('\0');
			const bo = [...(b.optional ?? [])].sort().join('\0');
			return ao === bo;
		}
	}
}

export function isPrimitive(t: Type): boolean {
	return t.kind === 'string' || t.kind === 'number' || t.kind === 'bool';
}

/** list, set or map: cty's "collection types". */
export function isCollection(t: Type): t is Extract<Type, {kind: 'list' | 'set' | 'map'}> {
	return t.kind === 'list' || t.kind === 'set' || t.kind === 'map';
}

export function isStructural(t: Type): boolean {
	return t.kind === 'tuple' || t.kind === 'object';
}

export function listOf(elem: Type): Type {
	return {kind: 'list', elem};
}
export function setOf(elem: Type): Type {
	return {kind: 'set', elem};
}
export function mapOf(elem: Type): Type {
	return {kind: 'map', elem};
}
export function tupleOf(elems: readonly Type[]): Type {
	return {kind: 'tuple', elems};
}
export function objectOf(attrs: Readonly<Record<string, Type>>): Type {
	return {kind: 'object', attrs};
}

/** Whether the type contains `dynamic` anywhere (cty HasDynamicTypes). */
export function hasDynamic(t: Type): boolean {
	switch (t.kind) {
		case 'dynamic':
			return true;
		case 'list':
		case 'set':
		case 'map':
			return hasDynamic(t.elem);
		case 'tuple':
			return t.elems.some(hasDynamic);
		case 'object':
			return Object.values(t.attrs).some(hasDynamic);
		default:
			return false;
	}
}

/** cty Type.FriendlyName. */
export function typeFriendlyName(t: Type): string {
	switch (t.kind) {
		case 'dynamic':
			return 'dynamic';
		case 'list':
			return `list of ${typeFriendlyName(t.elem)}`;
		case 'set':
			return `set of ${typeFriendlyName(t.elem)}`;
		case 'map':
			return `map of ${typeFriendlyName(t.elem)}`;
		default:
			return t.kind;
	}
}

/** cty Type.FriendlyNameForConstraint: "any" stands for dynamic (so "list of any"). */
export function typeFriendlyNameForConstraint(t: Type): string {
	switch (t.kind) {
		case 'dynamic':
			return 'any';
		case 'list':
			return `list of ${typeFriendlyNameForConstraint(t.elem)}`;
		case 'set':
			return `set of ${typeFriendlyNameForConstraint(t.elem)}`;
		case 'map':
			return `map of ${typeFriendlyNameForConstraint(t.elem)}`;
		default:
			return t.kind;
	}
}

/** The type a value carries (cty Value.Type). */
export function typeOf(v: Value): Type {
	switch (v.kind) {
		case 'string':
			return STRING;
		case 'number':
			return NUMBER;
		case 'bool':
			return BOOL;
		case 'null':
			return v.type;
		case 'list':
			return {kind: 'list', elem: v.elem};
		case 'set':
			return {kind: 'set', elem: v.elem};
		case 'map':
			return {kind: 'map', elem: v.elem};
		case 'tuple':
			return {kind: 'tuple', elems: v.items.map(typeOf)};
		case 'object': {
			const attrs: Record<string, Type> = {};
			for (const [k, x] of v.attrs) attrs[k] = typeOf(x);
			return {kind: 'object', attrs};
		}
	}
}

/** HCL type-expression text for a type (`list(string)`, `object({a=number})`), for tools. */
export function typeString(t: Type): string {
	switch (t.kind) {
		case 'dynamic':
			return 'any';
		case 'list':
		case 'set':
		case 'map':
			return `${t.kind}(${typeString(t.elem)})`;
		case 'tuple':
			return `tuple([${t.elems.map(typeString).join(', ')}])`;
		case 'object': {
			const opt = new Set(t.optional ?? []);
			const parts = Object.keys(t.attrs)
				.sort()
				.map((k) => {
					const s = typeString(t.attrs[k] as Type);
					return `${k}=${opt.has(k) ? `optional(${s})` : s}`;
				});
			return `object({${parts.join(', ')}})`;
		}
		default:
			return t.kind;
	}
}

export {DYNAMIC};
