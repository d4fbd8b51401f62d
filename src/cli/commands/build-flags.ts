// Flags shared by `build` and `replay` (`--summary json`, `--no-tui`).

import {UsageError} from '../io.js';

export type SummaryFormat = 'json' | undefined;

export function summaryFormat(value: string | undefined): SummaryFormat {
	if (value === undefined) return undefined;
	if (value === 'json') return 'json';
	throw new UsageError(`--summary: unknown format "${value}" (supported: json)`);
}

/** `NAME=VALUE` pairs (from `--var`). */
export function parseVars(values: readonly string[]): Record<string, string> {
	const vars: Record<string, string> = {};
	for (const v of values) {
		const eq = v.indexOf('=');
		if (eq <= 0) throw new UsageError(`--var: expected NAME=VALUE, got "${v}"`);
		vars[v.slice(0, eq)] = v.slice(eq + 1);
	}
	return vars;
}
