// Writing a file so that a reader finds the old content or the new one, never half of one:
// written beside its name, then renamed over it. The one place that does it, for the UI's
// remembered state, the output cache and the launcher's code cache.

import {mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';

export interface AtomicWriteOptions {
	/**
	 * How the temporary file's name starts ("." by default), so that a folder's pruning can
	 * tell a stale one left by a killed process.
	 */
	readonly tempPrefix?: string;
}

/**
 * Writes `data` to `path`, making its folder if needed. File and folder are readable by this
 * user only: what baketree keeps may hold values from the environment. Returns false, and
 * leaves no temporary file behind, when anything fails.
 */
export function writeFileAtomic(
	path: string,
	data: string | Uint8Array,
	opts: AtomicWriteOptions = {},
): boolean {
	const dir = dirname(path);
	const unique = `${process.pid}.${Math.random().toString(36).slice(2, 10)}`;
	const temp = join(dir, `${opts.tempPrefix ?? '.'}${basename(path)}.${unique}`);
	try {
		mkdirSync(dir, {recursive: true, mode: 0o700});
		writeFileSync(temp, data, {mode: 0o600, flag: 'wx'});
		renameSync(temp, path);
		return true;
	} catch {
		try {
			rmSync(temp, {force: true});
		} catch {
			// The folder is not there or not writable: nothing was left in it either.
		}
		return false;
	}
}
