// The evaluation behind `baketree print` (./print.ts), loaded only when the output cache misses.

import type {SourceFile} from '../../core/bake/config.js';
import {printJson} from '../../core/bake/resolve/print.js';
import {readTargets} from '../../core/bake/resolve/read-targets.js';
import {dict} from '../../core/bake/resolve/target.js';
import type {CliIo} from '../io.js';
import {parseBakeArgs, parseRaw} from './bake-common.js';
import type {Evaluated} from './cached-output.js';

/** The JSON to print, built fully before anything is written: nothing half-printed on an error. */
export function printOutput(
	args: readonly string[],
	io: CliIo,
	usage: string,
	files?: readonly SourceFile[],
): Evaluated | undefined {
	const parsed = parseBakeArgs(args, io, {}, usage, files);
	if (!parsed) return undefined;
	const {flags} = parsed;
	const raw = parseRaw(flags, io);
	const res = readTargets(raw, {targets: flags.positionals, overrides: flags.set, env: io.env});
	// buildx adds SOURCE_DATE_EPOCH to every target that does not set it itself.
	const epoch = io.env['SOURCE_DATE_EPOCH'];
	if (epoch) {
		for (const t of res.targets.values())
			if (t.args?.['SOURCE_DATE_EPOCH'] === undefined)
				t.args = Object.assign(dict(), t.args, {SOURCE_DATE_EPOCH: epoch});
	}
	return {output: printJson(res), files: flags.files};
}
