// `baketree [-f FILE]... [--set ...] [--var ...] [--top-down]`: the tree explorer. Without a
// terminal it prints the tree instead (what `baketree tree` prints) and exits 0.

import {filePersistence, persistKey} from '../../core/app/persist.js';
import {plainTree} from '../../core/app/plain.js';
import type {AppDeps, TreeResult} from '../../core/app/types.js';
import {goJson} from '../../core/bake/resolve/go-json.js';
import {targetJson} from '../../core/bake/resolve/print.js';
import {type LoadedTree, loadTree} from '../../core/tree.js';
import {COMMANDS, type Command} from '../commands.js';
import {parseBakeArgs} from './bake-common.js';

const USAGE = `Usage: baketree [-f FILE]... [--set T.K=V]... [--var NAME=V]... [--top-down]

Opens the bake tree full-screen: root at the bottom, each target above what it is built from.
Press ? inside for the keys. Without a terminal, prints the tree and exits.

Options:
  -f, --file FILE     bake file (repeatable; default: buildx's names, then docker/bake.hcl)
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
	const t = resolved.targets.get(name);
	const json = t ? (JSON.parse(goJson(targetJson(t))) as Record<string, unknown>) : undefined;
	cache.set(name, json);
	return json;
}

export const command: Command = {
	summary: 'open the tree explorer (the default command)',
	async run(args, io) {
		const parsed = parseBakeArgs(args, io, {'top-down': {type: 'boolean'}}, USAGE);
		if (!parsed) return 0;
		const {flags, values} = parsed;
		const topDown = values['top-down'] === true;
		const interactive = io.stdout.isTTY === true && io.stdinIsTTY;
		if (!interactive) {
			const tree = COMMANDS['tree'];
			if (tree) return (await tree()).run(args, io);
			const loaded = loadTree({files: flags.files, env: io.env, vars: flags.vars, set: flags.set});
			io.stdout.write(plainTree(loaded, topDown ? 'top-down' : 'bottom-up'));
			return 0;
		}
		// The UI is loaded only when a terminal is there to show it.
		const [{createAppStore}, {runApp}, {readFile}, {resolve}, {startBuild}, {complementLauncher}] =
			await Promise.all([
				import('../../core/app/store.js'),
				import('../../ui/run-app.js'),
				import('node:fs/promises'),
				import('node:path'),
				import('../../core/build/start-build.js'),
				import('../../core/app/complement-run.js'),
			]);
		const names = flags.files.map((f) => f.name);
		// The first read already happened (discovery); later reads see edits on disk.
		const firstRead = new Map(flags.files.map((f) => [f.name, f.content]));
		const deps: AppDeps = {
			loadTree: (input) => loadTree(input),
			readFile: async (path) => {
				const first = firstRead.get(path);
				if (first !== undefined) {
					firstRead.delete(path);
					return first;
				}
				return readFile(resolve(io.cwd, path), 'utf8');
			},
			persistence: filePersistence(io.env),
			now: () => Date.now(),
			resolvedTarget,
			entitlementsOf: (tree, name) => (tree as LoadedTree).resolved.targets.get(name)?.entitlements,
			startBuild,
			startComplement: complementLauncher({cwd: io.cwd, env: io.env, files: names}),
		};
		const store = createAppStore(deps, {
			files: names,
			env: io.env,
			set: flags.set,
			vars: flags.vars,
			topDown,
			cwd: io.cwd,
			persistKey: persistKey(names, io.cwd),
		});
		return runApp({
			store,
			stdout: process.stdout,
			stdin: process.stdin,
			cwd: io.cwd,
			watch: names.filter((n) => n !== '-'),
		});
	},
};
