// The tester's side of the compliance suite: runs every case through the real
// `buildx bake --print`, compares with the testee's results and prints one
// `pass|fail|skip<TAB>case` line per case (a `#` line after a failure says why).
// Writes the sorted {"Action","Test"} lines to RESULTS.jsonl.
// Usage: node tester.mjs CASES.json TESTEE.jsonl RESULTS.jsonl [RUN_REGEX]

import {readFileSync, writeFileSync} from 'node:fs';
import {compare, invocation, loadCases, runCase} from './cases.mjs';

const [path, testeePath, resultsPath, run = '.*'] = process.argv.slice(2);
if (!path || !testeePath || !resultsPath) {
	process.stderr.write('usage: tester.mjs CASES.json TESTEE.jsonl RESULTS.jsonl [RUN_REGEX]\n');
	process.exit(2);
}
const testee = new Map(
	readFileSync(testeePath, 'utf8')
		.split('\n')
		.filter((l) => l.trim() !== '')
		.map((l) => JSON.parse(l))
		.map((r) => [r.name, r]),
);
const buildx = process.env.BUILDX ?? 'buildx';
const pattern = new RegExp(run);
const results = [];
const counts = {pass: 0, fail: 0, skip: 0};
for (const c of loadCases(path)) {
	if (!pattern.test(c.name)) continue;
	const inv = invocation(c);
	const verdict = inv.skip
		? {action: 'skip', reason: inv.skip}
		: compare(runCase(c, inv, buildx, ['bake']), testee.get(c.name));
	counts[verdict.action]++;
	results.push({Action: verdict.action, Test: c.name});
	process.stdout.write(`${verdict.action}\t${c.name}\n`);
	if (verdict.action === 'fail') process.stdout.write(`#\t${verdict.reason}\n`);
}
results.sort((a, b) => (a.Test < b.Test ? -1 : a.Test > b.Test ? 1 : 0));
writeFileSync(resultsPath, results.map((r) => `${JSON.stringify(r)}\n`).join(''));
process.stdout.write(`# ${counts.pass} pass, ${counts.fail} fail, ${counts.skip} skip\n`);
