// The error banner over the last good tree: the first diagnostic, positioned, with its snippet.

import {formatDiagnostic} from '../diagnostics.js';
import type {LoadError} from './types.js';

export const BANNER_MAX_LINES = 7;

export function bannerLines(error: LoadError | null): string[] {
	if (!error) return [];
	const first = error.diagnostics[0];
	if (!first) return [];
	const lines = formatDiagnostic(first, error.sources).split('\n');
	if (error.variable)
		lines.unshift(`variable ${error.variable}: the value does not evaluate (x resets it)`);
	const more = error.diagnostics.length - 1;
	if (more > 0) lines.push(`… and ${more} more error${more > 1 ? 's' : ''}`);
	return lines.slice(0, BANNER_MAX_LINES);
}
