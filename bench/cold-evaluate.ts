// One parse+evaluate in a process that has run nothing else: code not yet optimised by V8,
// as in `baketree print` and the TUI's first frame. bench/evaluate.bench.ts bundles this file
// and runs it in fresh processes; it prints the milliseconds of that single call.

import {readFileSync} from 'node:fs';
import {parseBakeFiles} from '../src/core/bake/parse/index.js';

const file = process.argv[2];
if (!file) throw new Error('usage: cold-evaluate FILE');
const content = readFileSync(file, 'utf8');
const t0 = performance.now();
parseBakeFiles([{name: file, content}], {env: {}});
process.stdout.write(`${performance.now() - t0}\n`);
