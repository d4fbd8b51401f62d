// The ParseFile / ParseFiles handler: runs parseBakeFiles on the case's virtual files and
// exposes the raw config under the corpus's path roots.

import {ComposeError} from '../core/bake/compose/errors.js';
import {prepareBakeFiles} from '../core/bake/compose/support.js';
import {parseBakeFiles} from '../core/bake/parse/index.js';
import {DiagnosticError} from '../core/diagnostics.js';
import {hclDiagnosticsString} from '../core/hcl/eval/index.js';
import type {ApiHandler, HandlerResult} from './corpus.js';
import {caseFiles} from './corpus.js';

export function errorResult(e: unknown): HandlerResult {
	// Compose errors carry buildx's own text, not an HCL diagnostic string.
	if (e instanceof ComposeError) return {error: e.message, diagnostics: e.diagnostics};
	if (e instanceof DiagnosticError) {
		return {error: hclDiagnosticsString(e.diagnostics), diagnostics: e.diagnostics};
	}
	if (e instanceof Error) return {error: e.message};
	return {error: String(e)};
}

export const parseFilesHandler: ApiHandler = async (c) => {
	await prepareBakeFiles(caseFiles(c));
	try {
		const cfg = parseBakeFiles(caseFiles(c), {
			env: c.env ?? {},
			...(c.vars ? {vars: c.vars} : {}),
			...(c.defaults ? {defaults: c.defaults} : {}),
		});
		const root = {
			groups: cfg.groups,
			targets: cfg.targets,
			targetNames: cfg.targets.map((t) => t.name),
			groupNames: cfg.groups.map((g) => g.name),
			targetByName: Object.fromEntries(cfg.targets.map((t) => [t.name, t])),
			groupByName: Object.fromEntries(cfg.groups.map((g) => [g.name, g])),
		};
		return {root};
	} catch (e) {
		return errorResult(e);
	}
};
