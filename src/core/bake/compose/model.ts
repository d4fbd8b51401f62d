// Loading compose files into one model, in buildx's order (loadComposeFiles on compose-go):
// per file and YAML document: interpolate, canonical forms, paths, `include`, `extends`; then
// merge the documents in order, drop `!reset` values, default `build.context` to ".", keep
// only what bake reads, validate it, and (for the whole set, not one file alone) check that it
// is consistent. Errors carry the file and position of the value they are about.

import {dirname} from 'node:path';
import type {Range} from '../../diagnostics.js';
import type {SourceFile} from '../config.js';
import {canonicalize} from './canonical.js';
import {DotenvError, parseDotenv} from './dotenv.js';
import {ComposeError} from './errors.js';
import type {FileReader} from './files.js';
import {interpolate} from './interpolate.js';
import {mergeDocuments} from './merge.js';
import {resolveModelPaths} from './paths.js';
import {applyExtends, applyIncludes} from './references.js';
import {checkConsistency, filterModel, validateModel} from './validate.js';
import {has, isMap, newMap, stripTags, type YMap} from './values.js';
import {type ComposeSource, readComposeYaml} from './yaml-read.js';

export interface LoadContext {
	readonly env: ReadonlyMap<string, string>;
	readonly files: FileReader;
	readonly home: string | undefined;
}

export interface ComposeModel {
	/** `services` and `secrets` as bake reads them (filtered, canonical, validated). */
	readonly model: YMap;
	/** The project environment (interpolation and `args` without a value). */
	readonly env: ReadonlyMap<string, string>;
	readonly sources: readonly ComposeSource[];
	/** Where a path was last written among the files (later files win, as values do). */
	locate(path: readonly (string | number)[], key?: boolean): Range | undefined;
}

export function loadComposeModel(
	files: readonly SourceFile[],
	ctx: LoadContext,
	opts: {consistency: boolean},
): ComposeModel {
	const sources: ComposeSource[] = [];
	const loading: string[] = [];
	const loadFiles = (
		list: readonly SourceFile[],
		env: ReadonlyMap<string, string>,
		base: string,
		record: boolean,
	): YMap => {
		let dict = newMap();
		for (const f of list) {
			const src = readComposeYaml(f.name, f.content);
			if (record) sources.push(src);
			for (const doc of src.documents) {
				const lookup = (k: string) => env.get(k);
				const v = interpolate(doc.value, lookup, doc.locate) as YMap;
				canonicalize(v);
				resolveModelPaths(v, base, ctx.home);
				const loader = {
					load: (paths: readonly string[], envFiles: readonly string[]) =>
						loadReferenced(paths, envFiles, env),
				};
				applyIncludes(v, loader);
				applyExtends(v, f.name, loader);
				dict = mergeDocuments(dict, v);
			}
		}
		return dict;
	};
	const loadReferenced = (
		paths: readonly string[],
		envFiles: readonly string[],
		env: ReadonlyMap<string, string>,
	): YMap => {
		const list: SourceFile[] = [];
		for (const p of paths) {
			const abs = ctx.files.resolve(p);
			if (loading.includes(abs))
				throw new ComposeError(`include cycle detected:\n${[...loading, abs].join('\n include ')}`);
			const r = ctx.files.read(p);
			if (!r) throw new ComposeError(`open ${abs}: no such file or directory`);
			list.push({name: p, content: r.content});
		}
		const scoped = new Map(env);
		for (const e of envFiles) {
			const r = ctx.files.read(e);
			if (!r) throw new ComposeError(`env file ${ctx.files.resolve(e)} not found`);
			for (const [k, v] of readEnvFile(r.path, r.content, (k) => scoped.get(k)))
				if (!scoped.has(k)) scoped.set(k, v);
		}
		loading.push(...list.map((f) => ctx.files.resolve(f.name)));
		try {
			return loadFiles(list, scoped, dirname(paths[0] ?? '.'), false);
		} finally {
			loading.length -= list.length;
		}
	};

	const dict = stripTags(loadFiles(files, ctx.env, '', true)) as YMap;
	const locate = (path: readonly (string | number)[], key?: boolean): Range | undefined => {
		for (let i = sources.length - 1; i >= 0; i--) {
			const docs = sources[i]?.documents ?? [];
			for (let j = docs.length - 1; j >= 0; j--) {
				const r = docs[j]?.locate(path, key);
				if (r && hasPath(docs[j]?.value, path)) return r;
			}
		}
		return undefined;
	};
	// buildx names no file here; with one file, the diagnostic can at least point at it.
	const only = files.length === 1 ? files[0]?.name : undefined;
	const start = {line: 1, col: 1, offset: 0};
	const empty = () =>
		new ComposeError('empty compose file', only ? {file: only, start, end: start} : undefined);
	if (Object.keys(dict).length === 0) throw empty();
	setDefaultContext(dict);
	const model = filterModel(dict);
	if (Object.keys(model).length === 0) throw empty();
	validateModel(model, locate);
	if (opts.consistency) checkConsistency(model, locate);
	return {model, env: ctx.env, sources, locate};
}

function hasPath(v: unknown, path: readonly (string | number)[]): boolean {
	let cur = v;
	for (const seg of path) {
		if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
		else if (isMap(cur as never) && has(cur as YMap, String(seg))) cur = (cur as YMap)[String(seg)];
		else return false;
	}
	return true;
}

/** compose-go SetDefaultValues: a build without a context builds ".". */
function setDefaultContext(dict: YMap): void {
	const services = dict['services'];
	if (!isMap(services)) return;
	for (const svc of Object.values(services)) {
		if (isMap(svc) && isMap(svc['build']) && !has(svc['build'], 'context'))
			svc['build']['context'] = '.';
	}
}

export function readEnvFile(
	path: string,
	content: string,
	lookup: (k: string) => string | undefined,
): Map<string, string> {
	try {
		return parseDotenv(content, lookup);
	} catch (e) {
		if (e instanceof DotenvError) throw new ComposeError(`failed to read ${path}: ${e.message}`);
		throw e;
	}
}
