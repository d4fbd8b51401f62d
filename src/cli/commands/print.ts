// `baketree print [TARGET...]`: what `docker buildx bake --print` prints, byte for byte.
// Answered from the output cache when nothing it reads has changed; the evaluation
// (./print-eval.ts) is loaded only on a miss.
import type {Command} from '../commands.js';
import {runWithOutputCache} from './cached-output.js';

const USAGE = `Usage: baketree print [OPTIONS] [TARGET...]

Prints the resolved targets as JSON, as 'docker buildx bake --print' does.

Options:
  -f, --file FILE     bake file (repeatable; default: buildx's names, then docker/bake.hcl)
      --set T.K=V     override a target field (repeatable; globs and += as in buildx)
      --var NAME=V    set a variable (repeatable)

The output is cached by its inputs (files, arguments, environment); BAKETREE_NO_CACHE=1 turns it off.`;

export const command: Command = {
	summary: 'print the resolved targets as JSON (docker buildx bake --print)',
	run: (args, io) =>
		runWithOutputCache('print', args, io, {}, async (evalIo, files) =>
			(await import('./print-eval.js')).printOutput(args, evalIo, USAGE, files),
		),
};
