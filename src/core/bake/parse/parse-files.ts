// parseBakeFiles: buildx's `bake.ParseFiles` - the raw config with groups and targets in
// first-definition order, matrices expanded, variables and functions evaluated, no inherits or
// defaults. Compose files become targets first (../compose); HCL and JSON blocks then merge on
// top of them. The order of HCL steps is hclparser.Parse's (see the spec, section 2.2).
// Files that may be compose files need `await prepareBakeFiles(files)` first (the YAML parser
// is loaded on demand).

import {convert} from '../../cty/convert.js';
import type {Value} from '../../cty/value.js';
import {BOOL} from '../../cty/value.js';
import type {Diagnostic, Range} from '../../diagnostics.js';
import {DiagnosticError, errorAt} from '../../diagnostics.js';
import type {Attribute, Block} from '../../hcl/ast.js';
import {evaluateExpr, type Scope} from '../../hcl/eval/index.js';
import {referencedTraversals} from '../../hcl/eval/walk.js';
import {mayBeCompose} from '../compose/detect.js';
import {composeSupport} from '../compose/support.js';
import type {
	GroupOrigin,
	ParseOptions,
	RawConfig,
	RawGroup,
	RawTarget,
	SourceFile,
	TargetField,
	TargetOrigin,
	VariableInfo,
} from '../config.js';
import {TARGET_FIELDS} from '../config.js';
import {collectDecls} from './decls.js';
import {BakeFail, wrapError} from './errors.js';
import type {FunctionDecl, Instance} from './evaluator.js';
import {BakeEvaluator, BLOCK_TYPES} from './evaluator.js';
import {loadBakeFile} from './load-files.js';
import type {MutableTarget} from './merge.js';
import {mergeTarget} from './merge.js';
import type {VariableDecl, VariableState} from './variables.js';

interface TargetAcc {
	name: string;
	fields: MutableTarget;
	origin: {
		block: string;
		blockRanges: Range[];
		matrix: TargetOrigin['matrix'];
		/** Shared with the other instances of the block: replaced, never changed, on a merge. */
		fieldRanges: Readonly<Partial<Record<TargetField, Range>>>;
	};
}

interface GroupAcc {
	group: RawGroup;
	origin: GroupOrigin;
}

