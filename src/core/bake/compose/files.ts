// Files that compose reads besides the ones given with -f: `.env` (buildx reads it from the
// working directory), `env_file`, `include` and `extends.file`. compose-go runs with an empty
// working directory in buildx, so relative paths are relative to the process's directory; here
// that is ParseOptions.cwd when given. Reads go through one object so tests can supply files.

import {readFileSync} from 'node:fs';
import {isAbsolute, join, normalize} from 'node:path';
import type {ParseOptions} from '../config.js';

export interface FileReader {
	/** The absolute path of a (possibly relative) path. */
	resolve(path: string): string;
	/** The file's content, undefined when it does not exist (or is a directory). */
	read(path: string): {path: string; content: string} | undefined;
}

export function fileReader(opts: ParseOptions): FileReader {
	const cwd = opts.cwd ?? process.cwd();
	const readRaw =
		opts.readFile ??
		((p: string) => {
			try {
				return readFileSync(p, 'utf8');
			} catch {
				return undefined;
			}
		});
	const resolve = (p: string) => (isAbsolute(p) ? normalize(p) : join(cwd, p));
	return {
		resolve,
		read(p) {
			const path = resolve(p);
			const content = readRaw(path);
			return content === undefined ? undefined : {path, content};
		},
	};
}
