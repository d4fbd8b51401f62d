// `print` and `list` answer from the output cache (core/output-cache.ts) when nothing they read
// has changed. This module is all that a cache hit loads besides the command's own file: it reads
// the bake files itself and never imports the evaluation code, which the commands import only on
// a miss.

import {type ParseArgsConfig, parseArgs} from 'node:util';
import type {SourceFile} from '../../core/bake/config.js';
import {readBakeFiles} from '../../core/bake/discover.js';
import {
	buildIdentity,
	type CacheSlot,
	cacheKey,
	cacheSlot,
	uncacheableFiles,
} from '../../core/output-cache.js';
import {outputCacheDir} from '../../core/state-dir.js';
import type {CliIo} from '../io.js';
import {BAKE_OPTIONS} from './bake-options.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What an evaluation printed, and the bake files it read. */
export interface Evaluated {
	readonly output: string;
	readonly files: readonly SourceFile[];
}

/**
 * Runs a printing command through the cache. `evaluate` computes the output (undefined: it has
 * printed its help); it gets an io whose standard error is watched, since an output that came
 * with a message on standard error is not stored (a hit would print the output alone), and the
 * bake files already read for the key (on a miss they are not read a second time).
 */
export async function runWithOutputCache(
	command: string,
	args: readonly string[],
	io: CliIo,
	extraOptions: Options,
	evaluate: (io: CliIo, files: readonly SourceFile[] | undefined) => Promise<Evaluated | undefined>,
): Promise<number> {
	const slot = openSlot(command, args, io, extraOptions);
	if (slot) {
		const hit = slot.slot.lookup();
		if (hit !== undefined) {
			io.stdout.write(hit);
			return 0;
		}
	}
	let quiet = true;
	const watched: CliIo = slot
		? {
				...io,
				stderr: {
					isTTY: io.stderr.isTTY,
					write(chunk: string) {
						quiet = false;
						return io.stderr.write(chunk);
					},
				},
			}
		: io;
	const result = await evaluate(watched, slot?.files);
	if (!result) return 0;
	io.stdout.write(result.output);
	if (slot && quiet && sameFiles(slot.files, result.files)) slot.slot.store(result.output);
	return 0;
}

/** The slot of this invocation; undefined when it must not be cached. */
function openSlot(
	command: string,
	args: readonly string[],
	io: CliIo,
	extraOptions: Options,
): {slot: CacheSlot; files: readonly SourceFile[]} | undefined {
	if (io.env['BAKETREE_NO_CACHE']) return undefined;
	const buildId = buildIdentity();
	if (buildId === undefined) return undefined;
	try {
		// Bad arguments, --help and unreadable files are the evaluation's to report.
		const {values} = parseArgs({
			args: [...args],
			options: {...BAKE_OPTIONS, ...extraOptions},
			allowPositionals: true,
			strict: true,
		});
		if (values['help']) return undefined;
		const fileArgs = values['file'];
		const opts = {
			cwd: io.cwd,
			files: Array.isArray(fileArgs) ? fileArgs.filter((f) => typeof f === 'string') : [],
			env: io.env,
		};
		const files = readBakeFiles({...opts, stdin: io.readStdin});
		if (uncacheableFiles(files) !== undefined) return undefined;
		const key = cacheKey({buildId, command, argv: args, cwd: io.cwd, env: io.env, files});
		return {slot: cacheSlot(outputCacheDir(io.env), key), files};
	} catch {
		return undefined;
	}
}

/**
 * Whether the evaluation used exactly the files the key was made of (arguments understood
 * differently by the evaluation must not store an output under this key).
 */
function sameFiles(keyed: readonly SourceFile[], evaluated: readonly SourceFile[]): boolean {
	return (
		keyed.length === evaluated.length &&
		keyed.every((f, i) => f.name === evaluated[i]?.name && f.content === evaluated[i]?.content)
	);
}
