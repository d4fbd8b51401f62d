// The ParseFile / ParseFiles handler: runs parseBakeFiles on the case's virtual files and
// exposes the raw config under the corpus's path roots.

import {parseBakeFiles} from '../core/bake/parse/index.js';
import {DiagnosticError} from '../core/diagnostics.js';
import {hclDiagnosticsString} from '../core/hcl/eval/index.js';
import type {ApiHandler, ConformanceCase, HandlerResult} from './corpus.js';
import {caseFiles} from './corpus.js';

/** Why a case needs compose support, or undefined when it has only HCL/JSON files. */
export function composeReason(c: ConformanceCase): string | undefined {
	for (const f of caseFiles(c)) {
		const l = f.name.toLowerCase();
		if (l.endsWith('.yml') || l.endsWith('.yaml')) return `needs compose file support (${f.name})`;
		if (
			!l.endsWith('.hcl') &&
			!l.endsWith('.json') &&
			/^\s*(services|version)\s*:/m.test(f.content)
		) {
			return `needs compose file support (${f.name} is compose YAML)`;
		}
	}
	return undefined;
}

export function errorResult(e: unknown): HandlerResult {
	if (e instanceof DiagnosticError) {
		return {error: hclDiagnosticsString(e.diagnostics), diagnostics: e.diagnostics};
	}
	if (e instanceof Error) return {error: e.message};
	return {error: String(e)};
}

export const parseFilesHandler: ApiHandler = (c) => {
	const reason = composeReason(c);
	if (reason) return {skip: reason};
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
