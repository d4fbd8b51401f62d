// Runs the bundled CLI (`node dist/cli.js ARGS`) to its end without a terminal, in the e2e
// environment (child-env.ts), and returns what it wrote. A CLI on a terminal: pty.ts.

import {type SpawnSyncReturns, spawnSync} from 'node:child_process';
import {childEnv} from './child-env.js';
import {CLI} from './pty.js';

export interface RunOptions {
	readonly cwd?: string;
	/** Standard input; none (an empty pipe) when left out. */
	readonly input?: string;
	/** Variables added to the e2e environment, or replacing its own. */
	readonly env?: Record<string, string>;
}

export function runCli(args: readonly string[], opts: RunOptions = {}): SpawnSyncReturns<string> {
	return spawnSync(process.execPath, [CLI, ...args], {
		cwd: opts.cwd ?? process.cwd(),
		encoding: 'utf8',
		env: childEnv(opts.env),
		...(opts.input !== undefined ? {input: opts.input} : {}),
	});
}
