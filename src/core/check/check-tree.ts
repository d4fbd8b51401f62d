// `baketree check`: static checks of a whole tree. Bake-level: groups naming missing targets,
// `target:` links to missing targets, cycles, more than one root, targets that fail to
// resolve. Dockerfile-level (per resolved target): the file exists, the `target` stage exists,
// ARGs without default get a value, FROM / COPY --from names are stages or contexts.

import type {Target} from '../bake/resolve/target.js';
import type {Diagnostic, Range, Severity} from '../diagnostics.js';
import {type DfRef, type Dockerfile, parseDockerfile} from '../dockerfile/parse.js';
import {isRemoteUrl} from '../go-path.js';
import type {LoadedTree} from '../tree.js';

export interface CheckIo {
	/** Reads a file relative to the working directory; undefined when it does not exist. */
	readFile(path: string): string | undefined;
}

// Build args BuildKit defines itself.
const BUILTIN_ARGS = new Set([
	'TARGETPLATFORM',
	'TARGETOS',
	'TARGETARCH',
	'TARGETVARIANT',
	'BUILDPLATFORM',
	'BUILDOS',
	'BUILDARCH',
	'BUILDVARIANT',
	'HTTP_PROXY',
	'HTTPS_PROXY',
	'FTP_PROXY',
	'NO_PROXY',
	'ALL_PROXY',
	'http_proxy',
	'https_proxy',
	'ftp_proxy',
	'no_proxy',
	'all_proxy',
	'SOURCE_DATE_EPOCH',
	'BUILDKIT_SYNTAX',
	'BUILDKIT_INLINE_CACHE',
	'BUILDKIT_CONTEXT_KEEP_GIT_DIR',
	'TARGETSTAGE',
	'BUILDKIT_MULTI_PLATFORM',
	'BUILDKIT_SANDBOX_HOSTNAME',
]);

const point = (file: string, line: number, col: number): Range => ({
	file,
	start: {line, col, offset: 0},
	end: {line, col: col + 1, offset: 0},
});

function diag(severity: Severity, summary: string, range: Range | undefined): Diagnostic {
	return range ? {severity, summary, detail: '', range} : {severity, summary, detail: ''};
}

export function checkTree(tree: LoadedTree, io: CheckIo): Diagnostic[] {
	const out: Diagnostic[] = [...tree.resolved.problems];
	const {raw, graph} = tree;
	const names = new Set([...raw.targets.map((t) => t.name), ...raw.groups.map((g) => g.name)]);
	for (const g of raw.groups) {
		const origin = raw.groupOrigins.get(g.name);
		g.targets.forEach((member, i) => {
			if (names.has(member)) return;
			const range = origin?.targetRanges?.[i] ?? origin?.blockRanges[0];
			out.push(
				diag(
					'error',
					`group "${g.name}" names "${member}", which is neither a target nor a group`,
					range,
				),
			);
		});
	}
	for (const [from, key, missing] of graph.dangling) {
		const origin = raw.targetOrigins.get(from);
		const range = origin?.fieldRanges.contexts ?? origin?.blockRanges[0];
		out.push(
			diag(
				'error',
				`target "${from}": context "${key}" links to "target:${missing}", which does not exist`,
				range,
			),
		);
	}
	for (const cycle of graph.cycles) {
		const range = raw.targetOrigins.get(cycle[0] as string)?.blockRanges[0];
		out.push(diag('error', `dependency cycle: ${cycle.join(' -> ')}`, range));
	}
	const rootBlocks = [...new Set(graph.roots.map((r) => graph.nodes.get(r)?.block ?? r))];
	if (rootBlocks.length > 1) {
		const range = graph.blocks.get(rootBlocks[1] as string)?.range;
		out.push(
			diag(
				'warning',
				`the tree has ${rootBlocks.length} roots (${rootBlocks.join(', ')}); a single root is expected`,
				range,
			),
		);
	}
	const cache = new Map<string, Dockerfile | undefined>();
	// Matrix instances share their block and Dockerfile: report each finding once per block,
	// naming the first instance and how many others have it.
	const found = new Map<string, {d: Diagnostic; more: number}>();
	for (const t of tree.resolved.targets.values()) {
		const block = raw.targetOrigins.get(t.name)?.block ?? t.name;
		for (const d of checkDockerfile(tree, t, io, cache)) {
			const r = d.range;
			const k = `${block}\0${r?.file}:${r?.start.line}:${r?.start.col}\0${d.summary.replaceAll(t.name, block)}`;
			const seen = found.get(k);
			if (seen) seen.more++;
			else found.set(k, {d, more: 0});
		}
	}
	for (const {d, more} of found.values())
		out.push(
			more
				? {
						...d,
						summary: `${d.summary} (and ${more} more instance${more > 1 ? 's' : ''} of the block)`,
					}
				: d,
		);
	return out;
}

