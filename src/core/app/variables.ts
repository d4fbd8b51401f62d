// Bake variables as the variables panel edits them. Edits become `--var NAME=VALUE` overrides
// (the same text a user would type): JSON arrays for list variables (the seed's vectors,
// `rust_toolchains = ["nightly","stable"]`), `true`/`false`, numbers, or plain text.

import type {VariableInfo} from '../bake/config.js';
import type {Value} from '../cty/value.js';

export type VarKind = 'list' | 'bool' | 'number' | 'text';

export type Json = string | number | boolean | null | Json[] | {[key: string]: Json};

export function valueToJson(v: Value): Json {
	switch (v.kind) {
		case 'string':
			return v.value;
		case 'number': {
			const n = Number(v.value.toString());
			return Number.isFinite(n) ? n : v.value.toString();
		}
		case 'bool':
			return v.value;
		case 'null':
			return null;
		case 'list':
		case 'set':
		case 'tuple':
			return v.items.map(valueToJson);
		case 'map':
			return Object.fromEntries([...v.entries].map(([k, x]) => [k, valueToJson(x)]));
		case 'object':
			return Object.fromEntries([...v.attrs].map(([k, x]) => [k, valueToJson(x)]));
	}
}

/** How a value reads in the panel: strings bare, everything else as JSON. */
export function valueText(v: Value | undefined): string {
	if (!v) return '';
	const j = valueToJson(v);
	return typeof j === 'string' ? j : JSON.stringify(j);
}

/** A JSON array of scalars held in a string, as tuwunel's vectors are (`jsondecode(cargo_profiles)`). */
function jsonListString(v: Value | undefined): string[] | undefined {
	if (v?.kind !== 'string' || !v.value.trimStart().startsWith('[')) return undefined;
	const list = parseList(v.value);
	return list;
}

function isScalarList(v: Value | undefined): boolean {
	if (jsonListString(v)) return true;
	if (!v || (v.kind !== 'list' && v.kind !== 'set' && v.kind !== 'tuple')) return false;
	return v.items.every((x) => x.kind === 'string' || x.kind === 'number' || x.kind === 'bool');
}

export function varKind(info: VariableInfo): VarKind {
	const t = info.type?.kind;
	if (t === 'bool' || info.value.kind === 'bool') return 'bool';
	if (t === 'number' || info.value.kind === 'number') return 'number';
	if (isScalarList(info.value) || isScalarList(info.defaultValue)) return 'list';
	if (t === 'list' || t === 'set' || t === 'tuple') return 'list';
	return 'text';
}

export interface ListItem {
	readonly value: string;
	readonly on: boolean;
}

function listValues(v: Value | undefined): string[] {
	const fromString = jsonListString(v);
	if (fromString) return fromString;
	if (!v || !isScalarList(v) || !('items' in v)) return [];
	return v.items.map((x) => String(valueToJson(x)));
}

/**
 * The toggles of a list variable: its current items (on), then default items and items the
 * user added earlier that are not in it (off), so a removed value can be put back.
 */
export function listItems(
	info: VariableInfo,
	override: string | undefined,
	extra: readonly string[],
): ListItem[] {
	let current = listValues(info.value);
	if (override !== undefined) {
		const parsed = parseList(override);
		if (parsed) current = parsed;
	}
	const out: ListItem[] = current.map((value) => ({value, on: true}));
	for (const value of [...listValues(info.defaultValue), ...extra]) {
		if (!out.some((x) => x.value === value)) out.push({value, on: false});
	}
	return out;
}

export function parseList(text: string): string[] | undefined {
	try {
		const j: unknown = JSON.parse(text);
		if (Array.isArray(j) && j.every((x) => x === null || typeof x !== 'object'))
			return j.map((x) => String(x));
	} catch {
		// not JSON: not a list
	}
	return undefined;
}

/** The override text after flipping `value` (order follows the toggles' order). */
export function toggleListItem(items: readonly ListItem[], value: string): string {
	const on = items.filter((x) => (x.value === value ? !x.on : x.on)).map((x) => x.value);
	return JSON.stringify(on);
}

export function addListItem(items: readonly ListItem[], value: string): string {
	const on = items.filter((x) => x.on).map((x) => x.value);
	if (!on.includes(value)) on.push(value);
	return JSON.stringify(on);
}

/** `undefined` when the text fits the kind, else what is wrong with it. */
export function checkVarText(kind: VarKind, text: string): string | undefined {
	if (kind === 'number' && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim()))
		return `"${text}" is not a number`;
	if (kind === 'bool' && text !== 'true' && text !== 'false')
		return `"${text}" is not true or false`;
	return undefined;
}

const SOURCE_LABEL: Readonly<Record<VariableInfo['source'], string>> = {
	default: 'default',
	attribute: 'attribute',
	env: 'environment',
	'env-json': 'environment (JSON)',
	var: '--var',
	builtin: 'built-in',
	unset: 'unset',
};

export function sourceLabel(info: VariableInfo, edited: boolean): string {
	return edited ? 'edited here' : SOURCE_LABEL[info.source];
}
