import {fileURLToPath} from 'node:url';
// `npm run conformance -- FILE.json [--skipped] [--only NAME]`: runs a conformance corpus
// in-process and exits 1 when any case fails.

import {parseArgs} from 'node:util';
import {loadCorpus} from '../src/conformance/corpus.js';
import {formatSummary, runCases} from '../src/conformance/runner.js';

const {values, positionals} = parseArgs({
	allowPositionals: true,
	options: {skipped: {type: 'boolean', default: false}, only: {type: 'string'}},
});
const file =
	positionals[0] ??
	fileURLToPath(new URL('../../shared/conformance/buildx-cases.json', import.meta.url));
let cases = loadCorpus(file);
if (values.only) cases = cases.filter((c) => c.name.includes(values.only as string));
const summary = await runCases(cases);
process.stdout.write(`${formatSummary(summary, {showSkipped: values.skipped})}\n`);
process.exitCode = summary.failed > 0 ? 1 : 0;
