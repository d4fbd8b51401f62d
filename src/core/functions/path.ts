// Bake's own path helpers (buildx hclparser/stdlib.go): Go's `path` package, `/` only.

import {homedir} from 'node:os';
import {STRING, str} from '../cty/value.js';
import {cleanPath} from '../go-path.js';
import {str as strArg} from './args.js';
import type {FunctionDef} from './types.js';

/** Go path.Base. */
export function goPathBase(p: string): string {
	if (p === '') return '.';
	const trimmed = p.replace(/\/+$/, '');
	if (trimmed === '') return '/';
	return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Go path.Dir. */
export function goPathDir(p: string): string {
	return cleanPath(p.slice(0, p.lastIndexOf('/') + 1));
}

/** Every code point outside [a-zA-Z0-9_-] becomes `_` (one per rune, as Go ranges runes). */
export function sanitizeName(s: string): string {
	let out = '';
	for (const ch of s) out += /^[a-zA-Z0-9_-]$/.test(ch) ? ch : '_';
	return out;
}

export const PATH_FUNCTIONS: Record<string, FunctionDef> = {
	basename: {
		description: 'Returns the last element of a slash-separated path.',
		params: [{name: 'path', type: STRING}],
		impl: (args) => str(goPathBase(strArg(args, 0))),
	},
	dirname: {
		description: 'Returns all but the last element of a slash-separated path.',
		params: [{name: 'path', type: STRING}],
		impl: (args) => str(goPathDir(strArg(args, 0))),
	},
	homedir: {
		description: "Returns the current user's home directory.",
		params: [],
		impl: () => str(homedir()),
	},
	sanitize: {
		description: 'Replaces every character not valid in a bake target name with an underscore.',
		params: [{name: 'name', type: STRING}],
		impl: (args) => str(sanitizeName(strArg(args, 0))),
	},
};
