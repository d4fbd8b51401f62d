// Compose files need the YAML parser, which is loaded on demand (core/bake/compose/support.ts)
// while bake parsing stays synchronous. Before a command that reads bake files runs, this looks
// at which files it will read (`-f`, BUILDX_BAKE_FILE or the default names) and loads compose
// support when one of them may be a compose file. A tree of `.hcl` files never loads it.

import {parseArgs} from 'node:util';
import {prepareBakeFiles} from '../core/bake/compose/support.js';
import {discoverNames} from '../core/bake/discover.js';
import type {CliIo} from './io.js';

const READS_BAKE_FILES = new Set(['ui', 'tree', 'print', 'list', 'check', 'build']);

export async function preloadComposeSupport(
	command: string,
	args: readonly string[],
	io: Pick<CliIo, 'cwd' | 'env'>,
): Promise<void> {
	if (!READS_BAKE_FILES.has(command)) return;
	let files: string[] = [];
	try {
		const {values} = parseArgs({
			args: [...args],
			options: {file: {type: 'string', short: 'f', multiple: true}},
			strict: false,
			allowPositionals: true,
		});
		files = (values['file'] as string[] | undefined)?.filter((f) => typeof f === 'string') ?? [];
	} catch {
		// The command itself reports bad arguments.
		return;
	}
	const {names} = discoverNames({cwd: io.cwd, files, env: io.env});
	await prepareBakeFiles(names.map((name) => ({name})));
}