export function parseBakeFiles(files: readonly SourceFile[], opts: ParseOptions = {}): RawConfig {
	const sources = new Map(files.map((f) => [f.name, f.content]));
	const fail = (diags: readonly Diagnostic[]): never => {
		throw new DiagnosticError(diags, sources);
	};
	const blocks: Block[] = [];
	const topAttrs: Attribute[] = [];
	const compose = files.some((f) => mayBeCompose(f.name))
		? composeSupport().composeSession(opts)
		: undefined;
	const composeFiles: SourceFile[] = [];
	for (const f of files) {
		const c = compose && mayBeCompose(f.name) ? compose.check(f) : undefined;
		if (c?.isCompose) {
			if (c.error) throw c.error;
			composeFiles.push(f);
			continue;
		}
		const r = loadBakeFile(f);
		if (!r.file || r.diagnostics.some((d) => d.severity === 'error')) {
			if (compose && c?.error) throw compose.formatError(f, c.error, r.diagnostics);
			fail(r.diagnostics);
		}
		if (r.file) {
			blocks.push(...r.file.body.blocks);
			topAttrs.push(...r.file.body.attributes);
		}
	}
	const defaults = opts.defaults ?? {};
	const reserved = new Set([...BLOCK_TYPES, ...Object.keys(defaults)]);
	const decls = collectDecls(blocks, reserved);
	if (decls.diagnostics.length) fail(decls.diagnostics);
	const vars: Map<string, VariableDecl> = decls.vars;
	const funcs: Map<string, FunctionDecl> = decls.funcs;
	// Repeated top-level attributes: the last file wins.
	const attrs = new Map<string, Attribute>();
	for (const a of topAttrs) if (!reserved.has(a.name)) attrs.set(a.name, a);
	attrs.delete('function');

	const varState: VariableState = {
		defaults,
		vars: opts.vars ?? {},
		env: opts.env ?? {},
		declared: new Set(vars.keys()),
		sources: new Map(),
	};
	const ev = new BakeEvaluator(vars, attrs, funcs, varState);
	ev.keepBlockValues = referencesBlocks(topAttrs, blocks);
	for (const k of Object.keys(defaults)) {
		try {
			ev.resolveValue(ev.global, k);
		} catch {
			// buildx ignores errors here: built-ins are plain strings.
		}
	}
	for (const [name, d] of vars) {
		try {
			ev.resolveValue(ev.global, name);
		} catch (e) {
			const p = d.block.body.range.start;
			fail(wrapError('Invalid value', e, {file: d.block.body.range.file, start: p, end: p}));
		}
	}
	const validation = validate(vars, ev.global);
	if (validation.length) fail(validation);
	for (const [name, f] of funcs) {
		try {
			ev.resolveFunction(name);
		} catch (e) {
			fail(wrapError('Invalid function', e, f.params?.range ?? f.block.labelRanges[0]));
		}
	}

	const content = blocks.filter((b) => BLOCK_TYPES.has(b.type));
	const byName = new Map<string, Map<string, Block[]>>();
	const renamed = new Map<string, {names: string[]; ranges: Range[]}>();
	for (const b of content) {
		if (b.labels.length !== 1) {
			fail([
				errorAt(
					b.labelRanges[0] ?? b.typeRange,
					'Invalid block',
					`invalid block label: [${b.labels.join(' ')}]`,
				),
			]);
		}
		let names: string[] = [];
		try {
			names = ev.resolveBlockNames(b);
		} catch (e) {
			fail(wrapError('Invalid name', e, b.labelRanges[0]));
		}
		const m = byName.get(b.type) ?? new Map<string, Block[]>();
		byName.set(b.type, m);
		for (const n of names) m.set(n, [...(m.get(n) ?? []), b]);
		if (b.type === 'target') {
			const label = b.labels[0] as string;
			const r = renamed.get(label) ?? {names: [], ranges: []};
			r.names.push(...names);
			r.ranges.push(b.range);
			renamed.set(label, r);
		}
	}
	ev.blocksByName = byName;

	const diags: Diagnostic[] = [];
	const targets = new Map<string, TargetAcc>();
	const groups = new Map<string, GroupAcc>();
	// Compose targets come first; HCL blocks of the same name merge into them (buildx decodes
	// the HCL body into the config that ParseComposeFiles returned).
	const fromCompose = compose && composeFiles.length ? compose.parse(composeFiles) : undefined;
	for (const t of fromCompose?.targets ?? []) targets.set(t.name, t);
	if (fromCompose?.group) groups.set(fromCompose.group.group.name, fromCompose.group);
	for (const b of content) {
		try {
			ev.resolveBlock(b, undefined);
		} catch (e) {
			if (e instanceof BakeFail && e.diags) {
				diags.push(...e.diags);
				continue;
			}
			fail(wrapError('Invalid block', e, b.labelRanges[0]));
		}
		const st = ev.state(b);
		for (let i = 0; i < st.instances.length; i++) {
			const inst = st.instances[i] as Instance;
			const name = st.names?.[i] ?? (b.labels[0] as string);
			const fields = toRecord(inst.fields) as MutableTarget;
			if (b.type === 'target') {
				const fieldRanges = ev.fieldRanges(b) as Partial<Record<TargetField, Range>>;
				const prev = targets.get(name);
				if (prev) {
					mergeTarget(prev.fields, fields);
					prev.origin.blockRanges.push(b.range);
					prev.origin.fieldRanges = {...prev.origin.fieldRanges, ...fieldRanges};
				} else {
					targets.set(name, {
						name,
						fields,
						origin: {
							block: b.labels[0] as string,
							blockRanges: [b.range],
							matrix: inst.matrix,
							fieldRanges,
						},
					});
				}
			} else {
				const description = fields.description as string | undefined;
				const group: RawGroup = {
					name,
					...(description ? {description} : {}),
					targets: (fields as Record<string, string[] | undefined>).targets ?? [],
				};
				const prev = groups.get(name);
				const ranges = [...(prev?.origin.blockRanges ?? []), b.range];
				groups.set(name, {group, origin: {blockRanges: ranges, generated: false}});
			}
		}
	}
	if (diags.length) fail(diags);
	for (const [name, a] of attrs) {
		try {
			ev.resolveValue(ev.global, name);
		} catch (e) {
			fail(wrapError('Invalid attribute', e, a.range));
		}
	}

	const groupList: GroupAcc[] = [...groups.values()];
	for (const [label, r] of renamed) {
		const names = [...new Set(r.names)];
		if (names.length === 1 && names[0] === label) continue;
		groupList.push({
			group: {name: label, targets: names},
			origin: {blockRanges: r.ranges, generated: true},
		});
	}
	const dedupGroups = groupList.map((g) => ({
		...g,
		group: {...g.group, targets: [...new Set(g.group.targets)]},
	}));

	return {
		groups: dedupGroups.map((g) => g.group),
		targets: [...targets.values()].map(toRawTarget),
		targetOrigins: new Map([...targets.values()].map((t) => [t.name, t.origin])),
		groupOrigins: new Map(dedupGroups.map((g) => [g.group.name, g.origin])),
		variables: variableInfos(vars, ev, varState),
		sources,
	};
}

