// `baketree list targets|variables [--format table|json]`: as `docker buildx bake --list`.
// Answered from the output cache when nothing it reads has changed; the evaluation
// (./list-eval.ts) is loaded only on a miss.
import type {Command} from '../commands.js';
import {runWithOutputCache} from './cached-output.js';

const USAGE = `Usage: baketree list targets|variables [OPTIONS]

Lists targets and groups, or variables, as 'docker buildx bake --list' does.

Options:
      --format FORMAT  table (default) or json
  -f, --file FILE      bake file (repeatable)
      --var NAME=V     set a variable (repeatable)

The output is cached by its inputs (files, arguments, environment); BAKETREE_NO_CACHE=1 turns it off.`;

export const LIST_OPTIONS = {format: {type: 'string'}} as const;

export const command: Command = {
	summary: 'list targets or variables (docker buildx bake --list)',
	run: (args, io) =>
		runWithOutputCache('list', args, io, LIST_OPTIONS, async (evalIo, files) =>
			(await import('./list-eval.js')).listOutput(args, evalIo, USAGE, files),
		),
};
