// Deduplication exactly as buildx does it: composite lists drop later duplicates by swapping
// them with the last element (so order can change), attestations keep one entry per type
// (the last wins, in the first one's place), string lists keep first occurrences and drop "".

import type {AttestEntry, CacheEntry, ExportEntry, SecretEntry, SshEntry} from './entries.js';

function sameAttrs(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) {
	const ka = Object.keys(a);
	if (ka.length !== Object.keys(b).length) return false;
	return ka.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

export const exportEqual = (a: ExportEntry, b: ExportEntry) =>
	a.type === b.type && (a.dest ?? '') === (b.dest ?? '') && sameAttrs(a.attrs, b.attrs);
export const cacheEqual = (a: CacheEntry, b: CacheEntry) =>
	a.type === b.type && sameAttrs(a.attrs, b.attrs);
export const secretEqual = (a: SecretEntry, b: SecretEntry) =>
	a.id === b.id && a.src === b.src && a.env === b.env;
export const sshEqual = (a: SshEntry, b: SshEntry) =>
	a.id === b.id &&
	(a.paths ?? []).join('\0') === (b.paths ?? []).join('\0') &&
	(a.paths ?? []).length === (b.paths ?? []).length;

/** buildflags.removeDupes: walks backwards, swaps each later duplicate with the last element. */
export function removeDupes<T>(list: readonly T[], equal: (a: T, b: T) => boolean): T[] {
	const s = [...list];
	for (let i = s.length - 2; i >= 0; i--) {
		const elem = s[i] as T;
		for (let j = i + 1; j < s.length; j++) {
			if (equal(elem, s[j] as T)) {
				const last = s.length - 1;
				[s[j], s[last]] = [s[last] as T, s[j] as T];
				s.length = last;
				break;
			}
		}
	}
	return s;
}

export function removeAttestDupes(list: readonly AttestEntry[]): AttestEntry[] {
	const res: AttestEntry[] = [];
	const at = new Map<string, number>();
	for (const a of list) {
		const i = at.get(a.type);
		if (i === undefined) {
			at.set(a.type, res.length);
			res.push(a);
		} else res[i] = a;
	}
	return res;
}

/** bake.removeDupesStr: first occurrence wins, empty strings are dropped. */
export function removeDupesStr(list: readonly string[]): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const v of list) {
		if (v === '' || seen.has(v)) continue;
		seen.add(v);
		out.push(v);
	}
	return out;
}
