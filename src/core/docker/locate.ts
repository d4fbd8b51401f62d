// Which `docker` executable to run: `--docker PATH`, else $BAKETREE_DOCKER, else the first
// `docker` on $PATH.

import {accessSync, constants, statSync} from 'node:fs';
import {delimiter, isAbsolute, join, resolve} from 'node:path';
import {PreflightError} from './errors.js';

export interface LocateOptions {
	readonly flag?: string | undefined;
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly cwd?: string;
}

function isExecutable(path: string): boolean {
	try {
		accessSync(path, constants.X_OK);
		return statSync(path).isFile();
	} catch {
		return false;
	}
}

export function locateDocker(opts: LocateOptions): string {
	const explicit = opts.flag ?? opts.env['BAKETREE_DOCKER'];
	if (explicit) {
		const path = isAbsolute(explicit) ? explicit : resolve(opts.cwd ?? process.cwd(), explicit);
		if (isExecutable(path)) return path;
		const from = opts.flag ? '--docker' : 'BAKETREE_DOCKER';
		throw new PreflightError(
			`docker executable not found: ${path} (from ${from})`,
			`point ${from} at the docker CLI, e.g. ${from === '--docker' ? '--docker /usr/bin/docker' : 'BAKETREE_DOCKER=/usr/bin/docker'}`,
		);
	}
	for (const dir of (opts.env['PATH'] ?? '').split(delimiter)) {
		if (!dir) continue;
		const path = join(dir, 'docker');
		if (isExecutable(path)) return path;
	}
	throw new PreflightError(
		'docker not found on PATH',
		'install Docker (https://docs.docker.com/get-docker/), or pass --docker PATH or set BAKETREE_DOCKER',
	);
}
