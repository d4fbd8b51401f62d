// Compose files for bake (buildx ParseFiles' compose half): deciding whether a file is a
// compose file, and turning the compose files of a bake invocation into raw targets and the
// `default` group, which parse-files puts first and merges HCL blocks on top of. Loaded on
// demand (support.ts): this module pulls in the YAML parser.

import type {Diagnostic, Range} from '../../diagnostics.js';
import {DiagnosticError} from '../../diagnostics.js';
import {hclDiagnosticsString} from '../../hcl/eval/errors.js';
import type {GroupOrigin, ParseOptions, RawGroup, SourceFile, TargetField} from '../config.js';
import {type MutableTarget, mergeTarget} from '../parse/merge.js';
import {fileRelativePaths, rebaseField} from '../parse/relative-paths.js';
import {isComposeName} from './detect.js';
import {composeEnv} from './environment.js';
import {ComposeError} from './errors.js';
import {type FileReader, fileReader} from './files.js';
import {type ComposeModel, loadComposeModel, readEnvFile} from './model.js';
import {composeTargets} from './targets.js';
import {goSprint, isMap, type YMap, type YValue} from './values.js';

export {ComposeError} from './errors.js';

export interface ComposeTargetAcc {
	readonly name: string;
	readonly fields: MutableTarget;
	readonly origin: {
		block: string;
		blockRanges: Range[];
		matrix: ReadonlyMap<string, never>;
		fieldRanges: Partial<Record<TargetField, Range>>;
		contextBaseFile?: string;
	};
}

export interface ComposeConfig {
	readonly targets: readonly ComposeTargetAcc[];
	readonly group: {readonly group: RawGroup; readonly origin: GroupOrigin} | undefined;
}

/** Where each target field comes from in a compose service, for positions. */
const FIELD_PATHS: Partial<Record<TargetField, string>> = {
	context: 'context',
	contexts: 'additional_contexts',
	dockerfile: 'dockerfile',
	'dockerfile-inline': 'dockerfile_inline',
	args: 'args',
	labels: 'labels',
	tags: 'tags',
	'cache-from': 'cache_from',
	'cache-to': 'cache_to',
	target: 'target',
	secret: 'secrets',
	ssh: 'ssh',
	platforms: 'platforms',
	network: 'network',
	'shm-size': 'shm_size',
	ulimits: 'ulimits',
	'extra-hosts': 'extra_hosts',
	'no-cache': 'no_cache',
	pull: 'pull',
};

export class ComposeSession {
	private readonly opts: ParseOptions;
	private readonly files: FileReader;
	private env: Map<string, string> | undefined;

	constructor(opts: ParseOptions) {
		this.opts = opts;
		this.files = fileReader(opts);
	}

	private context() {
		this.env ??= composeEnv(this.opts, this.files);
		return {env: this.env, files: this.files, home: this.opts.env?.['HOME']};
	}

	/**
	 * buildx validateComposeFile: `.yml`/`.yaml` files are compose files (the error, if any, is
	 * final); other names are compose files when they load as one alone.
	 */
	check(file: SourceFile): {isCompose: boolean; error?: ComposeError} {
		try {
			const m = loadComposeModel([file], this.context(), {consistency: false});
			this.environments(m);
			return {isCompose: true};
		} catch (e) {
			if (e instanceof ComposeError)
				return {isCompose: isComposeName(file.name), error: e.withSources([file])};
			throw e;
		}
	}

	/**
	 * buildx's message when a file of another name is neither compose, HCL nor HCL-JSON; the HCL
	 * diagnostics follow so that the CLI can show where HCL parsing stopped.
	 */
	formatError(
		file: SourceFile,
		composeError: ComposeError,
		hcl: readonly Diagnostic[],
	): ComposeError {
		const named = hcl.map((d) =>
			d.range
				? {...d, range: {file: `${d.range.file}.hcl`, start: d.range.start, end: d.range.end}}
				: d,
		);
		return new ComposeError(
			`failed to parse ${file.name}: parsing yaml: ${composeError.message}, parsing hcl: failed to parse ${file.name}: ${hclDiagnosticsString(named)}`,
			composeError.diagnostics[0]?.range,
			[new DiagnosticError(hcl)],
		).withSources([file]);
	}

