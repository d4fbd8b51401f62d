// BUILDX_BAKE_FILE_RELATIVE_PATHS=1: a target's local `context` and `contexts` values are
// resolved relative to the directory of the file that defines them. `cwd://`, remote URLs,
// `target:` links, images and absolute paths are left alone.

import {posix} from 'node:path';
import type {Decoded} from './fields.js';
import {parseGoBool} from './overrides.js';

/** Whether the environment turns the switch on (a Go boolean, as buildx parses it). */
export function fileRelativePaths(
	env: Readonly<Record<string, string | undefined>> | undefined,
): boolean {
	const rel = env?.['BUILDX_BAKE_FILE_RELATIVE_PATHS'];
	return rel !== undefined && parseGoBool(rel) === true;
}

function isLocal(p: string): boolean {
	if (p === '' || p.startsWith('/') || p.includes('://')) return false;
	return !/^(target|docker-image|oci-layout|cwd):/.test(p) && !/^git@/.test(p);
}

export function rebasePath(p: string, file: string): string {
	const dir = posix.dirname(file.replace(/\\/g, '/'));
	if (dir === '.' || !isLocal(p)) return p;
	return posix.normalize(posix.join(dir, p));
}

export function rebaseField(
	field: string,
	d: Decoded | undefined,
	file: string,
): Decoded | undefined {
	if (field === 'context' && typeof d === 'string') return rebasePath(d, file);
	if (field === 'contexts' && d && typeof d === 'object' && !Array.isArray(d)) {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(d))
			out[k] = typeof v === 'string' ? rebasePath(v, file) : v;
		return out;
	}
	return d;
}
