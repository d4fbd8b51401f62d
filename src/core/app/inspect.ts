// What the inspector shows for the row under the cursor, as styled lines: where the target is
// defined, its inherits chain, inputs and dependents, the size of its build closure, its
// resolved attributes (as `print` shows them), its args with their origin, and the Dockerfile
// lines of its stage.

import type {RawTarget} from '../bake/config.js';
import {closureOfAll} from '../build/plan.js';
import type {Range} from '../diagnostics.js';
import type {TreeResult, TreeRow} from './types.js';

export type LineStyle = 'title' | 'heading' | 'key' | 'text' | 'dim' | 'code' | 'error';
export interface InspectLine {
	readonly text: string;
	readonly style: LineStyle;
}

export interface InspectInput {
	readonly tree: TreeResult;
	readonly row: TreeRow;
	/** Matching instances of the row's block (for block rows). */
	readonly instances: readonly string[];
	readonly resolved?: Record<string, unknown> | undefined;
	/** Why the target cannot be resolved, when it cannot. */
	readonly problem?: string | undefined;
	readonly set: readonly string[];
	/** The Dockerfile text when read, or an error message. */
	readonly dockerfile?: {readonly path: string; readonly text?: string; readonly error?: string};
}

const rawIndex = new WeakMap<object, Map<string, RawTarget>>();
function rawTargets(tree: TreeResult): Map<string, RawTarget> {
	let m = rawIndex.get(tree.raw);
	if (!m) {
		m = new Map(tree.raw.targets.map((t) => [t.name, t]));
		rawIndex.set(tree.raw, m);
	}
	return m;
}

export function where(r: Range | undefined): string {
	return r ? `${r.file}:${r.start.line}` : '?';
}

/** Every target `name` inherits from, nearest first, each once. */
export function inheritsChain(tree: TreeResult, name: string): string[] {
	const raw = rawTargets(tree);
	const out: string[] = [];
	const queue = [...(raw.get(name)?.inherits ?? [])];
	while (queue.length > 0) {
		const next = queue.shift() as string;
		if (out.includes(next) || next === name) continue;
		out.push(next);
		queue.push(...(raw.get(next)?.inherits ?? []));
	}
	return out;
}

/** Where the value of one arg was written: the nearest target in the chain that sets it. */
export function argOrigin(
	tree: TreeResult,
	name: string,
	key: string,
	set: readonly string[],
): string {
	for (const s of set) {
		const m = /^([^.=]+)\.args\.([^=]+)=/.exec(s);
		if (m && m[2] === key && (m[1] === name || m[1] === '*')) return `--set ${s}`;
	}
	const raw = rawTargets(tree);
	for (const t of [name, ...inheritsChain(tree, name)]) {
		const args = raw.get(t)?.args;
		if (args && Object.hasOwn(args, key)) {
			const origin = tree.raw.targetOrigins.get(t);
			const r = origin?.fieldRanges.args ?? origin?.blockRanges[0];
			return t === name ? where(r) : `${t} (${where(r)})`;
		}
	}
	return 'built in';
}

