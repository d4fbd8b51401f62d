// `baketree tree [TARGET...]`: the dependency tree as text, root at the bottom.
import {closure} from '../../core/graph/queries.js';
import {loadTree} from '../../core/tree.js';
import {renderTree} from '../../core/tree-text.js';
import type {Command} from '../commands.js';
import {UsageError} from '../io.js';
import {parseBakeArgs} from './bake-common.js';

const USAGE = `Usage: baketree tree [OPTIONS] [TARGET...]

Draws the dependency tree (target: contexts after inherits), root at the bottom.
With targets, only what a build of them includes.

Options:
      --top-down      root at the top
      --instances     one line per matrix instance instead of one per block
  -f, --file FILE     bake file (repeatable)
      --set T.K=V     override a target field (repeatable)
      --var NAME=V    set a variable (repeatable)`;

export const command: Command = {
	summary: 'draw the dependency tree, root at the bottom',
	async run(args, io) {
		const parsed = parseBakeArgs(
			args,
			io,
			{'top-down': {type: 'boolean'}, instances: {type: 'boolean'}},
			USAGE,
		);
		if (!parsed) return 0;
		const {flags, values} = parsed;
		const tree = loadTree({files: flags.files, env: io.env, vars: flags.vars, set: flags.set});
		let only: Set<string> | undefined;
		if (flags.positionals.length > 0) {
			only = new Set();
			for (const name of flags.positionals) {
				const {targets} = tree.resolved.resolver.resolveGroup(name);
				for (const t of targets) {
					if (!tree.graph.nodes.has(t)) throw new UsageError(`failed to find target ${t}`);
					for (const n of closure(tree.graph, t)) only.add(n);
				}
			}
		}
		const lines = renderTree(tree.graph, {
			topDown: values['top-down'] === true,
			instances: values['instances'] === true,
			...(only ? {only} : {}),
		});
		io.stdout.write(`${lines.join('\n')}\n`);
		return 0;
	},
};
