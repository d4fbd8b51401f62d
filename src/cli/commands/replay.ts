// `baketree replay RUN|FILE`: opens a saved run, or any rawjson or `--progress=plain` log, in
// the build view (or prints its summary without a TTY). Needs no bake file: target names come
// from the run, else from the vertex-name prefixes.

import {parseArgs} from 'node:util';
import {BuildState} from '../../core/progress/build-state.js';
import {StreamIngestor} from '../../core/progress/ingest.js';
import {formatTextSummary, plainPrinter} from '../../core/progress/plain-printer.js';
import {buildSummaryJson} from '../../core/progress/summary.js';
import {resolveReplaySource} from '../../core/runs/list-runs.js';
import {readStreamLines} from '../../core/runs/read-stream.js';
import type {Command} from '../commands.js';
import {UsageError} from '../io.js';
import {summaryFormat} from './build-flags.js';

const HELP = `Usage: baketree replay [OPTIONS] RUN|FILE

Opens a saved run (an id from 'baketree runs', a unique id prefix, "last", or a run folder),
or any rawjson or --progress=plain log file, in the build view.

Options:
      --targets A,B     target names (default: from the run, else from vertex-name prefixes)
      --no-tui          print plain lines and a summary instead of the view
      --summary json    print one JSON summary object on stdout
  -h, --help            show this help
`;

export const command: Command = {
	summary: 'open a saved run or a rawjson/plain log in the build view',
	async run(args, io) {
		const {values, positionals} = parseArgs({
			args: [...args],
			allowPositionals: true,
			options: {
				targets: {type: 'string'},
				'no-tui': {type: 'boolean'},
				summary: {type: 'string'},
				help: {type: 'boolean', short: 'h'},
			},
		});
		if (values.help) {
			io.stdout.write(HELP);
			return 0;
		}
		const summary = summaryFormat(values.summary);
		const arg = positionals[0];
		if (arg === undefined || positionals.length > 1)
			throw new UsageError('replay: expected one RUN or FILE; see baketree replay --help');
		const source = resolveReplaySource(arg, io.env, io.cwd);
		if (!source) throw new UsageError(`replay: no run or file "${arg}" (see 'baketree runs')`);
		const given = values.targets?.split(',').filter(Boolean);
		const targets = given ?? (source.kind === 'run' ? [...source.run.targets] : undefined);
		const path = source.kind === 'run' ? source.stream : source.path;
		const exitCode = source.kind === 'run' ? source.run.exitCode : null;
		const title = source.kind === 'run' ? `run ${source.run.id}` : path;
		const tui =
			!values['no-tui'] && summary === undefined && io.stdout.isTTY === true && io.stdinIsTTY;
		if (tui) {
			const {runReplayTui} = await import('../../ui/build/run-build-tui.js');
			return runReplayTui({path, exitCode, title, ...(targets ? {targets} : {})});
		}
		const listener =
			summary === 'json' ? undefined : plainPrinter((s) => io.stdout.write(s), targets ?? []);
		const state = new BuildState({
			...(targets ? {targets, infer: true} : {}),
			...(listener ? {listener} : {}),
		});
		const ingest = new StreamIngestor(state);
		await readStreamLines(path, (l) => ingest.line(l));
		ingest.end();
		state.finish(exitCode);
		if (summary === 'json') io.stdout.write(`${JSON.stringify(buildSummaryJson(state))}\n`);
		else io.stdout.write(formatTextSummary(state));
		return 0;
	},
};
