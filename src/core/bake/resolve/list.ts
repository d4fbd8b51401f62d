// `docker buildx bake --list=targets|variables`: read from the raw configuration (no
// inherits), as buildx does; tables in text/tabwriter's layout (TAB padding, tab width 8).

import {valueToString} from '../../cty/format.js';
import {jsonEncode} from '../../cty/json.js';
import {typeFriendlyNameForConstraint} from '../../cty/types.js';
import type {Value} from '../../cty/value.js';
import {compareGo} from '../buildflags/csv.js';
import type {RawConfig, VariableInfo} from '../config.js';

/** Go text/tabwriter with minwidth 1, tabwidth 8, padding 1, padchar '\t'. */
export function tabTable(rows: readonly (readonly string[])[]): string {
	const cols = Math.max(0, ...rows.map((r) => r.length - 1));
	const widths: number[] = [];
	for (let c = 0; c < cols; c++) {
		let w = 1;
		for (const r of rows)
			if (c < r.length - 1 && (r[c] ?? '').length > 0) w = Math.max(w, (r[c] ?? '').length + 1);
		widths.push(Math.ceil(w / 8) * 8);
	}
	return rows
		.map((r) =>
			r
				.map((cell, c) => {
					if (c === r.length - 1) return cell;
					const n = (widths[c] ?? 8) - cell.length;
					return cell + '\t'.repeat(Math.ceil(n / 8));
				})
				.join(''),
		)
		.join('\n');
}

export interface ListedTarget {
	readonly name: string;
	readonly description?: string;
	readonly group?: boolean;
}

export function listTargets(raw: RawConfig): ListedTarget[] {
	const out: ListedTarget[] = [];
	for (const g of raw.groups) {
		if (g.name.startsWith('_')) continue;
		const members = [...g.targets].sort(compareGo).join(', ');
		const description = g.description ? `${g.description} (${members})` : members;
		out.push(description ? {name: g.name, description, group: true} : {name: g.name, group: true});
	}
	const seen = new Set(out.map((t) => t.name));
	for (const t of raw.targets) {
		if (t.name.startsWith('_') || seen.has(t.name)) continue;
		seen.add(t.name);
		out.push(t.description ? {name: t.name, description: t.description} : {name: t.name});
	}
	return out.sort((a, b) => compareGo(a.name, b.name));
}

export function formatTargetList(raw: RawConfig, format: 'table' | 'json'): string {
	const list = listTargets(raw);
	if (format === 'json') return `${JSON.stringify(list, null, 2)}\n`;
	return `${tabTable([['TARGET', 'DESCRIPTION'], ...list.map((t) => [t.name, t.description ?? ''])])}\n`;
}

function variableValue(v: VariableInfo): string | undefined {
	const val: Value = v.value;
	if (val.kind === 'null') return undefined;
	if (v.type) return val.kind === 'string' ? val.value : jsonEncode(val);
	if (val.kind === 'string' || val.kind === 'number' || val.kind === 'bool')
		return valueToString(val);
	return jsonEncode(val);
}

export function formatVariableList(raw: RawConfig, format: 'table' | 'json'): string {
	const vars = [...raw.variables].sort((a, b) => compareGo(a.name, b.name));
	if (format === 'json') {
		const out = vars.map((v) => {
			const o: Record<string, string> = {name: v.name};
			if (v.description) o['description'] = v.description;
			if (v.type) o['type'] = typeFriendlyNameForConstraint(v.type);
			const value = variableValue(v);
			if (value !== undefined) o['value'] = value;
			return o;
		});
		return `${JSON.stringify(out, null, 2)}\n`;
	}
	const rows = vars.map((v) => [
		v.name,
		v.type ? typeFriendlyNameForConstraint(v.type) : '',
		variableValue(v) ?? '<null>',
		v.description ?? '',
	]);
	return `${tabTable([['VARIABLE', 'TYPE', 'VALUE', 'DESCRIPTION'], ...rows])}\n`;
}
