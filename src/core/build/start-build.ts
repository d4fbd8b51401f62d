// Runs a build end to end: preflight (unless the caller did), a run folder, buildx with the
// stream tee'd to disk and into a BuildStore, cancel, and "rebuild the failed targets".
// The CLI (`baketree build`) and the tree browser (after `b`) both start builds here.

import {PreflightError} from '../docker/errors.js';
import {preflight} from '../docker/preflight.js';
import {type BakeProcess, runBake} from '../docker/run-bake.js';
import {LineSplitter} from '../process/line-splitter.js';
import {type BuildListener, BuildState} from '../progress/build-state.js';
import type {WaitsFor} from '../progress/rows.js';
import {type BuildStore, batchedIngest, createBuildStore} from '../progress/store.js';
import {createRun} from '../runs/run-dir.js';
import type {Env} from '../state-dir.js';

export interface StartBuildOptions {
	/** The targets to build (as given to bake). */
	readonly targets: readonly string[];
	/**
	 * Every target the build will run: the selection plus targets reached through `target:`
	 * contexts (buildx prefixes vertex names with all of them). Default: `closure` or `targets`.
	 */
	readonly knownTargets?: readonly string[];
	/** Selection -> everything that will be built; used for rebuilds. */
	readonly closure?: (targets: readonly string[]) => readonly string[];
	readonly files?: readonly string[];
	/** The definition read from standard input when `files` has `-` (buildx gets it likewise). */
	readonly stdin?: string | undefined;
	readonly set?: readonly string[];
	/** The bake file's declared variables (as edited), passed as environment. */
	readonly vars?: Readonly<Record<string, string>>;
	readonly builder?: string | undefined;
	/** Entitlements the user agreed to (`--allow`). */
	readonly allow?: readonly string[];
	/** A resolved docker path (preflight done by the caller), else preflight runs here. */
	readonly docker?: string | undefined;
	/** `--docker PATH` when preflight runs here. */
	readonly dockerFlag?: string | undefined;
	readonly env: Env;
	readonly cwd: string;
	readonly waitsFor?: WaitsFor;
	readonly store?: BuildStore;
	readonly listener?: BuildListener;
	readonly graceMs?: number;
	/** Called with the run id/folder when each run starts. */
	readonly onRun?: (run: {id: string; dir: string}) => void;
}

export interface BuildHandle {
	readonly store: BuildStore;
	cancel(): void;
	/** The exit code of the first run (130 = canceled; 1 when preflight failed). */
	readonly done: Promise<number>;
	/**
	 * Cancels the run going on, if any (the first or a rebuild), and resolves once it has
	 * ended and is saved: for a baketree that must end (a signal, its terminal gone).
	 */
	stop(): Promise<void>;
}

export function startBuild(opts: StartBuildOptions): BuildHandle {
	const store = opts.store ?? createBuildStore({live: true, title: opts.targets.join(' ')});
	let current: BakeProcess | undefined;
	let docker = opts.docker;

	const launch = async (targets: readonly string[], first: boolean): Promise<number> => {
		if (docker === undefined) {
			try {
				docker = (
					await preflight({
						docker: opts.dockerFlag,
						builder: opts.builder,
						env: opts.env,
						cwd: opts.cwd,
					})
				).docker;
			} catch (err) {
				if (!(err instanceof PreflightError)) throw err;
				store.getState().actions.fail({problem: err.message, fix: err.fix});
				return 1;
			}
		}
		const known =
			first && opts.knownTargets ? opts.knownTargets : (opts.closure?.(targets) ?? targets);
		const build = new BuildState({
			targets: known,
			...(opts.listener ? {listener: opts.listener} : {}),
		});
		const vars = opts.vars ?? {};
		const run = createRun({
			env: opts.env,
			argv: [],
			cwd: opts.cwd,
			targets,
			builder: opts.builder,
			vars,
		});
		opts.onRun?.({id: run.id, dir: run.dir});
		const ingest = batchedIngest(store, (line) => build.ingestLine(line));
		const splitter = new LineSplitter(ingest.line);
		store.getState().actions.begin({build, runId: run.id, title: targets.join(' ')});
		const proc = runBake({
			docker,
			cwd: opts.cwd,
			env: opts.env,
			vars,
			targets,
			...(opts.files ? {files: opts.files} : {}),
			stdin: opts.stdin,
			...(opts.set ? {set: opts.set} : {}),
			...(opts.allow ? {allow: opts.allow} : {}),
			builder: opts.builder,
			metadataFile: run.metadataFile,
			...(opts.graceMs !== undefined ? {graceMs: opts.graceMs} : {}),
			onStderr: (chunk) => {
				run.appendStream(chunk);
				splitter.write(chunk);
			},
			onStdout: (chunk) => run.appendStdout(chunk),
		});
		run.recordArgv(proc.argv);
		current = proc;
		const code = await proc.done;
		splitter.end();
		ingest.flush();
		run.finish(code);
		store.getState().actions.finish(code);
		return code;
	};

	const done = launch(opts.targets, true);
	// The run started last: a rebuild starts only once the one before it has ended.
	let latest: Promise<number> = done;
	store.getState().actions.attach({
		cancel: () => current?.cancel(),
		rebuild: (targets) => {
			latest = launch(targets, false);
		},
	});
	const cancel = () => store.getState().actions.cancel();
	const stop = async () => {
		cancel();
		await latest.catch(() => undefined);
	};
	return {store, cancel, done, stop};
}
