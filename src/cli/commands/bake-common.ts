// Parsing the flags shared by the bake commands (bake-options.ts) and reading the raw config.

import {type ParseArgsConfig, parseArgs} from 'node:util';
import type {RawConfig, SourceFile} from '../../core/bake/config.js';
import {bakeDefaults, readBakeFiles} from '../../core/bake/discover.js';
import {parseBakeFiles} from '../../core/bake/parse/index.js';
import type {CliIo} from '../io.js';
import {UsageError} from '../io.js';
import {BAKE_OPTIONS} from './bake-options.js';

export interface BakeFlags {
	readonly files: SourceFile[];
	readonly set: string[];
	readonly vars: Record<string, string>;
	readonly positionals: string[];
}

export function parseBakeArgs<O extends NonNullable<ParseArgsConfig['options']>>(
	args: readonly string[],
	io: CliIo,
	extra: O,
	usage: string,
	/** The bake files, when the caller has read them already for these arguments. */
	read?: readonly SourceFile[],
): {flags: BakeFlags; values: Record<string, unknown>} | undefined {
	let parsed: {values: Record<string, unknown>; positionals: string[]};
	try {
		parsed = parseArgs({
			args: [...args],
			options: {...BAKE_OPTIONS, ...extra},
			allowPositionals: true,
			strict: true,
		}) as {values: Record<string, unknown>; positionals: string[]};
	} catch (err) {
		throw new UsageError(`${err instanceof Error ? err.message : String(err)}\n${usage}`);
	}
	if (parsed.values['help']) {
		io.stdout.write(`${usage}\n`);
		return undefined;
	}
	const vars: Record<string, string> = {};
	for (const v of (parsed.values['var'] as string[] | undefined) ?? []) {
		const eq = v.indexOf('=');
		if (eq <= 0) throw new UsageError(`invalid --var ${JSON.stringify(v)}, expected NAME=VALUE`);
		vars[v.slice(0, eq)] = v.slice(eq + 1);
	}
	const files = read
		? [...read]
		: readBakeFiles({
				cwd: io.cwd,
				files: (parsed.values['file'] as string[] | undefined) ?? [],
				env: io.env,
				stdin: io.readStdin,
			});
	return {
		flags: {
			files,
			set: (parsed.values['set'] as string[] | undefined) ?? [],
			vars,
			positionals: parsed.positionals,
		},
		values: parsed.values,
	};
}

export function parseRaw(flags: BakeFlags, io: CliIo): RawConfig {
	return parseBakeFiles(flags.files, {
		env: io.env,
		vars: flags.vars,
		defaults: bakeDefaults(),
		// Compose reads `.env` (and env_file, include) from the working directory.
		cwd: io.cwd,
	});
}
