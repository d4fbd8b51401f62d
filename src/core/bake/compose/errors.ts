// Errors from compose files. The message is buildx's err.Error() text (what users and tests
// compare against); the diagnostic adds the file and, where known, the line and column, so the
// CLI can show the offending line. Kept free of the YAML parser: parse-files imports it.

import type {Range, SourceMap} from '../../diagnostics.js';
import {DiagnosticError, errorAt} from '../../diagnostics.js';

export class ComposeError extends DiagnosticError {
	constructor(
		message: string,
		range?: Range,
		extra: readonly DiagnosticError[] = [],
		sources?: SourceMap,
	) {
		super([errorAt(range, message), ...extra.flatMap((e) => e.diagnostics)], sources);
		this.message = message;
		this.name = 'ComposeError';
	}

	private get rest(): DiagnosticError[] {
		const more = this.diagnostics.slice(1);
		return more.length ? [new DiagnosticError(more)] : [];
	}

	/** The same error behind buildx's wrapping prefix (`failed to parse compose file: ...`). */
	wrap(prefix: string): ComposeError {
		const first = this.diagnostics[0];
		return new ComposeError(`${prefix}: ${this.message}`, first?.range, this.rest, this.sources);
	}

	/** The same error with the texts of the files it may point into, for snippets. */
	withSources(files: readonly {name: string; content: string}[]): ComposeError {
		const sources = new Map(this.sources ?? []);
		for (const f of files) sources.set(f.name, f.content);
		return new ComposeError(this.message, this.diagnostics[0]?.range, this.rest, sources);
	}
}
