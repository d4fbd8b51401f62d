// `baketree [-f FILE]... [--set ...] [--var ...] [--top-down]`: the tree explorer. Without a
// terminal it prints the tree instead (what `baketree tree` prints) and exits 0. With `-f -` the
// definition is all of standard input and the keys come from the terminal (/dev/tty).

import {filePersistence, persistKey} from '../../core/app/persist.js';
import {plainTree} from '../../core/app/plain.js';
import type {AppStore} from '../../core/app/store.js';
import type {AppDeps, TreeResult} from '../../core/app/types.js';
import {STDIN_NAME} from '../../core/bake/discover.js';
import {goJson} from '../../core/bake/resolve/go-json.js';
import {targetJson} from '../../core/bake/resolve/print.js';
import {type LoadedTree, loadTree} from '../../core/tree.js';
import {paintReading} from '../../ui/first-paint.js';
import {enterFullScreen, signalExitCode, terminalSize} from '../../ui/terminal.js';
import {COMMANDS, type Command} from '../commands.js';
import {type CliIo, openTerminalKeys, UsageError} from '../io.js';
import {parseBakeArgs} from './bake-common.js';

const USAGE = `Usage: baketree [-f FILE]... [--set T.K=V]... [--var NAME=V]... [--top-down]

Opens the bake tree full-screen: root at the bottom, each target above what it is built from.
Press ? inside for the keys. Without a terminal, prints the tree and exits.

Options:
  -f, --file FILE     bake file (repeatable; default: buildx's names, then docker/bake.hcl;
                      - reads standard input, and keys then come from the terminal)
      --set T.K=V     override a target field (repeatable)
      --var NAME=V    set a variable (repeatable)
      --top-down      draw the root at the top`;

const printed = new WeakMap<object, Map<string, Record<string, unknown> | undefined>>();

/** One target as `print` shows it, parsed back into plain JSON for the inspector. */
function resolvedTarget(tree: TreeResult, name: string): Record<string, unknown> | undefined {
	const resolved = (tree as LoadedTree).resolved;
	let cache = printed.get(resolved);
	if (!cache) {
		cache = new Map();
		printed.set(resolved, cache);
	}
	if (cache.has(name)) return cache.get(name);
	const t = resolved.target(name);
	const json = t ? (JSON.parse(goJson(targetJson(t))) as Record<string, unknown>) : undefined;
	cache.set(name, json);
	return json;
}

export const command: Command = {
	summary: 'open the tree explorer (the default command)',
	async run(args, io) {
		const onTerminal = io.stdout.isTTY === true;
		// Typing a definition and then keys into the same terminal is no way to work: say so
		// instead of waiting for an end of input that never comes.
		const readsDefinition: CliIo = {
			...io,
			readStdin: () => {
				if (onTerminal && io.stdinIsTTY)
					throw new UsageError(
						'-f - reads the bake definition from standard input, which is this terminal: pipe the definition in (baketree -f - < FILE) or name the file with -f FILE',
					);
				return io.readStdin();
			},
		};
		const parsed = parseBakeArgs(args, readsDefinition, {'top-down': {type: 'boolean'}}, USAGE);
		if (!parsed) return 0;
		const {flags, values} = parsed;
		const topDown = values['top-down'] === true;
		const fromStdin = flags.files.some((f) => f.name === STDIN_NAME);
		// Keys come from standard input, or from the terminal itself when stdin is the definition.
		let keys: NodeJS.ReadStream | undefined;
		if (onTerminal && fromStdin) keys = openTerminalKeys();
		else if (onTerminal && io.stdinIsTTY) keys = process.stdin;
		if (!keys) {
			const tree = COMMANDS['tree'];
			if (tree) return (await tree()).run(args, io);
			const loaded = loadTree({files: flags.files, env: io.env, vars: flags.vars, set: flags.set});
			io.stdout.write(plainTree(loaded, topDown ? 'top-down' : 'bottom-up'));
			return 0;
		}
		// The UI is loaded only when a terminal is there to show it. Ink and React are most of
		// the start-up: the screen shows the header (and which file is read) at once, their
		// code loads next, on a small heap, then the tree is read, and Ink's first frame is the
		// tree (one first render, not a "loading" one before it).
		const names = flags.files.map((f) => f.name);
		let store: AppStore | undefined;
		// A build or Complement run started from the explorer runs in a process group of its
		// own: on a signal or a lost terminal it is stopped, and its run saved, before baketree
		// ends (as for the commands, see ../stop-on-abort.ts).
		const stopRuns = async () => {
			const s = store?.getState();
			await Promise.allSettled([s?.build?.stop(), s?.complement?.stop()]);
		};
		const screen = enterFullScreen(process.stdout, (signal) => {
			store?.getState().persist();
			void stopRuns().finally(() => process.exit(signalExitCode(signal)));
		});
		const forgetOutput = io.onOutputFailure?.(stopRuns);
		try {
			paintReading(process.stdout, names, terminalSize(process.stdout).columns);
			const [{runApp}, {createAppStore}, {readFile}, {resolve}] = await Promise.all([
				import('../../ui/run-app.js'),
				import('../../core/app/store.js'),
				// node:fs, not node:fs/promises: loading that (with readline and the rest it
				// needs) costs the start ~2 ms, for the few files read after it.
				import('node:fs'),
				import('node:path'),
			]);
			// The first read already happened (discovery); later reads see edits on disk.
			const firstRead = new Map(flags.files.map((f) => [f.name, f.content]));
			const deps: AppDeps = {
				loadTree: (input) => loadTree(input),
				readFile: async (path) => {
					// Standard input was read once: a reload reads the same definition again.
					if (fromStdin && path === STDIN_NAME) return io.readStdin();
					const first = firstRead.get(path);
					if (first !== undefined) {
						firstRead.delete(path);
						return first;
					}
					return new Promise<string>((done, fail) =>
						readFile(resolve(io.cwd, path), 'utf8', (err, text) => (err ? fail(err) : done(text))),
					);
				},
				persistence: filePersistence(io.env),
				now: () => Date.now(),
				resolvedTarget,
				targetProblem: (tree, name) => (tree as LoadedTree).resolved.problemOf(name)?.summary,
				entitlementsOf: (tree, name) => (tree as LoadedTree).resolved.target(name)?.entitlements,
				// Builds and Complement runs load their code (execa, the run views) when first used.
				startBuild: async (o) => {
					const {startBuild} = await import('../../core/build/start-build.js');
					// buildx reads `-f -` from its own standard input: hand it the same definition.
					return startBuild(fromStdin ? {...o, stdin: io.readStdin()} : o);
				},
				startComplement: async (req) => {
					const {complementLauncher} = await import('../../core/app/complement-run.js');
					return complementLauncher({cwd: io.cwd, env: io.env, files: names})(req);
				},
			};
			store = createAppStore(
				deps,
				{
					files: names,
					env: io.env,
					set: flags.set,
					vars: flags.vars,
					topDown,
					cwd: io.cwd,
					persistKey: persistKey(names, io.cwd),
				},
				terminalSize(process.stdout),
			);
			await store.getState().load('start');
			return await runApp({
				store,
				screen,
				stdout: process.stdout,
				stdin: keys,
				cwd: io.cwd,
				watch: names.filter((n) => n !== STDIN_NAME),
			});
		} finally {
			forgetOutput?.();
			screen.restore();
			if (keys !== process.stdin) keys.destroy();
		}
	},
};
