// The command a build of the selection runs, for `B` to show: `docker buildx bake` with the
// argument list the build itself passes (src/core/docker/bake-args.ts: the same files, `--set`s
// and `--allow`s, raw progress), and the variables edited in the TUI (plus `--var`s) as
// environment, which is how bake reads variable overrides.

import {bakeArgs} from '../docker/bake-args.js';

export interface BuildCommand {
	readonly argv: readonly string[];
	/** Variables to add to the environment of the build. */
	readonly env: Readonly<Record<string, string>>;
}

export interface BuildCommandInput {
	readonly files: readonly string[];
	readonly set: readonly string[];
	readonly vars: Readonly<Record<string, string>>;
	readonly targets: readonly string[];
	/** The entitlements the targets request, passed as `--allow` once granted. */
	readonly allow: readonly string[];
}

/** The docker executable a build runs, as the preflight picks it before it makes it absolute. */
export function dockerCommand(env: Readonly<Record<string, string | undefined>>): string {
	return env['BAKETREE_DOCKER'] || 'docker';
}

/**
 * The argv and environment of the build. The one argument a run adds, `--metadata-file` in its
 * own folder, is left out: the folder does not exist before the run.
 */
export function buildCommand(input: BuildCommandInput, docker = 'docker'): BuildCommand {
	const argv = [
		docker,
		...bakeArgs({
			files: input.files,
			set: input.set,
			allow: input.allow,
			targets: input.targets,
		}),
	];
	return {argv, env: {...input.vars}};
}

/** POSIX-shell quoting, for showing (and copying) the command. */
export function shellQuote(word: string): string {
	return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(cmd: BuildCommand): string {
	const env = Object.entries(cmd.env).map(([k, v]) => `${k}=${shellQuote(v)}`);
	return [...env, ...cmd.argv.map(shellQuote)].join(' ');
}
