// Issue 2's measure: lex+parse and full evaluation (buildx's ParseFile layer: variables,
// functions, matrices) of generated trees in tuwunel's style.
// Goal: the 80-block / ~700-instance tree parses and evaluates in under 30 ms warm.
// Evaluation runs bundled in child processes (bench/evaluate-child.ts): warm, and cold (the
// first call in a fresh process, Node's start not counted: what `print` and the first frame pay).

import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import type {SourceFile} from '../src/core/bake/config.js';
import {parseHcl} from '../src/core/hcl/parser.js';
import {
	generateTree,
	instanceCount,
	LARGE,
	MEDIUM,
	type TreeShape,
} from '../test/fixtures/gen/generate-tree.js';

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)] as number;
}

function timeIt(runs: number, warmup: number, fn: () => void): number {
	for (let i = 0; i < warmup; i++) fn();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		fn();
		times.push(performance.now() - t0);
	}
	return median(times);
}

function bakeFiles(shape: TreeShape): SourceFile[] {
	const files: SourceFile[] = [];
	for (const [name, content] of generateTree(shape))
		if (name.endsWith('.hcl')) files.push({name, content});
	return files;
}

/**
 * bench/evaluate-child.ts bundled and minified into `dir` (an ES module holding the evaluation
 * code as the CLI bundles it, without the launcher). Built once per bench run.
 */
async function buildChild(dir: string): Promise<string> {
	const script = join(dir, 'evaluate.mjs');
	await build({
		entryPoints: [fileURLToPath(new URL('./evaluate-child.ts', import.meta.url))],
		outfile: script,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		minify: true,
		logLevel: 'warning',
	});
	return script;
}

/** In fresh processes: the median of `processes` cold single calls, or of their warm medians. */
function evaluateInChild(
	script: string,
	bake: string,
	mode: 'cold' | {runs: number; warmup: number},
	processes: number,
): number {
	const args =
		mode === 'cold'
			? [script, bake, 'cold']
			: [script, bake, 'warm', `${mode.runs}`, `${mode.warmup}`];
	const times: number[] = [];
	for (let i = 0; i < processes; i++)
		times.push(Number(execFileSync(process.execPath, args, {encoding: 'utf8'})));
	return median(times);
}

export async function benchEvaluate(): Promise<
	{name: string; value: number; unit: string; goal?: string}[]
> {
	const out: {name: string; value: number; unit: string; goal?: string}[] = [];
	const dir = mkdtempSync(join(tmpdir(), 'baketree-eval-'));
	try {
		const script = await buildChild(dir);
		// Runs per warm figure, warm-up calls before them, processes for the cold figure.
		for (const [shape, runs, warmup, coldProcesses, goal] of [
			[MEDIUM, 20, 10, 7, '< 30'],
			[LARGE, 3, 2, 3, undefined],
		] as const) {
			const files = bakeFiles(shape);
			const [first] = files;
			if (!first || files.length !== 1) throw new Error('the evaluation bench takes one file');
			const bake = join(dir, `${instanceCount(shape)}.hcl`);
			writeFileSync(bake, first.content);
			const lines = files.reduce((n, f) => n + f.content.split('\n').length, 0);
			const label = `${shape.sBlocks + shape.fsBlocks + shape.rfsBlocks + shape.crfsBlocks} blocks, ${instanceCount(shape)} instances, ${lines} lines`;
			const parse = timeIt(runs, 10, () => {
				for (const f of files) parseHcl(f.content, f.name);
			});
			out.push({name: `lex+parse warm (${label})`, value: parse, unit: 'ms'});
			// Warm means optimised: V8 needs several whole evaluations of a tree this size before
			// its hot functions are compiled (the first five or so are 2-5x slower). Measured
			// bundled and minified (under tsx the same loop runs ~1.5x slower).
			const warm = evaluateInChild(script, bake, {runs, warmup}, 3);
			out.push({
				name: `parse+evaluate warm, bundled (${label})`,
				value: warm,
				unit: 'ms',
				...(goal ? {goal} : {}),
			});
			out.push({
				name: `parse+evaluate cold, fresh process (${label})`,
				value: evaluateInChild(script, bake, 'cold', coldProcesses),
				unit: 'ms',
			});
		}
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
	return out;
}
