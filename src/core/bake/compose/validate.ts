// Checking what bake keeps of a compose model, as buildx does: it filters the model down to
// `services.*.{image,build,environment,env_file}` and `secrets`, validates that against the
// compose JSON schema (compose-go's messages: `services.app.build.context must be a string`,
// `services.app.build additional properties 'foo' not allowed`), and, when the files are loaded
// together, checks consistency (`service "x" has neither an image nor a build context
// specified: invalid compose project`). Only the schema parts bake can reach are encoded here.

import type {Range} from '../../diagnostics.js';
import {ComposeError} from './errors.js';
import {has, isMap, newMap, typeName, type YMap, type YValue} from './values.js';

type Locate = (path: readonly (string | number)[], key?: boolean) => Range | undefined;
type Check = (v: YValue, path: (string | number)[]) => void;

class Checker {
	private readonly locate: Locate;
	constructor(locate: Locate) {
		this.locate = locate;
	}

	/** `at` is where to point when it is not the path itself (an unknown property's key). */
	fail(path: (string | number)[], message: string, at?: (string | number)[]): never {
		throw new ComposeError(
			`${path.join('.')} ${message}`,
			this.locate(at ?? path, at !== undefined),
		);
	}

	type(v: YValue, path: (string | number)[], ...types: string[]): void {
		const t = typeName(v);
		const ok = types.some((x) => x === t || (x === 'number' && t === 'integer'));
		if (!ok) this.fail(path, `must be a ${humanTypes(types)}`);
	}

	object(
		v: YValue,
		path: (string | number)[],
		props: Record<string, Check>,
		extensions = true,
	): void {
		this.type(v, path, 'object');
		const m = v as YMap;
		const extra = Object.keys(m).filter(
			(k) => !Object.hasOwn(props, k) && !(extensions && k.startsWith('x-')),
		);
		if (extra.length)
			this.fail(
				path,
				`additional properties ${extra.map((k) => `'${k}'`).join(', ')} not allowed`,
				[...path, extra[0] as string],
			);
		for (const [k, check] of Object.entries(props))
			if (has(m, k)) check(m[k] as YValue, [...path, k]);
	}
}

