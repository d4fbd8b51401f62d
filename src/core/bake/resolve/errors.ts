// Resolution errors carry buildx's exact message text (tests and users compare against it).
// They have no source position: buildx's ReadTargets reports them without one either.
// A DiagnosticError so that every caller (CLI, TUI) shows them like any other bad input.

import {DiagnosticError, errorAt} from '../../diagnostics.js';

export class BakeError extends DiagnosticError {
	constructor(message: string) {
		super([errorAt(undefined, message)]);
		this.name = 'BakeError';
	}
}
