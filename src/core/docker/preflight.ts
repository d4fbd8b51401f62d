// Checks before a build, each failure with its fix: docker present, buildx present and new
// enough for rawjson, the chosen builder exists.

import {runCaptured} from '../process/run-captured.js';
import {type Builder, parseBuildxLs} from './builders.js';
import {PreflightError} from './errors.js';
import {locateDocker} from './locate.js';
import {type BuildxVersion, isSupported, MIN_BUILDX, parseBuildxVersion} from './version.js';

export interface PreflightOptions {
	readonly docker?: string | undefined;
	readonly builder?: string | undefined;
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly cwd?: string;
}

export interface PreflightResult {
	readonly docker: string;
	readonly buildx: BuildxVersion;
	readonly builders: Builder[];
	/** The builder the build will use (the chosen one, else the current one). */
	readonly builder: Builder | undefined;
}

async function run(docker: string, args: string[], env: PreflightOptions['env']) {
	return runCaptured({command: docker, args, env, timeoutMs: 30_000});
}

export async function preflight(opts: PreflightOptions): Promise<PreflightResult> {
	const docker = locateDocker({
		flag: opts.docker,
		env: opts.env,
		...(opts.cwd ? {cwd: opts.cwd} : {}),
	});
	const ver = await run(docker, ['buildx', 'version'], opts.env);
	const parsed = ver.exitCode === 0 ? parseBuildxVersion(ver.stdout) : undefined;
	if (!parsed) {
		throw new PreflightError(
			`docker buildx is not available (${docker} buildx version: ${firstLine(ver.stderr || ver.stdout) || `exit code ${ver.exitCode}`})`,
			'install the buildx plugin (package docker-buildx-plugin, or https://github.com/docker/buildx#installing)',
		);
	}
	if (!isSupported(parsed)) {
		throw new PreflightError(
			`docker buildx ${parsed.text} is older than v${MIN_BUILDX.major}.${MIN_BUILDX.minor}.0, whose --progress=rawjson output baketree reads`,
			'upgrade buildx to v0.13 or newer (https://github.com/docker/buildx/releases)',
		);
	}
	const ls = await run(docker, ['buildx', 'ls'], opts.env);
	const builders = ls.exitCode === 0 ? parseBuildxLs(ls.stdout) : [];
	let builder = builders.find((b) => b.current);
	if (opts.builder !== undefined) {
		builder = builders.find((b) => b.name === opts.builder);
		if (!builder) {
			const names = builders.map((b) => b.name).join(', ') || 'none';
			throw new PreflightError(
				`no builder "${opts.builder}" found (builders: ${names})`,
				`create it with 'docker buildx create --name ${opts.builder}', or pick one with --builder NAME`,
			);
		}
	}
	return {docker, buildx: parsed, builders, builder};
}

function firstLine(s: string): string {
	return s.trim().split('\n')[0] ?? '';
}
