// `baketree runs`: the saved build runs, newest first.

import {parseArgs} from 'node:util';
import {listRuns} from '../../core/runs/list-runs.js';
import {runsDir} from '../../core/state-dir.js';
import type {Command} from '../commands.js';

const HELP = `Usage: baketree runs [--json]

Lists saved build runs (newest first) from the state directory
($BAKETREE_STATE_DIR, else $XDG_STATE_HOME/baketree, else ~/.local/state/baketree).
Open one with 'baketree replay ID'.
`;

function describeExit(code: number | null): string {
	if (code === null) return 'unfinished';
	if (code === 0) return 'ok';
	if (code === 130) return 'canceled';
	return `failed (${code})`;
}

export const command: Command = {
	summary: 'list saved build runs',
	async run(args, io) {
		const {values} = parseArgs({
			args: [...args],
			options: {json: {type: 'boolean'}, help: {type: 'boolean', short: 'h'}},
		});
		if (values.help) {
			io.stdout.write(HELP);
			return 0;
		}
		const runs = listRuns(io.env);
		if (values.json) {
			io.stdout.write(`${JSON.stringify(runs, null, 2)}\n`);
			return 0;
		}
		if (runs.length === 0) {
			io.stdout.write(`no saved runs in ${runsDir(io.env)}\n`);
			return 0;
		}
		const rows = runs.map((r) => {
			const ms = r.endedAt ? Date.parse(r.endedAt) - Date.parse(r.startedAt) : Number.NaN;
			return [
				r.id,
				r.startedAt.replace('T', ' ').slice(0, 19),
				Number.isNaN(ms) ? '-' : `${(ms / 1000).toFixed(1)}s`,
				describeExit(r.exitCode),
				r.targets.join(' '),
			];
		});
		const head = ['ID', 'STARTED (UTC)', 'TIME', 'RESULT', 'TARGETS'];
		const all = [head, ...rows];
		const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
		for (const r of all)
			io.stdout.write(
				`${r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i] ?? 0) : c)).join('  ')}\n`,
			);
		return 0;
	},
};
