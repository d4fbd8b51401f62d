// Issue 2's measure: lex+parse and full evaluation (buildx's ParseFile layer: variables,
// functions, matrices) of generated trees in tuwunel's style, in-process and warm.
// Goal: the 80-block / ~700-instance tree parses and evaluates in under 30 ms.
// Also the same call cold (first call in a fresh process, Node's start not counted): what
// `baketree print` and the TUI's first frame pay.

import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import type {SourceFile} from '../src/core/bake/config.js';
import {parseBakeFiles} from '../src/core/bake/parse/index.js';
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

/** Median of single cold parse+evaluate calls, each in a fresh process (bundled, as shipped). */
async function coldEvaluate(files: SourceFile[], runs: number): Promise<number> {
	const dir = mkdtempSync(join(tmpdir(), 'baketree-cold-'));
	try {
		const script = join(dir, 'cold.mjs');
		await build({
			entryPoints: [fileURLToPath(new URL('./cold-evaluate.ts', import.meta.url))],
			outfile: script,
			bundle: true,
			platform: 'node',
			format: 'esm',
			target: 'node20',
			minify: true,
			logLevel: 'warning',
		});
		const [first] = files;
		if (!first || files.length !== 1) throw new Error('cold evaluation takes one file');
		const bake = join(dir, 'docker-bake.hcl');
		writeFileSync(bake, first.content);
		const times: number[] = [];
		for (let i = 0; i < runs; i++)
			times.push(Number(execFileSync(process.execPath, [script, bake], {encoding: 'utf8'})));
		return median(times);
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

export async function benchEvaluate(): Promise<
	{name: string; value: number; unit: string; goal?: string}[]
> {
	const out: {name: string; value: number; unit: string; goal?: string}[] = [];
	for (const [shape, runs, goal] of [
		[MEDIUM, 20, '< 30'],
		[LARGE, 3, undefined],
	] as const) {
		const files = bakeFiles(shape);
		const lines = files.reduce((n, f) => n + f.content.split('\n').length, 0);
		const label = `${shape.sBlocks + shape.fsBlocks + shape.rfsBlocks + shape.crfsBlocks} blocks, ${instanceCount(shape)} instances, ${lines} lines`;
		const parse = timeIt(runs, 2, () => {
			for (const f of files) parseHcl(f.content, f.name);
		});
		const evaluate = timeIt(runs, 2, () => parseBakeFiles(files, {env: {}}));
		out.push({name: `lex+parse warm (${label})`, value: parse, unit: 'ms'});
		out.push({
			name: `parse+evaluate warm (${label})`,
			value: evaluate,
			unit: 'ms',
			...(goal ? {goal} : {}),
		});
		out.push({
			name: `parse+evaluate cold, fresh process (${label})`,
			value: await coldEvaluate(files, runs === 3 ? 3 : 7),
			unit: 'ms',
		});
	}
	return out;
}
