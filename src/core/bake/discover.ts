// Which bake files to read, as `docker buildx bake` picks them: `-f` (repeatable), else
// BUILDX_BAKE_FILE (split on BUILDX_BAKE_PATH_SEPARATOR), else every default name that exists.
// Trees in the seed's style keep their file at `docker/bake.hcl` or `bake.hcl`: when none of
// buildx's names exists those are tried, in that order, first hit only.

import {existsSync, readFileSync} from 'node:fs';
import {delimiter, isAbsolute, join} from 'node:path';
import {DiagnosticError, errorAt} from '../diagnostics.js';
import type {SourceFile} from './config.js';

export const BUILDX_DEFAULT_FILES: readonly string[] = [
	'compose.yaml',
	'compose.yml',
	'docker-compose.yml',
	'docker-compose.yaml',
	'docker-bake.json',
	'docker-bake.hcl',
	'docker-bake.override.json',
	'docker-bake.override.hcl',
];

export const SEED_STYLE_FILES: readonly string[] = ['docker/bake.hcl', 'bake.hcl'];

export interface DiscoverOptions {
	readonly cwd: string;
	readonly files: readonly string[];
	readonly env: Readonly<Record<string, string | undefined>>;
}

export interface ReadOptions extends DiscoverOptions {
	/** The text of `-f -` (standard input, read by the caller: core code reads no process stream). */
	readonly stdin: () => string;
}

/** The name buildx gives the definition read from standard input (and reports errors under). */
export const STDIN_NAME = '-';

/** Whether bake would read its definition from standard input (`-f -`, or `-` in BUILDX_BAKE_FILE). */
export function readsStdin(opts: DiscoverOptions): boolean {
	return discoverNames(opts).names.includes(STDIN_NAME);
}

/** The file names (as given, relative to cwd) that bake would read. */
export function discoverNames(opts: DiscoverOptions): {names: string[]; explicit: boolean} {
	if (opts.files.length > 0) return {names: [...opts.files], explicit: true};
	const fromEnv = opts.env['BUILDX_BAKE_FILE'];
	if (fromEnv) {
		const sep = opts.env['BUILDX_BAKE_PATH_SEPARATOR'] || delimiter;
		return {names: fromEnv.split(sep).filter((s) => s !== ''), explicit: true};
	}
	const at = (n: string) => existsSync(isAbsolute(n) ? n : join(opts.cwd, n));
	const found = BUILDX_DEFAULT_FILES.filter(at);
	if (found.length > 0) return {names: found, explicit: false};
	const seed = SEED_STYLE_FILES.find(at);
	return {names: seed ? [seed] : [], explicit: false};
}

/** Reads the files; a missing explicit file is an error, as in buildx. */
export function readBakeFiles(opts: ReadOptions): SourceFile[] {
	const {names} = discoverNames(opts);
	if (names.length === 0)
		throw fail(
			`no bake file found in ${opts.cwd} (looked for ${[...BUILDX_DEFAULT_FILES, ...SEED_STYLE_FILES].join(', ')}); use -f FILE`,
		);
	return names.map((name) => {
		if (name === STDIN_NAME) return {name, content: opts.stdin()};
		const path = name.startsWith('cwd://') ? name.slice(6) : name;
		const full = isAbsolute(path) ? path : join(opts.cwd, path);
		try {
			return {name: path, content: readFileSync(full, 'utf8')};
		} catch {
			throw fail(`open ${path}: no such file or directory`);
		}
	});
}

function fail(message: string): DiagnosticError {
	return new DiagnosticError([errorAt(undefined, message)]);
}

/** Built-in variables bake defines for every file (they win over everything). */
export function bakeDefaults(): Record<string, string> {
	const arch =
		process.arch === 'x64' ? 'amd64' : process.arch === 'arm64' ? 'arm64/v8' : process.arch;
	return {BAKE_CMD_CONTEXT: 'cwd://', BAKE_LOCAL_PLATFORM: `linux/${arch}`};
}