	/** buildx ParseComposeFiles: the targets and group of all compose files together. */
	parse(files: readonly SourceFile[]): ComposeConfig {
		let m: ComposeModel;
		let built: ReturnType<typeof composeTargets>;
		let envs: Map<string, Map<string, string | null>>;
		try {
			m = loadComposeModel(files, this.context(), {consistency: true});
			envs = this.environments(m);
			built = composeTargets(m.model, m.env, (name) => envs.get(name) ?? new Map(), m.locate);
		} catch (e) {
			if (e instanceof ComposeError)
				throw e.wrap('failed to parse compose file').withSources(files);
			throw e;
		}
		const first = files[0]?.name ?? '';
		const relative = fileRelativePaths(this.opts.env);
		const byName = new Map<string, ComposeTargetAcc>();
		for (const t of built.targets) {
			const fields = t.fields;
			if (relative)
				for (const f of ['context', 'contexts'] as const)
					if (fields[f] !== undefined) fields[f] = rebaseField(f, fields[f] as never, first);
			const blockRanges = serviceRanges(m, t.service);
			const fieldRanges: Partial<Record<TargetField, Range>> = {};
			for (const [f, p] of Object.entries(FIELD_PATHS) as [TargetField, string][]) {
				if (fields[f] === undefined) continue;
				const r = m.locate(['services', t.service, 'build', p]);
				if (r) fieldRanges[f] = r;
			}
			const prev = byName.get(t.name);
			if (prev) {
				// `web.app` and `web_app` are one target: merged as buildx's dedupeConfig does.
				mergeTarget(prev.fields, fields);
				prev.origin.blockRanges.push(...blockRanges);
				Object.assign(prev.origin.fieldRanges, fieldRanges);
				continue;
			}
			byName.set(t.name, {
				name: t.name,
				fields,
				origin: {
					block: t.service,
					blockRanges,
					matrix: new Map<string, never>(),
					fieldRanges,
					...(relative ? {contextBaseFile: first} : {}),
				},
			});
		}
		const servicesRange = m.locate(['services']);
		return {
			targets: [...byName.values()],
			group: built.group
				? {
						group: {...built.group, targets: [...new Set(built.group.targets)]},
						origin: {blockRanges: servicesRange ? [servicesRange] : [], generated: true},
					}
				: undefined,
		};
	}

	/**
	 * Each service's environment as compose-go resolves it: `env_file` values, overridden by
	 * `environment` (a name without a value takes the project's value, or none).
	 */
	private environments(m: ComposeModel): Map<string, Map<string, string | null>> {
		const out = new Map<string, Map<string, string | null>>();
		const services = isMap(m.model['services']) ? m.model['services'] : undefined;
		for (const [name, svc] of Object.entries(services ?? {})) {
			if (isMap(svc))
				out.set(
					name,
					this.serviceEnv(svc, m.env, (i) => m.locate(['services', name, 'env_file', i])),
				);
		}
		return out;
	}

	private serviceEnv(
		svc: YMap,
		project: ReadonlyMap<string, string>,
		locate: (index: number) => Range | undefined,
	): Map<string, string | null> {
		const env = new Map<string, string | null>();
		const envFiles = svc['env_file'];
		for (const [i, e] of (Array.isArray(envFiles) ? envFiles : []).entries()) {
			if (!isMap(e) || typeof e['path'] !== 'string') continue;
			const required = e['required'] === undefined || !isFalse(e['required'] as YValue);
			const abs = this.files.resolve(e['path']);
			const r = this.files.read(e['path']);
			if (!r) {
				if (required)
					throw new ComposeError(
						`env file ${abs} not found: stat ${abs}: no such file or directory`,
						locate(i),
					);
				continue;
			}
			const lookup = (k: string) => env.get(k) ?? project.get(k);
			for (const [k, v] of readEnvFile(r.path, r.content, lookup)) env.set(k, v);
		}
		const environment = svc['environment'];
		if (isMap(environment))
			for (const [k, v] of Object.entries(environment))
				env.set(k, v === null ? (project.get(k) ?? null) : goSprint(v));
		return env;
	}
}

function isFalse(v: YValue): boolean {
	return (
		v === false || (typeof v === 'string' && ['n', 'no', 'false', 'off'].includes(v.toLowerCase()))
	);
}

function serviceRanges(m: ComposeModel, service: string): Range[] {
	const out: Range[] = [];
	for (const src of m.sources)
		for (const doc of src.documents) {
			const services = doc.value['services'];
			if (isMap(services) && Object.hasOwn(services, service)) {
				const r = doc.locate(['services', service]);
				if (r) out.push(r);
			}
		}
	return out;
}

export function composeSession(opts: ParseOptions): ComposeSession {
	return new ComposeSession(opts);
}
