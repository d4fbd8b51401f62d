// `baketree print` as a whole process (Node start included) on generated trees in tuwunel's
// style: 80 blocks / 749 instances (goal < 200 ms) and 80 blocks / 10,421 instances (< 1.5 s).

import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {
	instanceCount,
	LARGE,
	MEDIUM,
	type TreeShape,
	writeTree,
} from '../test/fixtures/gen/generate-tree.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)] as number;
}

function timePrint(dir: string, file: string, runs = 5): number {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'print', '-f', file], {
			cwd: dir,
			stdio: ['ignore', 'ignore', 'inherit'],
			env: {PATH: process.env['PATH'] ?? ''},
		});
		times.push(performance.now() - t0);
	}
	return median(times);
}

export async function benchPrint(): Promise<
	{name: string; value: number; unit: string; goal?: string}[]
> {
	execFileSync(process.execPath, [join(root, 'scripts/bundle.mjs')], {cwd: root, stdio: 'inherit'});
	const dir = mkdtempSync(join(tmpdir(), 'baketree-bench-'));
	try {
		const shapes: [string, TreeShape, string][] = [
			['medium', MEDIUM, '< 200'],
			['large', LARGE, '< 1500'],
		];
		const out = [];
		for (const [name, shape, goal] of shapes) {
			const file = writeTree(join(dir, name), shape);
			out.push({
				name: `print: whole process, ${instanceCount(shape)} instances (median of 5)`,
				value: Math.round(timePrint(join(dir, name), file)),
				unit: 'ms',
				goal,
			});
		}
		return out;
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}
