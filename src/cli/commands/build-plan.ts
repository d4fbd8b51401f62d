// What `baketree build` reads from the tree before it starts buildx: the closure and who waits
// for whom (for the build view), the declared variables among the `--var`s, and the
// entitlements the closure requests. buildx does not ask about entitlements in rawjson mode,
// so we do: a y/n question on a terminal, else a failure naming the `--allow` to add.

import {createInterface} from 'node:readline/promises';
import type {SourceFile} from '../../core/bake/config.js';
import {readBakeFiles, STDIN_NAME} from '../../core/bake/discover.js';
import {type BuildPlan, missingEntitlements, planBuild} from '../../core/build/plan.js';
import {loadTree} from '../../core/tree.js';
import {type CliIo, UsageError} from '../io.js';

export interface CliBuildPlan extends BuildPlan {
	/** The bake files to pass to buildx (discovered ones included: `docker/bake.hcl` is ours). */
	readonly files: readonly string[];
	/** The definition read from standard input (`-f -`), for buildx's standard input. */
	readonly stdin: string | undefined;
}

export function planCliBuild(
	io: CliIo,
	o: {files: readonly string[]; set: readonly string[]; vars: Record<string, string>},
	targets: readonly string[],
): CliBuildPlan {
	const files: SourceFile[] = readBakeFiles({
		cwd: io.cwd,
		files: [...o.files],
		env: io.env,
		stdin: io.readStdin,
	});
	const tree = loadTree({files, env: io.env, vars: o.vars, set: o.set});
	const resolver = tree.resolved.resolver;
	const plan = planBuild({
		raw: tree.raw,
		graph: tree.graph,
		targets,
		vars: o.vars,
		entitlementsOf: (name) => tree.resolved.target(name)?.entitlements,
		expand: (name) => {
			try {
				return resolver.matchNames(name).flatMap((n) => resolver.resolveGroup(n).targets);
			} catch {
				return [name];
			}
		},
	});
	// buildx gets the names it would not find on its own; `-f -` the same text on its stdin.
	const names = files.map((f) => f.name);
	const fromStdin = names.includes(STDIN_NAME);
	return {
		...plan,
		files: fromStdin ? o.files : names,
		stdin: fromStdin ? io.readStdin() : undefined,
	};
}

export function privilegesText(missing: readonly string[]): string {
	return [
		'Your build requests additional privileges:',
		...missing.map((e) => `  - ${e}`),
		`Grant them with ${missing.map((e) => `--allow=${e}`).join(' ')} (buildx asks the same).`,
	].join('\n');
}

/**
 * The entitlements to pass: `--allow` as given, plus the requested ones when the user agrees
 * on a terminal. Throws a UsageError naming the missing `--allow`s otherwise.
 */
export async function grantEntitlements(
	io: CliIo,
	requested: readonly string[],
	allowed: readonly string[],
	ask: ((question: string) => Promise<string>) | undefined,
): Promise<string[]> {
	const missing = missingEntitlements(requested, allowed);
	if (missing.length === 0) return [...allowed];
	const text = privilegesText(missing);
	if (!ask) throw new UsageError(`additional privileges requested\n${text}`);
	io.stderr.write(`${text}\n`);
	const answer = (await ask('Grant them and continue? [y/N] ')).trim().toLowerCase();
	if (answer !== 'y' && answer !== 'yes')
		throw new UsageError(`additional privileges requested and not granted: ${missing.join(', ')}`);
	return [...allowed, ...missing];
}

/** Asks one question on the process's terminal. */
export async function askOnTerminal(question: string): Promise<string> {
	const rl = createInterface({input: process.stdin, output: process.stderr});
	try {
		return await rl.question(question);
	} finally {
		rl.close();
	}
}
