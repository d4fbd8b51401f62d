// `baketree check`: static checks, one `file:line:col: error|warning: message` line each;
// exit 1 when any is an error.
import {readFileSync} from 'node:fs';
import {isAbsolute, join} from 'node:path';
import {checkTree} from '../../core/check/check-tree.js';
import type {Diagnostic} from '../../core/diagnostics.js';
import {loadTree} from '../../core/tree.js';
import type {Command} from '../commands.js';
import {parseBakeArgs} from './bake-common.js';

const USAGE = `Usage: baketree check [OPTIONS]

Static checks of the tree and its Dockerfiles. Exit 1 on any error.

Options:
  -f, --file FILE     bake file (repeatable)
      --set T.K=V     override a target field (repeatable)
      --var NAME=V    set a variable (repeatable)`;

export function checkLine(d: Diagnostic): string {
	const where = d.range ? `${d.range.file}:${d.range.start.line}:${d.range.start.col}: ` : '';
	return `${where}${d.severity}: ${d.summary}`;
}

export const command: Command = {
	summary: 'static checks of the tree and its Dockerfiles',
	async run(args, io) {
		const parsed = parseBakeArgs(args, io, {}, USAGE);
		if (!parsed) return 0;
		const {flags} = parsed;
		const tree = loadTree({files: flags.files, env: io.env, vars: flags.vars, set: flags.set});
		const diags = checkTree(tree, {
			readFile(path) {
				try {
					return readFileSync(isAbsolute(path) ? path : join(io.cwd, path), 'utf8');
				} catch {
					return undefined;
				}
			},
		});
		const errors = diags.filter((d) => d.severity === 'error').length;
		if (diags.length > 0) io.stdout.write(`${diags.map(checkLine).join('\n')}\n`);
		io.stderr.write(`${errors} error(s), ${diags.length - errors} warning(s)\n`);
		return errors > 0 ? 1 : 0;
	},
};
