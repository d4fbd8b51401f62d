// Loading compose support on demand. The YAML parser is a large module; a tree of `.hcl` files
// never needs it, so it is imported only when some file may be a compose file (in the bundle it
// lives in its own chunk). Parsing stays synchronous: callers `await prepareBakeFiles(files)`
// once, before parseBakeFiles, and the parse layer then uses the loaded module.

import type {SourceFile} from '../config.js';
import {mayBeCompose} from './detect.js';

type ComposeModule = typeof import('./index.js');

let loaded: ComposeModule | undefined;

export async function loadComposeSupport(): Promise<ComposeModule> {
	loaded ??= await import('./index.js');
	return loaded;
}

/** Loads compose support when any of the files may be a compose file; a no-op otherwise. */
export async function prepareBakeFiles(files: readonly Pick<SourceFile, 'name'>[]): Promise<void> {
	if (files.some((f) => mayBeCompose(f.name))) await loadComposeSupport();
}

/** The loaded module. A caller that skipped prepareBakeFiles is a bug, not bad input. */
export function composeSupport(): ComposeModule {
	if (!loaded)
		throw new Error('compose support is not loaded: call prepareBakeFiles(files) before parsing');
	return loaded;
}
