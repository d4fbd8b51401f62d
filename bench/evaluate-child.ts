// parse+evaluate of one bake file in a process of its own, bundled as baketree ships:
// bench/evaluate.bench.ts builds this file with esbuild and runs it. Prints milliseconds.
//   evaluate-child FILE cold            one call in a process that has run nothing else (code
//                                       not yet optimised, as in `print` and the first frame)
//   evaluate-child FILE warm RUNS WARM  median of RUNS calls after WARM warm-up calls

import {readFileSync} from 'node:fs';
import {parseBakeFiles} from '../src/core/bake/parse/index.js';

const [file, mode = 'cold', runsText = '20', warmText = '10'] = process.argv.slice(2);
if (!file) throw new Error('usage: evaluate-child FILE cold|warm [RUNS WARMUP]');
const files = [{name: file, content: readFileSync(file, 'utf8')}];
const once = (): number => {
	const t0 = performance.now();
	parseBakeFiles(files, {env: {}});
	return performance.now() - t0;
};
if (mode === 'cold') process.stdout.write(`${once()}\n`);
else {
	for (let i = 0; i < Number(warmText); i++) once();
	const times = Array.from({length: Number(runsText)}, once).sort((a, b) => a - b);
	process.stdout.write(`${times[Math.floor(times.length / 2)]}\n`);
}
