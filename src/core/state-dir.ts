// The one place that knows where baketree keeps its files: state (saved runs, preferences) and
// cache (what can always be computed again: the output cache of `print` and `list`, and the
// code cache of the bundled CLI).
// XDG Base Directory: $XDG_STATE_HOME/baketree, else ~/.local/state/baketree, and
// $XDG_CACHE_HOME/baketree, else ~/.cache/baketree. BAKETREE_STATE_DIR and BAKETREE_CACHE_DIR
// override them (tests point them at temp dirs).

import {homedir} from 'node:os';
import {isAbsolute, join} from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

export function stateDir(env: Env = process.env): string {
	const override = env['BAKETREE_STATE_DIR'];
	if (override) return override;
	// The spec says relative XDG paths are invalid and must be ignored.
	const xdg = env['XDG_STATE_HOME'];
	if (xdg && isAbsolute(xdg)) return join(xdg, 'baketree');
	return join(env['HOME'] || homedir(), '.local', 'state', 'baketree');
}

/** Where saved build runs live: one folder per run. */
export function runsDir(env: Env = process.env): string {
	return join(stateDir(env), 'runs');
}

export function cacheDir(env: Env = process.env): string {
	const override = env['BAKETREE_CACHE_DIR'];
	if (override) return override;
	const xdg = env['XDG_CACHE_HOME'];
	if (xdg && isAbsolute(xdg)) return join(xdg, 'baketree');
	return join(env['HOME'] || homedir(), '.cache', 'baketree');
}

/** Where the output cache of `print` and `list` lives: one file per key. */
export function outputCacheDir(env: Env = process.env): string {
	return join(cacheDir(env), 'output');
}

/** Where the bundled CLI keeps V8's code cache (src/launcher.ts): one file per command. */
export function codeCacheDir(env: Env = process.env): string {
	return join(cacheDir(env), 'code');
}
