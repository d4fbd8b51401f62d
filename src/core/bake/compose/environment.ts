// The environment compose files are interpolated with (buildx composeEnv): the process
// environment unless BUILDX_BAKE_DISABLE_VARS_ENV_LOOKUP is set, then the `.env` file of the
// working directory for names not set yet (buildx reads it even with env lookup disabled), then
// the `--var` values, which win. It is also the project environment that `args` without a value
// are resolved from.

import type {ParseOptions} from '../config.js';
import {envLookupAllowed} from '../parse/variables.js';
import {DotenvError, parseDotenv} from './dotenv.js';
import {ComposeError} from './errors.js';
import type {FileReader} from './files.js';

export function composeEnv(opts: ParseOptions, files: FileReader): Map<string, string> {
	const processEnv = opts.env ?? {};
	const env = new Map<string, string>();
	if (envLookupAllowed(processEnv)) {
		for (const [k, v] of Object.entries(processEnv)) if (v !== undefined) env.set(k, v);
	}
	const dotenv = files.read('.env');
	if (dotenv !== undefined) {
		let parsed: Map<string, string>;
		try {
			parsed = parseDotenv(dotenv.content, (k) => env.get(k));
		} catch (e) {
			if (e instanceof DotenvError)
				throw new ComposeError(`failed to read ${dotenv.path}: ${e.message}`);
			throw e;
		}
		for (const [k, v] of parsed) if (!env.has(k)) env.set(k, v);
	}
	for (const [k, v] of Object.entries(opts.vars ?? {})) env.set(k, v);
	return env;
}
