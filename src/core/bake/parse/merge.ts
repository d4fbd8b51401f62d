// Merging two decoded blocks with the same target name (buildx Target.Merge, as hclparser
// applies it to repeated `target "x"` blocks). Group blocks are not merged: the later replaces.

import type {CompositeEntry, TargetField} from '../config.js';

export type MutableTarget = Partial<Record<TargetField, unknown>>;

const REPLACE: readonly TargetField[] = [
	'context',
	'dockerfile',
	'dockerfile-inline',
	'tags',
	'target',
	'call',
	'platforms',
	'cache-to',
	'output',
	'pull',
	'no-cache',
	'network',
	'shm-size',
	'resources',
];
const APPEND: readonly TargetField[] = [
	'annotations',
	'policy',
	'no-cache-filter',
	'ulimits',
	'entitlements',
];

function entryKey(e: CompositeEntry, key: string): string | undefined {
	if (typeof e !== 'string') return e[key];
	for (const f of e.split(',')) {
		const i = f.indexOf('=');
		if (i >= 0 && f.slice(0, i).trim() === key) return f.slice(i + 1);
	}
	return undefined;
}

/** Later entries replace earlier ones with the same key (attest by type, secret/ssh by id). */
function mergeBy(
	a: readonly CompositeEntry[],
	b: readonly CompositeEntry[],
	key: string,
): CompositeEntry[] {
	const out = [...a];
	for (const e of b) {
		const k = entryKey(e, key);
		const i = k === undefined ? -1 : out.findIndex((x) => entryKey(x, key) === k);
		if (i >= 0) out[i] = e;
		else out.push(e);
	}
	return out;
}

function mergeUnique(a: readonly CompositeEntry[], b: readonly CompositeEntry[]): CompositeEntry[] {
	const seen = new Set(a.map((e) => JSON.stringify(e)));
	const out = [...a];
	for (const e of b) {
		const k = JSON.stringify(e);
		if (!seen.has(k)) {
			seen.add(k);
			out.push(e);
		}
	}
	return out;
}

/** Merge `t2` into `t` in place. */
export function mergeTarget(t: MutableTarget, t2: MutableTarget): void {
	for (const f of REPLACE) if (t2[f] !== undefined) t[f] = t2[f];
	for (const f of ['args', 'labels', 'extra-hosts', 'contexts'] as const) {
		const m2 = t2[f] as Record<string, string | null> | undefined;
		if (!m2) continue;
		const m = {...((t[f] as Record<string, string | null> | undefined) ?? {})};
		let changed = false;
		for (const [k, v] of Object.entries(m2)) {
			if (v === null && f !== 'contexts') continue;
			m[k] = v;
			changed = true;
		}
		if (changed || t[f] !== undefined) t[f] = m;
	}
	for (const f of APPEND) {
		if (t2[f] !== undefined)
			t[f] = [...((t[f] as unknown[] | undefined) ?? []), ...(t2[f] as unknown[])];
	}
	const comp = (f: TargetField) => (t[f] as CompositeEntry[] | undefined) ?? [];
	if (t2.attest !== undefined)
		t.attest = mergeBy(comp('attest'), t2.attest as CompositeEntry[], 'type');
	if (t2.secret !== undefined)
		t.secret = mergeBy(comp('secret'), t2.secret as CompositeEntry[], 'id');
	if (t2.ssh !== undefined) t.ssh = mergeBy(comp('ssh'), t2.ssh as CompositeEntry[], 'id');
	if (t2['cache-from'] !== undefined) {
		t['cache-from'] = mergeUnique(comp('cache-from'), t2['cache-from'] as CompositeEntry[]);
	}
	if (typeof t2.description === 'string' && t2.description !== '') t.description = t2.description;
	if (t2.inherits !== undefined || t.inherits !== undefined) {
		t.inherits = [
			...((t.inherits as string[] | undefined) ?? []),
			...((t2.inherits as string[] | undefined) ?? []),
		];
	}
}
