// `baketree list targets|variables [--format table|json]`: as `docker buildx bake --list`.
import {formatTargetList, formatVariableList} from '../../core/bake/resolve/list.js';
import type {Command} from '../commands.js';
import {UsageError} from '../io.js';
import {parseBakeArgs, parseRaw} from './bake-common.js';

const USAGE = `Usage: baketree list targets|variables [OPTIONS]

Lists targets and groups, or variables, as 'docker buildx bake --list' does.

Options:
      --format FORMAT  table (default) or json
  -f, --file FILE      bake file (repeatable)
      --var NAME=V     set a variable (repeatable)`;

export const command: Command = {
	summary: 'list targets or variables (docker buildx bake --list)',
	async run(args, io) {
		const parsed = parseBakeArgs(args, io, {format: {type: 'string'}}, USAGE);
		if (!parsed) return 0;
		const [what, ...rest] = parsed.flags.positionals;
		if ((what !== 'targets' && what !== 'variables') || rest.length > 0)
			throw new UsageError(`list what? expected 'targets' or 'variables'\n${USAGE}`);
		const format = (parsed.values['format'] as string | undefined) ?? 'table';
		if (format !== 'table' && format !== 'json')
			throw new UsageError(`unknown format ${JSON.stringify(format)}: expected table or json`);
		const raw = parseRaw(parsed.flags, io);
		io.stdout.write(
			what === 'targets' ? formatTargetList(raw, format) : formatVariableList(raw, format),
		);
		return 0;
	},
};
