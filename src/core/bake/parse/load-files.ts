// Reading bake files into syntax trees by format (buildx ParseHCLFile): `.hcl` native,
// `.json` HCL-JSON, anything else native first and JSON as a fallback. Compose files never get
// here: parse-files hands them to ../compose first.

import type {Diagnostic} from '../../diagnostics.js';
import type {File} from '../../hcl/ast.js';
import {parseHcl} from '../../hcl/parser.js';
import type {SourceFile} from '../config.js';
import {parseJsonBakeFile} from './json-lower.js';

const hasErrors = (ds: readonly Diagnostic[]) => ds.some((d) => d.severity === 'error');

export function loadBakeFile(f: SourceFile): {file?: File; diagnostics: readonly Diagnostic[]} {
	const lower = f.name.toLowerCase();
	if (lower.endsWith('.json')) return parseJsonBakeFile(f.content, f.name);
	const hcl = parseHcl(f.content, f.name);
	if (lower.endsWith('.hcl') || !hasErrors(hcl.diagnostics)) return hcl;
	const json = parseJsonBakeFile(f.content, f.name);
	if (!hasErrors(json.diagnostics) && json.file) return json;
	return hcl;
}