function dockerfilePath(t: Target): string | undefined {
	const ctx = (t.context ?? '.').replace(/^cwd:\/\//, '');
	if (isRemoteUrl(ctx)) return undefined;
	const df = (t.dockerfile ?? 'Dockerfile').replace(/^cwd:\/\//, '');
	if (isRemoteUrl(df)) return undefined;
	if (df.startsWith('/')) return df;
	return ctx === '.' ? df : `${ctx.replace(/\/$/, '')}/${df}`;
}

function checkDockerfile(
	tree: LoadedTree,
	t: Target,
	io: CheckIo,
	cache: Map<string, Dockerfile | undefined>,
): Diagnostic[] {
	const origin = tree.raw.targetOrigins.get(t.name);
	const at = (f: 'dockerfile' | 'target' | 'args') =>
		origin?.fieldRanges[f] ?? origin?.blockRanges[0];
	let file: string;
	let df: Dockerfile | undefined;
	if (t['dockerfile-inline'] !== undefined) {
		file = `${t.name} (dockerfile-inline)`;
		df = parseDockerfile(t['dockerfile-inline']);
	} else {
		const path = dockerfilePath(t);
		if (path === undefined) return [];
		file = path;
		if (!cache.has(path)) {
			const text = io.readFile(path);
			cache.set(path, text === undefined ? undefined : parseDockerfile(text));
		}
		df = cache.get(path);
		if (!df)
			return [
				diag('error', `target "${t.name}": Dockerfile "${path}" not found`, at('dockerfile')),
			];
	}
	const out: Diagnostic[] = [];
	const stages = new Map(df.stages.filter((s) => s.name).map((s) => [s.name as string, s]));
	let last = df.stages[df.stages.length - 1];
	if (t.target !== undefined) {
		const s = stages.get(t.target.toLowerCase());
		if (!s) {
			out.push(
				diag('error', `target "${t.name}": stage "${t.target}" not found in ${file}`, at('target')),
			);
			return out;
		}
		last = s;
	}
	if (!last) return out;
	const contexts = new Set(Object.keys(t.contexts ?? {}));
	const args = new Set(Object.keys(t.args ?? {}));
	// Stages the build reaches from the requested one.
	const reach = new Set<number>();
	const queue = [last];
	while (queue.length > 0) {
		const s = queue.pop();
		if (!s || reach.has(s.index)) continue;
		reach.add(s.index);
		for (const ref of [s.base, ...s.refs]) {
			const dep =
				stages.get(ref.name.toLowerCase()) ??
				(/^\d+$/.test(ref.name) ? df.stages[Number(ref.name)] : undefined);
			if (dep && dep.index < s.index) queue.push(dep);
		}
	}
	const unknownRef = (ref: DfRef, stageIndex: number): boolean => {
		const n = ref.name;
		if (n.includes('$') || contexts.has(n)) return false;
		const s = stages.get(n.toLowerCase());
		if (s && s.index < stageIndex) return false;
		if (/^\d+$/.test(n)) return false;
		if (ref.kind === 'from' && (n === 'scratch' || /[:/@.]/.test(n))) return false;
		return !/[:/@]/.test(n);
	};
	for (const s of df.stages) {
		if (!reach.has(s.index)) continue;
		for (const ref of [s.base, ...s.refs]) {
			if (!unknownRef(ref, s.index)) continue;
			const what =
				ref.kind === 'from' ? 'FROM' : ref.kind === 'copy' ? 'COPY --from' : 'RUN --mount from';
			out.push(
				diag(
					ref.kind === 'from' ? 'warning' : 'error',
					`target "${t.name}": ${what} "${ref.name}" is neither a stage nor a context${ref.kind === 'from' ? ' (it would be pulled as an image)' : ''}`,
					point(file, ref.line, ref.col),
				),
			);
		}
		for (const a of s.args) {
			if (a.hasDefault || args.has(a.name) || BUILTIN_ARGS.has(a.name)) continue;
			const global = df.globalArgs.find((g) => g.name === a.name);
			if (global?.hasDefault) continue;
			out.push(
				diag(
					'warning',
					`target "${t.name}": ARG ${a.name} has no default and no value in args`,
					point(file, a.line, a.col),
				),
			);
		}
	}
	return out;
}
