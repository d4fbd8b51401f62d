// The testee's side of the compliance suite: runs every case through `baketree print` and
// writes one JSON line per case ({name, ok, stdout, stderr} or {name, skip}) to stdout.
// Usage: node testee.mjs CASES.json [RUN_REGEX]

import {invocation, loadCases, runCase} from './cases.mjs';

const [path = '/cases.json', run = '.*'] = process.argv.slice(2);
const pattern = new RegExp(run);
for (const c of loadCases(path)) {
	if (!pattern.test(c.name)) continue;
	const inv = invocation(c);
	if (inv.skip) {
		process.stdout.write(`${JSON.stringify({name: c.name, skip: inv.skip})}\n`);
		continue;
	}
	// `baketree print` takes what `bake --print` takes, minus the --print itself.
	const argv = inv.argv.filter((a) => a !== '--print');
	const r = runCase(c, {...inv, argv}, process.env.BAKETREE ?? 'baketree', ['print']);
	process.stdout.write(`${JSON.stringify({name: c.name, ...r})}\n`);
}
