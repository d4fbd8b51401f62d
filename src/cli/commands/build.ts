// `baketree build [TARGET...]`: runs `docker buildx bake` with live progress. With a TTY it
// opens the build view; otherwise (or with --no-tui) it prints prefixed plain lines and a
// per-target summary; `--summary json` prints one JSON object instead.

import {parseArgs} from 'node:util';
import {readsStdin} from '../../core/bake/discover.js';
import {startBuild} from '../../core/build/start-build.js';
import {PreflightError} from '../../core/docker/errors.js';
import {preflight} from '../../core/docker/preflight.js';
import {formatTextSummary, plainPrinter} from '../../core/progress/plain-printer.js';
import {buildSummaryJson} from '../../core/progress/summary.js';
import type {Command} from '../commands.js';
import {type CliIo, UsageError} from '../io.js';
import {exitOnAbort, stopOnAbort} from '../stop-on-abort.js';
import {parseVars, summaryFormat} from './build-flags.js';
import {askOnTerminal, grantEntitlements, planCliBuild} from './build-plan.js';

const HELP = `Usage: baketree build [OPTIONS] [TARGET...]

Builds the targets (default: the "default" group) with docker buildx bake and live progress.

Options:
  -f, --file FILE       bake file (repeatable; - reads standard input, with --no-tui)
      --set K=V         override a target value (repeatable, as bake --set)
      --var NAME=VALUE  set a declared bake variable (repeatable; passed as environment)
      --builder NAME    buildx builder to use (see docker buildx ls)
      --allow ENT       grant an entitlement the targets request (repeatable); without it
                        the build asks on a terminal and fails otherwise
      --docker PATH     docker executable (default: $BAKETREE_DOCKER, else docker on PATH)
      --no-tui          print plain lines instead of the build view
      --summary json    print one JSON summary object on stdout
  -h, --help            show this help

Every run is saved (see 'baketree runs'); open one again with 'baketree replay'.
`;

export const command: Command = {
	summary: 'build targets with live buildx progress',
	async run(args, io) {
		const {values, positionals} = parseArgs({
			args: [...args],
			allowPositionals: true,
			options: {
				file: {type: 'string', short: 'f', multiple: true},
				set: {type: 'string', multiple: true},
				var: {type: 'string', multiple: true},
				builder: {type: 'string'},
				allow: {type: 'string', multiple: true},
				docker: {type: 'string'},
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
		const targets = positionals.length ? positionals : ['default'];
		const wantsTui = !values['no-tui'] && summary === undefined && io.stdout.isTTY === true;
		// The build view takes its keys from standard input: it cannot also be the definition.
		if (wantsTui && readsStdin({cwd: io.cwd, files: values.file ?? [], env: io.env}))
			throw new UsageError(
				'-f - reads the bake definition from standard input, which the build view needs for its keys: add --no-tui (or --summary json), or name the file with -f FILE',
			);
		const plan = planCliBuild(
			io,
			{files: values.file ?? [], set: values.set ?? [], vars: parseVars(values.var ?? [])},
			targets,
		);
		const interactive = io.stdout.isTTY === true && io.stdinIsTTY;
		const allow = await grantEntitlements(
			io,
			plan.entitlements,
			values.allow ?? [],
			interactive ? askOnTerminal : undefined,
		);
		let docker: string;
		try {
			docker = (
				await preflight({docker: values.docker, builder: values.builder, env: io.env, cwd: io.cwd})
			).docker;
		} catch (err) {
			if (err instanceof PreflightError) throw new UsageError(`${err.message}\n  fix: ${err.fix}`);
			throw err;
		}
		const tui = wantsTui && interactive;
		const common = {
			targets,
			knownTargets: plan.knownTargets,
			closure: plan.closure,
			waitsFor: plan.waitsFor,
			files: plan.files,
			stdin: plan.stdin,
			set: values.set ?? [],
			// Only declared variables: anything else in --var would not reach bake anyway.
			vars: plan.vars,
			builder: values.builder,
			allow,
			docker,
			env: io.env,
			cwd: io.cwd,
		};
		if (tui) {
			const {runBuildTui} = await import('../../ui/build/run-build-tui.js');
			return runBuildTui(common, (handle) => exitOnAbort(io, () => handle.stop()));
		}
		return runPlain(common, io, summary === 'json');
	},
};

async function runPlain(
	common: Parameters<typeof startBuild>[0],
	io: CliIo,
	json: boolean,
): Promise<number> {
	const write = (s: string) => io.stderr.write(s);
	const listener = json ? undefined : plainPrinter((s) => io.stdout.write(s), common.targets);
	const handle = startBuild({
		...common,
		...(listener ? {listener} : {}),
		onRun: (run) => write(`baketree: run ${run.id} (${run.dir})\n`),
	});
	const release = stopOnAbort(io, handle);
	try {
		const code = await handle.done;
		const state = handle.store.getState();
		if (state.problem) {
			write(`baketree: ${state.problem.problem}\n  fix: ${state.problem.fix ?? ''}\n`);
			return 1;
		}
		if (json) io.stdout.write(`${JSON.stringify(buildSummaryJson(state.build))}\n`);
		else io.stdout.write(formatTextSummary(state.build));
		return code;
	} finally {
		release();
	}
}
