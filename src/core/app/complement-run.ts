// `C` in the explorer: runs the tree's Complement script for one instance, with the instance's
// matrix values as environment (the script reads e.g. cargo_profile), against the tree's
// baseline when there is one. The run is saved like `baketree complement` saves it.

import {existsSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {dirname, join, resolve} from 'node:path';
import {parseResultsFile, type ResultMap} from '../complement/results-file.js';
import {startComplementSession} from '../complement/session.js';
import {createComplementStore} from '../complement/store.js';
import type {Env} from '../state-dir.js';
import type {ComplementRequest, ComplementRun} from './types.js';

const SCRIPT = 'docker/complement.sh';
const BASELINE = 'tests/complement/results.jsonl';

export interface ComplementLauncherOptions {
	readonly cwd: string;
	readonly env: Env;
	/** The bake files (the first one's folder is the tree's). */
	readonly files: readonly string[];
}

/** The tree's folder: where `docker/` is (a bake file inside `docker/` belongs to its parent). */
export function treeRoot(cwd: string, files: readonly string[]): string {
	const first = files.find((f) => f !== '-');
	if (!first) return cwd;
	const dir = dirname(resolve(cwd, first));
	return dir.endsWith('/docker') && !existsSync(join(dir, SCRIPT)) ? dirname(dir) : dir;
}

export function complementLauncher(
	o: ComplementLauncherOptions,
): (req: ComplementRequest) => Promise<ComplementRun> {
	return async (req) => {
		const root = treeRoot(o.cwd, o.files);
		const script = join(root, SCRIPT);
		if (!existsSync(script)) throw new Error(`no ${SCRIPT} in ${root}: nothing to run for C`);
		const baselinePath = join(root, BASELINE);
		let baseline: ResultMap | undefined;
		if (existsSync(baselinePath))
			baseline = parseResultsFile(await readFile(baselinePath, 'utf8'), BASELINE);
		let cancel: () => void = () => {};
		const store = createComplementStore({
			baseline,
			baselinePath: baseline ? baselinePath : undefined,
			title: `${req.target}: ${SCRIPT}`,
			cancel: () => cancel(),
		});
		const session = await startComplementSession({
			source: {
				kind: 'command',
				command: script,
				args: [],
				cwd: root,
				env: o.env,
				extraEnv: req.env,
			},
			store,
			saveEnv: o.env,
			baselinePath: baseline ? baselinePath : undefined,
		});
		cancel = () => session.cancel();
		return {target: req.target, store, cancel, stop: () => session.stop()};
	};
}
