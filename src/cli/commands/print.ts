// `baketree print [TARGET...]`: what `docker buildx bake --print` prints, byte for byte.
import {printJson} from '../../core/bake/resolve/print.js';
import {readTargets} from '../../core/bake/resolve/read-targets.js';
import {dict} from '../../core/bake/resolve/target.js';
import type {Command} from '../commands.js';
import {parseBakeArgs, parseRaw} from './bake-common.js';

const USAGE = `Usage: baketree print [OPTIONS] [TARGET...]

Prints the resolved targets as JSON, as 'docker buildx bake --print' does.

Options:
  -f, --file FILE     bake file (repeatable; default: buildx's names, then docker/bake.hcl)
      --set T.K=V     override a target field (repeatable; globs and += as in buildx)
      --var NAME=V    set a variable (repeatable)`;

export const command: Command = {
	summary: 'print the resolved targets as JSON (docker buildx bake --print)',
	async run(args, io) {
		const parsed = parseBakeArgs(args, io, {}, USAGE);
		if (!parsed) return 0;
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
		// Built fully before writing: nothing half-printed on an error.
		io.stdout.write(printJson(res));
		return 0;
	},
};