/** Object.fromEntries for a Map, without an entry array per element. */
function toRecord<V>(m: ReadonlyMap<string, V>): Record<string, V> {
	const out: Record<string, V> = {};
	m.forEach((v, k) => {
		out[k] = v;
	});
	return out;
}

const FIELD_SET: ReadonlySet<string> = new Set(TARGET_FIELDS);

/**
 * The target's fields, name first. Only the fields it sets are visited (a target sets a few of
 * forty); their order is the order they were written in, which nothing reads (buildx's Target
 * is a struct, and print has its own order).
 */
function toRawTarget(t: TargetAcc): RawTarget {
	const fields = t.fields as Record<string, unknown>;
	const out: Record<string, unknown> = {name: t.name};
	for (const k in fields) {
		const v = fields[k];
		if (v !== undefined && FIELD_SET.has(k)) out[k] = v;
	}
	return out as unknown as RawTarget;
}

function validate(vars: Map<string, VariableDecl>, scope: Scope): Diagnostic[] {
	const diags: Diagnostic[] = [];
	for (const v of vars.values()) {
		for (const val of v.validations) {
			const c = evaluateExpr(val.condition, scope);
			if (c.value === undefined) {
				diags.push(...c.diagnostics);
				continue;
			}
			let ok: Value;
			try {
				ok = convert(c.value, BOOL);
			} catch (e) {
				const why = e instanceof Error ? e.message : String(e);
				diags.push(
					errorAt(
						val.condition.range,
						'Invalid condition',
						`Invalid condition result value: ${why}`,
					),
				);
				continue;
			}
			if (ok.kind === 'bool' && ok.value) continue;
			let text = `validation failed for variable ${v.name}`;
			if (val.errorMessage) {
				const m = evaluateExpr(val.errorMessage, scope);
				if (m.value === undefined) {
					diags.push(...m.diagnostics);
					continue;
				}
				if (m.value.kind === 'string') text = m.value.value;
			}
			diags.push(errorAt(val.condition.range, 'Validation failed', text));
		}
	}
	return diags;
}

function variableInfos(
	vars: Map<string, VariableDecl>,
	ev: BakeEvaluator,
	st: VariableState,
): VariableInfo[] {
	const out: VariableInfo[] = [];
	for (const [name, d] of vars) {
		const value = ev.global.lookup(name);
		const src = st.sources.get(name);
		if (value === undefined) continue;
		out.push({
			name,
			value,
			source: src?.source ?? 'default',
			range: d.block.range,
			...(d.description !== undefined ? {description: d.description} : {}),
			...(src?.type ? {type: src.type} : {}),
			...(src?.defaultValue ? {defaultValue: src.defaultValue} : {}),
		});
	}
	return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Whether any expression reads `target.*` or `group.*`. Only then must the evaluator publish
 * each instance's fields as a value (a third of evaluation time on matrix-heavy trees).
 */
function referencesBlocks(attrs: readonly Attribute[], blocks: readonly Block[]): boolean {
	const reads = (a: Attribute) => referencedTraversals(a.expr).some((t) => BLOCK_TYPES.has(t.root));
	const inBlock = (b: Block): boolean =>
		b.body.attributes.some(reads) || b.body.blocks.some(inBlock);
	return attrs.some(reads) || blocks.some(inBlock);
}
