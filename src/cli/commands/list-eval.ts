// The evaluation behind `baketree list` (./list.ts), loaded only when the output cache misses.

import type {SourceFile} from '../../core/bake/config.js';
import {formatTargetList, formatVariableList} from '../../core/bake/resolve/list.js';
import {type CliIo, UsageError} from '../io.js';
import {parseBakeArgs, parseRaw} from './bake-common.js';
import type {Evaluated} from './cached-output.js';
import {LIST_OPTIONS} from './list.js';

export function listOutput(
	args: readonly string[],
	io: CliIo,
	usage: string,
	files?: readonly SourceFile[],
): Evaluated | undefined {
	const parsed = parseBakeArgs(args, io, LIST_OPTIONS, usage, files);
	if (!parsed) return undefined;
	const [what, ...rest] = parsed.flags.positionals;
	if ((what !== 'targets' && what !== 'variables') || rest.length > 0)
		throw new UsageError(`list what? expected 'targets' or 'variables'\n${usage}`);
	const format = (parsed.values['format'] as string | undefined) ?? 'table';
	if (format !== 'table' && format !== 'json')
		throw new UsageError(`unknown format ${JSON.stringify(format)}: expected table or json`);
	const raw = parseRaw(parsed.flags, io);
	const output =
		what === 'targets' ? formatTargetList(raw, format) : formatVariableList(raw, format);
	return {output, files: parsed.flags.files};
}
