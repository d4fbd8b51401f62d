// `baketree complement`: runs the Complement suite (or reads its log) and shows it live.
import {existsSync} from 'node:fs';
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import {dirname, resolve} from 'node:path';
import {parseArgs} from 'node:util';
import {summarize} from '../../core/complement/diff.js';
import {exitCodeFor, progressLine, summaryText} from '../../core/complement/report.js';
import {
	formatResultsFile,
	parseResultsFile,
	type ResultMap,
} from '../../core/complement/results-file.js';
import {type ComplementSource, startComplementSession} from '../../core/complement/session.js';
import {createComplementStore} from '../../core/complement/store.js';
import type {Command} from '../commands.js';
import {type CliIo, UsageError} from '../io.js';
import {exitOnAbort, stopOnAbort} from '../stop-on-abort.js';

const DEFAULT_SCRIPT = 'docker/complement.sh';
const DEFAULT_BASELINE = 'tests/complement/results.jsonl';

const HELP = `Usage: baketree complement [OPTIONS] [-- COMMAND ARGS...]

Runs the Complement compliance suite and shows its tests live, marking regressions against the
baseline as they happen. Without COMMAND, runs ${DEFAULT_SCRIPT} of the tree (the current folder).
Reads the tester's "pass<TAB>Test" lines, go test -json events and go test -v output.

Options:
  --baseline FILE   results to compare with (default: ${DEFAULT_BASELINE} when it exists)
  --log FILE        read a saved log instead of running a command
  --follow          with --log: keep reading as the file grows (stop with Ctrl-C)
  --env NAME=VALUE  add a variable to the command's environment (repeatable), e.g. cargo_profile=test
  --summary json    print one JSON object at the end: counts, regressions, progressions, new, missing
  --no-tui          print one line per finished test and a summary instead of the live view
  -h, --help        show this help

The run is saved under <state dir>/complement/<run id>/ (log, results, command, exit code).
In the live view, 'a' adopts the results as the new baseline (after a y/n question).

Exit status: 0 when the run finished with no regression, 1 on regressions or when the command
failed, 130 when canceled.
`;

interface Options {
	readonly baseline: string | undefined;
	readonly baselineMap: ResultMap | undefined;
	readonly source: ComplementSource;
	readonly summaryJson: boolean;
	readonly tui: boolean;
}

async function parseOptions(args: readonly string[], io: CliIo): Promise<Options | 'help'> {
	const dash = args.indexOf('--');
	const own = dash < 0 ? args : args.slice(0, dash);
	const commandArgv = dash < 0 ? [] : args.slice(dash + 1);
	const {values, positionals} = parseArgs({
		args: [...own],
		allowPositionals: true,
		options: {
			baseline: {type: 'string'},
			log: {type: 'string'},
			follow: {type: 'boolean', default: false},
			env: {type: 'string', multiple: true, default: []},
			summary: {type: 'string'},
			'no-tui': {type: 'boolean', default: false},
			help: {type: 'boolean', short: 'h', default: false},
		},
	});
	if (values.help) return 'help';
	if (positionals.length > 0)
		throw new UsageError(`unexpected argument "${positionals[0]}"; put the command after --`);
	if (values.summary !== undefined && values.summary !== 'json')
		throw new UsageError(`--summary takes "json", not "${values.summary}"`);
	if (values.follow && values.log === undefined) throw new UsageError('--follow needs --log FILE');
	if (values.log !== undefined && commandArgv.length > 0)
		throw new UsageError('give either --log FILE or a command after --, not both');

	const extraEnv: Record<string, string> = {};
	for (const setting of values.env) {
		const eq = setting.indexOf('=');
		if (eq <= 0) throw new UsageError(`--env takes NAME=VALUE, not "${setting}"`);
		extraEnv[setting.slice(0, eq)] = setting.slice(eq + 1);
	}

	const baseline =
		values.baseline !== undefined
			? resolve(io.cwd, values.baseline)
			: resolve(io.cwd, DEFAULT_BASELINE);
	if (values.baseline !== undefined && !existsSync(baseline))
		throw new UsageError(`baseline ${values.baseline} does not exist`);
	const baselineMap = existsSync(baseline)
		? parseResultsFile(await readFile(baseline, 'utf8'), values.baseline ?? DEFAULT_BASELINE)
		: undefined;

	let source: ComplementSource;
	if (values.log !== undefined) {
		const path = resolve(io.cwd, values.log);
		if (!existsSync(path)) throw new UsageError(`log ${values.log} does not exist`);
		source = {kind: 'log', path, follow: values.follow};
	} else {
		let argv = commandArgv;
		if (argv.length === 0) {
			const script = resolve(io.cwd, DEFAULT_SCRIPT);
			if (!existsSync(script))
				throw new UsageError(
					`no ${DEFAULT_SCRIPT} here; give the command to run after --, or --log FILE`,
				);
			argv = [script];
		}
		const [command = '', ...rest] = argv;
		source = {kind: 'command', command, args: rest, cwd: io.cwd, env: io.env, extraEnv};
	}
	const interactive = Boolean(io.stdout.isTTY) && io.stdinIsTTY;
	return {
		baseline: baselineMap ? baseline : values.baseline === undefined ? baseline : undefined,
		baselineMap,
		source,
		summaryJson: values.summary === 'json',
		tui: interactive && !values['no-tui'] && values.summary === undefined,
	};
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
	const opts = await parseOptions(args, io);
	if (opts === 'help') {
		io.stdout.write(HELP);
		return 0;
	}
	const plain = !opts.tui && !opts.summaryJson;
	let cancel: () => void = () => {};
	const store = createComplementStore({
		baseline: opts.baselineMap,
		baselinePath: opts.baseline,
		title:
			opts.source.kind === 'log'
				? `log ${opts.source.path}`
				: [opts.source.command, ...opts.source.args].join(' '),
		onResult: plain
			? (test, result, regression) => io.stdout.write(progressLine(test, result, regression))
			: undefined,
		adopt: opts.baseline
			? async () => {
					const path = opts.baseline ?? '';
					await mkdir(dirname(path), {recursive: true});
					await writeFile(path, formatResultsFile(store.getState().model.results()));
					return `Adopted as the baseline: ${path}`;
				}
			: undefined,
		cancel: () => cancel(),
	});
	const session = await startComplementSession({
		source: opts.source,
		store,
		saveEnv: io.env,
		baselinePath: opts.baseline,
	});
	cancel = () => session.cancel();

	if (opts.tui) {
		const {runComplementTui} = await import('../../ui/complement/run-tui.js');
		const release = exitOnAbort(io, () => session.stop());
		try {
			await runComplementTui(store);
		} finally {
			release();
		}
		session.cancel();
	} else {
		// Ctrl-C (or SIGTERM, SIGHUP, standard output gone): stop the command (SIGINT, then
		// SIGTERM) and report what we have.
		const release = stopOnAbort(io, session);
		await session.done.finally(release);
	}
	const end = await session.done;
	const summary = summarize(store.getState().model.results(), opts.baselineMap);
	if (opts.summaryJson) {
		io.stdout.write(`${JSON.stringify(summary)}\n`);
	} else {
		io.stdout.write(summaryText(summary, end, opts.baselineMap !== undefined));
		if (session.savedDir) io.stdout.write(`Saved: ${session.savedDir}\n`);
	}
	return exitCodeFor(summary, end);
}

export const command: Command = {
	summary: 'run the Complement suite (or read its log) and show results live',
	run,
};
