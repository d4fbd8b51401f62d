// Remembers the cursor, vectors, selection and open blocks per bake file set, as one small
// JSON file per set under the XDG state directory. Reading a missing or damaged file gives
// nothing: remembered state is a convenience, never a reason to fail.

import {readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {writeFileAtomic} from '../atomic-file.js';
import {type Env, stateDir} from '../state-dir.js';
import type {PersistedUi, Persistence} from './types.js';

/**
 * One key per set of bake files (absolute paths, in order): a file name, so no cryptographic
 * hash is needed (and node:crypto would cost the tree browser's start ~6 ms to load). Two
 * 32-bit hashes of the paths (FNV-1a, and the same with another seed and multiplier), as 16
 * hex digits.
 */
export function persistKey(files: readonly string[], cwd: string): string {
	const abs = files.map((f) => resolve(cwd, f)).join('\n');
	let a = 0x811c9dc5;
	let b = 0x2f8c61a9;
	for (let i = 0; i < abs.length; i++) {
		const c = abs.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193);
		b = Math.imul(b ^ c, 0x5bd1e995);
	}
	const hex = (h: number) => (h >>> 0).toString(16).padStart(8, '0');
	return `${hex(a)}${hex(b)}`;
}

function clean(json: unknown): PersistedUi {
	if (!json || typeof json !== 'object') return {};
	const o = json as Record<string, unknown>;
	const strings = (v: unknown): string[] | undefined =>
		Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
	const out: {-readonly [K in keyof PersistedUi]: PersistedUi[K]} = {};
	if (typeof o['cursor'] === 'string') out.cursor = o['cursor'];
	const selection = strings(o['selection']);
	if (selection) out.selection = selection;
	const expanded = strings(o['expanded']);
	if (expanded) out.expanded = expanded;
	if (typeof o['topDown'] === 'boolean') out.topDown = o['topDown'];
	const filter = o['filter'];
	if (filter && typeof filter === 'object') {
		const f: Record<string, string[]> = {};
		for (const [k, v] of Object.entries(filter)) {
			const vals = strings(v);
			if (vals) f[k] = vals;
		}
		out.filter = f;
	}
	return out;
}

export function filePersistence(env: Env): Persistence {
	const dir = join(stateDir(env), 'ui');
	return {
		load(key) {
			try {
				return clean(JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')));
			} catch {
				return undefined;
			}
		},
		save(key, ui) {
			// A crash mid-write never leaves half a file; a read-only home does not break the
			// explorer (the write just fails).
			writeFileAtomic(join(dir, `${key}.json`), `${JSON.stringify(ui)}\n`);
		},
	};
}
