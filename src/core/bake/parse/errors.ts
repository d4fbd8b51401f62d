// Errors inside bake evaluation mirror buildx's two kinds: hcl.Diagnostics (positioned, passed
// through as they are) and plain errors (wrapped into one diagnostic by the caller, with the
// caller's summary and range - buildx's wrapErrorDiagnostic).

import type {Diagnostic, Range} from '../../diagnostics.js';
import {errorAt} from '../../diagnostics.js';

export class BakeFail extends Error {
	readonly diags: readonly Diagnostic[] | undefined;
	/** A variable or function that does not exist (buildx errUndefined): skipped by lazy loads. */
	readonly undefinedName: boolean;
	constructor(
		message: string,
		opts: {diags?: readonly Diagnostic[]; undefinedName?: boolean} = {},
	) {
		super(message);
		this.name = 'BakeFail';
		this.diags = opts.diags;
		this.undefinedName = opts.undefinedName ?? false;
	}

	static diags(diags: readonly Diagnostic[]): BakeFail {
		return new BakeFail(diags[0]?.summary ?? 'error', {diags});
	}
}

/** buildx wrapErrorDiagnostic: diagnostics pass through, other errors get summary + range. */
export function wrapError(summary: string, err: unknown, range: Range | undefined): Diagnostic[] {
	if (err instanceof BakeFail && err.diags) return [...err.diags];
	const detail = err instanceof Error ? err.message : String(err);
	return [errorAt(range, summary, detail)];
}
