// The exact command a build of the selection runs: `docker buildx bake` with the same files and
// `--set`s the tree was read with, raw progress on stderr, and the variables edited in the TUI
// (plus `--var`s) as environment, which is how bake reads variable overrides.

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
}

export function buildCommand(input: BuildCommandInput): BuildCommand {
	const argv = ['docker', 'buildx', 'bake'];
	for (const f of input.files) argv.push('-f', f);
	argv.push('--progress=rawjson');
	for (const s of input.set) argv.push('--set', s);
	argv.push(...input.targets);
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
