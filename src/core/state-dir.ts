// The one place that knows where baketree keeps its state (saved runs, preferences).
// XDG Base Directory: $XDG_STATE_HOME/baketree, else ~/.local/state/baketree.
// BAKETREE_STATE_DIR overrides both (tests point it at a temp dir).

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
