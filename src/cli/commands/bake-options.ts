// The flags shared by the bake commands, spelled as buildx spells them: -f/--file
// (repeatable), --set (repeatable), --var NAME=VALUE (repeatable). A module of its own so that
// the output cache can read the same options without loading the evaluator.

import type {ParseArgsConfig} from 'node:util';

export const BAKE_OPTIONS = {
	file: {type: 'string', short: 'f', multiple: true},
	set: {type: 'string', multiple: true},
	var: {type: 'string', multiple: true},
	help: {type: 'boolean', short: 'h'},
} as const satisfies ParseArgsConfig['options'];
