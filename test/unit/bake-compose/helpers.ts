// Parsing compose (and HCL) text as bake does, with files supplied in memory: `.env`,
// `env_file`, `include` and `extends.file` are read from `extra` (paths relative to /w).

import {loadComposeSupport} from '../../../src/core/bake/compose/support.js';
import type {ParseOptions, RawConfig, SourceFile} from '../../../src/core/bake/config.js';
import {parseBakeFiles} from '../../../src/core/bake/parse/index.js';
import {readTargets} from '../../../src/core/bake/resolve/read-targets.js';

await loadComposeSupport();

export function files(spec: Record<string, string>): SourceFile[] {
	return Object.entries(spec).map(([name, content]) => ({name, content}));
}

export function parse(
	spec: Record<string, string>,
	opts: ParseOptions & {extra?: Record<string, string>} = {},
): RawConfig {
	const {extra = {}, ...rest} = opts;
	return parseBakeFiles(files(spec), {
		env: {},
		cwd: '/w',
		readFile: (p) => (p.startsWith('/w/') ? extra[p.slice(3)] : undefined),
		...rest,
	});
}

export function resolved(
	spec: Record<string, string>,
	targets: string[] = ['default'],
	opts: ParseOptions & {extra?: Record<string, string>} = {},
) {
	return readTargets(parse(spec, opts), {targets, env: opts.env ?? {}});
}

/** The error a parse throws, as message and first position. */
export function parseError(
	spec: Record<string, string>,
	opts: ParseOptions & {extra?: Record<string, string>} = {},
): {message: string; where: string | undefined} {
	try {
		parse(spec, opts);
	} catch (e) {
		const d = (e as {diagnostics?: {range?: {file: string; start: {line: number; col: number}}}[]})
			.diagnostics?.[0];
		const r = d?.range;
		return {
			message: (e as Error).message,
			where: r ? `${r.file}:${r.start.line}:${r.start.col}` : undefined,
		};
	}
	throw new Error('expected the parse to fail');
}