/** `context/dockerfile` as bake reads it, or undefined for inline and remote contexts. */
export function dockerfilePath(resolved: Record<string, unknown> | undefined): string | undefined {
	if (!resolved || typeof resolved['dockerfile-inline'] === 'string') return undefined;
	const context = typeof resolved['context'] === 'string' ? resolved['context'] : '.';
	const file = typeof resolved['dockerfile'] === 'string' ? resolved['dockerfile'] : 'Dockerfile';
	if (/^[a-z]+:\/\//i.test(context) || context.startsWith('git@')) return undefined;
	if (file.startsWith('/')) return file;
	return context === '.' ? file : `${context.replace(/\/$/, '')}/${file}`;
}

/** The lines (1-based numbers) of the stage `target`, or of the last stage without one. */
export function stageLines(
	text: string,
	target: string | undefined,
): {from: number; lines: string[]} {
	const lines = text.split('\n');
	const starts: {line: number; name?: string}[] = [];
	lines.forEach((l, i) => {
		const m = /^\s*FROM\s+(?:--\S+\s+)*\S+(?:\s+AS\s+(\S+))?\s*$/i.exec(l);
		if (m) starts.push(m[1] ? {line: i, name: m[1]} : {line: i});
	});
	const idx = target
		? starts.findIndex((s) => s.name?.toLowerCase() === target.toLowerCase())
		: starts.length - 1;
	const start = starts[idx];
	if (!start) return {from: 1, lines: []};
	const end = starts[idx + 1]?.line ?? lines.length;
	return {from: start.line + 1, lines: lines.slice(start.line, end)};
}

function fieldText(v: unknown): string {
	return typeof v === 'string' ? v : JSON.stringify(v);
}

export function inspectLines(input: InspectInput): InspectLine[] {
	const {tree, row} = input;
	const {graph} = tree;
	const out: InspectLine[] = [];
	const push = (text: string, style: LineStyle = 'text'): void => {
		out.push({text, style});
	};
	if (row.kind === 'block') {
		const info = graph.blocks.get(row.block);
		push(`${row.block}  (matrix block)`, 'title');
		push(`defined at ${where(info?.range)}`, 'dim');
		push(`${row.count} of ${row.total} instances shown`);
		const closure = closureOfAll(graph, input.instances);
		push(`a build of all of them builds ${closure.length} targets`);
		const axes = graph.axes.filter((a) => a.blocks.includes(row.block));
		if (axes.length > 0) push('matrix', 'heading');
		for (const a of axes) push(`  ${a.name}: ${a.values.join(', ')}`);
		if (row.inputs.length > 0) push(`built from: ${row.inputs.join(', ')}`, 'key');
		const deps = new Set<string>();
		for (const n of input.instances)
			for (const d of graph.nodes.get(n)?.dependents ?? []) {
				const b = graph.nodes.get(d)?.block;
				if (b && b !== row.block) deps.add(b);
			}
		if (deps.size > 0) push(`needed by: ${[...deps].join(', ')}`, 'key');
		return out;
	}
	const name = row.target ?? row.label;
	const node = graph.nodes.get(name);
	const origin = tree.raw.targetOrigins.get(name);
	push(name, 'title');
	if (input.problem) push(input.problem, 'error');
	if (node?.description) push(node.description, 'dim');
	push(
		`defined at ${origin ? origin.blockRanges.map(where).join(', ') : where(node?.range)}`,
		'dim',
	);
	if (node && node.vector.size > 0)
		push(`vector ${[...node.vector].map(([k, v]) => `${k}=${v}`).join(' ')}`, 'dim');
	const chain = inheritsChain(tree, name);
	if (chain.length > 0) push(`inherits ${chain.join(' → ')}`);
	push(`a build of it builds ${closureOfAll(graph, [name]).length} targets`);
	if (node && node.inputs.size > 0) {
		push('contexts (inputs)', 'heading');
		for (const [k, v] of node.inputs) push(`  ${k} ← ${v}`);
	}
	if (node && node.dependents.length > 0) {
		push(`dependents (${node.dependents.length})`, 'heading');
		for (const d of node.dependents.slice(0, 12)) push(`  ${d}`);
		if (node.dependents.length > 12) push(`  … ${node.dependents.length - 12} more`, 'dim');
	}
	const r = input.resolved;
	if (r) {
		const args = r['args'];
		if (args && typeof args === 'object') {
			push('args', 'heading');
			for (const [k, v] of Object.entries(args as Record<string, unknown>))
				push(`  ${k}=${fieldText(v)}  ← ${argOrigin(tree, name, k, input.set)}`);
		}
		push('resolved', 'heading');
		for (const [k, v] of Object.entries(r)) if (k !== 'args') push(`  ${k}: ${fieldText(v)}`);
	}
	const df = input.dockerfile;
	if (df) {
		const target = r && typeof r['target'] === 'string' ? r['target'] : undefined;
		push(`${df.path}${target ? ` (stage ${target})` : ''}`, 'heading');
		if (df.error) push(`  ${df.error}`, 'error');
		else if (df.text !== undefined) {
			const stage = stageLines(df.text, target);
			if (stage.lines.length === 0) push('  stage not found', 'dim');
			stage.lines.forEach((l, i) => {
				push(`${String(stage.from + i).padStart(4)} ${l}`, 'code');
			});
		} else push('  reading…', 'dim');
	}
	return out;
}
