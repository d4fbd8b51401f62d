// Relative paths as compose-go leaves them in buildx (ResolvePaths with an empty working
// directory): `build.context`, `build.additional_contexts.*`, `build.ssh.*`, `secrets.*.file` and
// `env_file.*.path` are joined onto the base directory and cleaned, so `./dir` reads `dir` and
// `~/x` the home directory. URLs and remote contexts (`git@...`, `github.com/...`,
// `docker-image://...`) are kept. The base is "" for the files given to bake and the other
// file's directory for `extends.file` and `include`.

import {posix} from 'node:path';
import {isMap, type YMap, type YValue} from './values.js';

const REMOTE = ['https://', 'http://', 'git://', 'ssh://', 'github.com/', 'git@'];

/** Go's filepath.Join(base, p) on a POSIX host: cleaned, "" stays "". */
export function goJoin(base: string, p: string): string {
	const joined = [base, p].filter((s) => s !== '').join('/');
	if (joined === '') return '';
	const clean = posix.normalize(joined);
	return clean.length > 1 && clean.endsWith('/') ? clean.slice(0, -1) : clean;
}

export function resolveModelPaths(doc: YMap, base: string, home: string | undefined): void {
	const expandUser = (p: string) => (p.startsWith('~') && home ? goJoin(home, p.slice(1)) : p);
	const abs = (p: YValue): YValue => {
		if (typeof p !== 'string') return p;
		const e = expandUser(p);
		return posix.isAbsolute(e) || e === '' ? e : goJoin(base, e);
	};
	const context = (p: YValue): YValue => {
		if (typeof p !== 'string') return p;
		if (p.includes('://') || REMOTE.some((r) => p.startsWith(r))) return p;
		return abs(p);
	};
	const services = doc['services'];
	if (isMap(services)) {
		for (const svc of Object.values(services)) {
			if (!isMap(svc)) continue;
			const build = svc['build'];
			if (isMap(build)) {
				if (build['context'] !== undefined) build['context'] = context(build['context'] as YValue);
				for (const f of ['additional_contexts', 'ssh'] as const) {
					const m = build[f];
					if (isMap(m))
						for (const k of Object.keys(m))
							m[k] = f === 'ssh' ? abs(m[k] as YValue) : context(m[k] as YValue);
				}
			}
			const envFiles = svc['env_file'];
			if (Array.isArray(envFiles))
				for (const e of envFiles)
					if (isMap(e) && e['path'] !== undefined) e['path'] = abs(e['path'] as YValue);
		}
	}
	const secrets = doc['secrets'];
	if (isMap(secrets)) {
		for (const s of Object.values(secrets))
			if (isMap(s) && s['file'] !== undefined) s['file'] = abs(s['file'] as YValue);
	}
}