function humanTypes(types: readonly string[]): string {
	const names = types.map((t) => (t === 'object' ? 'mapping' : t === 'array' ? 'list' : t));
	if (names.length === 1) return names[0] as string;
	return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** buildx's filter: the parts of the model that bake reads, null services as empty ones. */
export function filterModel(dict: YMap): YMap {
	const out = newMap();
	if (has(dict, 'services')) {
		const services = dict['services'];
		if (isMap(services)) {
			const kept = newMap();
			for (const [name, svc] of Object.entries(services)) {
				if (svc === null) kept[name] = newMap();
				else if (isMap(svc)) {
					const s = newMap();
					for (const f of ['image', 'build', 'environment', 'env_file'])
						if (has(svc, f)) s[f] = svc[f] as YValue;
					kept[name] = s;
				} else kept[name] = svc;
			}
			out['services'] = kept;
		} else out['services'] = services as YValue;
	}
	if (has(dict, 'secrets')) out['secrets'] = dict['secrets'] as YValue;
	return out;
}

export function validateModel(model: YMap, locate: Locate): void {
	const c = new Checker(locate);
	const str: Check = (v, p) => c.type(v, p, 'string');
	const boolish: Check = (v, p) => c.type(v, p, 'boolean', 'string');
	const strList: Check = (v, p) => {
		c.type(v, p, 'array');
		(v as YValue[]).forEach((x, i) => {
			c.type(x, [...p, i], 'string');
		});
	};
	const keyValues: Check = (v, p) => {
		if (Array.isArray(v)) return strList(v, p);
		c.type(v, p, 'object', 'array');
		for (const [k, x] of Object.entries(v as YMap))
			c.type(x, [...p, k], 'string', 'number', 'boolean', 'null');
	};
	const hosts: Check = (v, p) => {
		c.type(v, p, 'object', 'array');
		if (isMap(v))
			for (const [k, x] of Object.entries(v)) {
				if (Array.isArray(x)) strList(x, [...p, k]);
				else c.type(x, [...p, k], 'string', 'array');
			}
	};
	const intish: Check = (v, p) => {
		c.type(v, p, 'integer', 'string');
	};
	const ulimits: Check = (v, p) => {
		c.type(v, p, 'object');
		for (const [k, u] of Object.entries(v as YMap)) {
			if (!/^[a-z]+$/.test(k)) c.fail(p, `additional properties '${k}' not allowed`, [...p, k]);
			if (isMap(u) && has(u, 'single')) intish(u['single'] as YValue, [...p, k]);
			else {
				c.object(u, [...p, k], {hard: intish, soft: intish});
				for (const r of ['soft', 'hard'])
					if (!has(u as YMap, r)) c.fail([...p, k], `missing property '${r}'`);
			}
		}
	};
	const mounts: Check = (v, p) => {
		c.type(v, p, 'array');
		(v as YValue[]).forEach((x, i) => {
			if (typeof x === 'string') return;
			c.object(x, [...p, i], {
				source: str,
				target: str,
				uid: str,
				gid: str,
				mode: (m, mp) => c.type(m, mp, 'number', 'string'),
			});
		});
	};
	const build: Check = (v, p) => {
		if (typeof v === 'string') return;
		c.type(v, p, 'string', 'object');
		c.object(v, p, {
			context: str,
			dockerfile: str,
			dockerfile_inline: str,
			entitlements: strList,
			args: keyValues,
			ssh: keyValues,
			labels: keyValues,
			cache_from: strList,
			cache_to: strList,
			no_cache: boolish,
			additional_contexts: keyValues,
			network: str,
			provenance: boolish,
			sbom: boolish,
			pull: boolish,
			target: str,
			shm_size: intish,
			extra_hosts: hosts,
			isolation: str,
			privileged: boolish,
			secrets: mounts,
			tags: strList,
			ulimits,
			platforms: strList,
		});
	};
	const envFile: Check = (v, p) => {
		if (typeof v === 'string') return;
		c.type(v, p, 'string', 'array');
		(v as YValue[]).forEach((e, i) => {
			if (typeof e === 'string') return;
			c.object(e, [...p, i], {path: str, required: boolish, format: str}, false);
			if (!has(e as YMap, 'path')) c.fail([...p, i], "missing property 'path'");
		});
	};
	const service: Check = (v, p) => {
		c.type(v, p, 'object');
		const s = v as YMap;
		if (has(s, 'image')) str(s['image'] as YValue, [...p, 'image']);
		if (has(s, 'build')) build(s['build'] as YValue, [...p, 'build']);
		if (has(s, 'environment')) keyValues(s['environment'] as YValue, [...p, 'environment']);
		if (has(s, 'env_file')) envFile(s['env_file'] as YValue, [...p, 'env_file']);
	};
	const secret: Check = (v, p) =>
		c.object(v, p, {
			name: str,
			environment: str,
			file: str,
			content: str,
			external: (x, xp) => {
				if (isMap(x)) c.object(x, xp, {name: str});
				else c.type(x, xp, 'boolean', 'string', 'object');
			},
			labels: keyValues,
			driver: str,
			driver_opts: (x, xp) => c.type(x, xp, 'object'),
			template_driver: str,
		});
	const named = (v: YValue, p: string, each: Check) => {
		c.type(v, [p], 'object');
		for (const [name, x] of Object.entries(v as YMap)) {
			if (!/^[a-zA-Z0-9._-]+$/.test(name))
				c.fail([p], `additional properties '${name}' not allowed`, [p, name]);
			each(x, [p, name]);
		}
	};
	if (has(model, 'services')) named(model['services'] as YValue, 'services', service);
	if (has(model, 'secrets')) named(model['secrets'] as YValue, 'secrets', secret);
}

/** compose-go checkConsistency, for the parts bake keeps. */
export function checkConsistency(model: YMap, locate: Locate): void {
	const invalid = (message: string, path: (string | number)[]) => {
		throw new ComposeError(`${message}: invalid compose project`, locate(path));
	};
	const services = isMap(model['services']) ? model['services'] : newMap();
	const secrets = isMap(model['secrets']) ? model['secrets'] : newMap();
	for (const [name, s] of Object.entries(services)) {
		if (!isMap(s)) continue;
		const b = s['build'];
		if ((b === undefined || b === null) && (typeof s['image'] !== 'string' || s['image'] === ''))
			invalid(
				`service ${JSON.stringify(name)} has neither an image nor a build context specified`,
				['services', name],
			);
		if (!isMap(b)) continue;
		if (nonEmpty(b['dockerfile']) && nonEmpty(b['dockerfile_inline']))
			invalid(
				`service ${JSON.stringify(name)} declares mutualy exclusive dockerfile and dockerfile_inline`,
				['services', name, 'build'],
			);
		const bs = b['secrets'];
		if (Array.isArray(bs))
			bs.forEach((x, i) => {
				const source = isMap(x) ? x['source'] : x;
				if (typeof source === 'string' && !has(secrets, source))
					invalid(`service ${JSON.stringify(name)} refers to undefined build secret ${source}`, [
						'services',
						name,
						'build',
						'secrets',
						i,
					]);
			});
	}
	for (const [name, s] of Object.entries(secrets)) {
		if (!isMap(s) || isExternal(s['external'])) continue;
		if (!nonEmpty(s['file']) && !nonEmpty(s['environment']) && !nonEmpty(s['content']))
			invalid(`secret ${JSON.stringify(name)} must declare either \`file\` or \`environment\``, [
				'secrets',
				name,
			]);
	}
}

const nonEmpty = (v: YValue | undefined) => typeof v === 'string' && v !== '';

export function isExternal(v: YValue | undefined): boolean {
	if (v === true) return true;
	if (typeof v === 'string') return ['y', 'yes', 'true', 'on'].includes(v.toLowerCase());
	return isMap(v);
}
