// One Complement run from start to end: reads the source (a command or a log file), feeds the
// store line by line, saves the run as it goes, and settles with how it ended.

import {batchedLines} from '../process/line-splitter.js';
import {runStreaming} from '../process/run-streaming.js';
import type {Env} from '../state-dir.js';
import {readLogFile} from './log-source.js';
import {formatResultsFile} from './results-file.js';
import {RunSaver} from './run-saver.js';
import type {ComplementStore, RunEnd} from './store.js';

export type ComplementSource =
	| {
			readonly kind: 'command';
			readonly command: string;
			readonly args: readonly string[];
			readonly cwd: string;
			/** Our environment; the child gets it plus `extraEnv`. */
			readonly env: Env;
			/** Matrix values and --env settings, named by the axes (e.g. cargo_profile=test). */
			readonly extraEnv: Readonly<Record<string, string>>;
	  }
	| {readonly kind: 'log'; readonly path: string; readonly follow: boolean};

export interface ComplementSession {
	cancel(): void;
	readonly done: Promise<RunEnd>;
	/** Cancels the run and resolves once it has ended and is saved (a baketree that must end). */
	stop(): Promise<void>;
	/** Folder of the saved run; undefined when saving was not asked for. */
	readonly savedDir: string | undefined;
}

export interface SessionOptions {
	readonly source: ComplementSource;
	readonly store: ComplementStore;
	/** Where to save the run (the state dir comes from this env); no saving when undefined. */
	readonly saveEnv?: Env | undefined;
	readonly baselinePath?: string | undefined;
}

export async function startComplementSession(options: SessionOptions): Promise<ComplementSession> {
	const {source, store} = options;
	const saver = options.saveEnv
		? await RunSaver.create(
				options.saveEnv,
				source.kind === 'command'
					? {
							command: [source.command, ...source.args],
							env: source.extraEnv,
							cwd: source.cwd,
							baseline: options.baselinePath,
						}
					: {log: source.path, baseline: options.baselinePath},
				source.kind === 'command',
			)
		: undefined;
	const ingest = (lines: readonly string[]) => store.getState().ingestLines(lines);

	let cancel: () => void;
	let ended: Promise<RunEnd>;
	if (source.kind === 'command') {
		const run = runStreaming({
			command: source.command,
			args: source.args,
			cwd: source.cwd,
			env: {...source.env, ...source.extraEnv},
			onChunk: (chunk) => saver?.appendLog(chunk),
			onLines: ingest,
		});
		cancel = () => run.cancel();
		ended = run.done.then((r) => ({exitCode: r.exitCode, canceled: r.canceled, error: r.error}));
	} else {
		const abort = new AbortController();
		const lines = batchedLines(ingest);
		cancel = () => abort.abort();
		ended = readLogFile(source.path, {
			follow: source.follow,
			signal: abort.signal,
			onChunk: (chunk) => lines.write(chunk),
		}).then(
			() => {
				lines.end();
				return {exitCode: 0, canceled: abort.signal.aborted};
			},
			(err: unknown) => ({
				exitCode: undefined,
				canceled: false,
				error: err instanceof Error ? err.message : String(err),
			}),
		);
	}

	const done = ended.then(async (end) => {
		store.getState().finish(end);
		await saver?.finish(formatResultsFile(store.getState().model.results()), end);
		return end;
	});
	const stop = async () => {
		cancel();
		await done.catch(() => undefined);
	};
	return {cancel: () => cancel(), done, stop, savedDir: saver?.dir};
}
