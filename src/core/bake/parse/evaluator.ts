// buildx's hclparser parser: lazy, dependency-driven evaluation of variables, top-level
// attributes, user functions and `target.<name>.<attr>` references. Before an expression is
// evaluated, everything it references is resolved first (loadDeps); a name met again while it
// is being resolved is a cycle error. Only the referenced attribute of a block is evaluated.

import {convert} from '../../cty/convert.js';
import type {Value} from '../../cty/value.js';
import {object, STRING} from '../../cty/value.js';
import type {Diagnostic, Range} from '../../diagnostics.js';
import {errorAt} from '../../diagnostics.js';
import {STDLIB} from '../../functions/registry.js';
import type {Attribute, Block, Expr} from '../../hcl/ast.js';
import {
	type EvalResult,
	EXPRESSION_FUNCTIONS,
	evaluateExpr,
	exprAsKeyword,
	functionCalls,
	makeUserFunction,
	referencedTraversals,
	Scope,
} from '../../hcl/eval/index.js';
import {BakeFail, wrapError} from './errors.js';
import type {Decoded} from './fields.js';
import {decodeField, fieldKind, fieldToCty, GROUP_FIELDS, TARGET_FIELD_SET} from './fields.js';
import {fileRelativePaths, rebaseField} from './relative-paths.js';
import type {VariableDecl, VariableState} from './variables.js';
import {resolveVariable} from './variables.js';

export interface FunctionDecl {
	readonly name: string;
	readonly block: Block;
	readonly params?: Attribute;
	readonly variadic?: Attribute;
	readonly result?: Attribute;
}

export interface Instance {
	readonly scope: Scope;
	readonly matrix: ReadonlyMap<string, Value>;
	readonly fields: Map<string, Decoded>;
	/** Every field is decoded (a full resolveBlock ran). */
	complete: boolean;
	/** Fields decoded so far, when only some were asked for (`target.NAME.FIELD`). */
	done: Set<string> | undefined;
	/** Fields being decoded: meeting one again is a reference cycle. */
	progress: Set<string> | undefined;
}

interface BlockState {
	instances: Instance[];
	names?: string[];
	/** Where each field attribute is written: the same for every instance (fieldRanges). */
	fieldRanges?: Readonly<Record<string, Range>>;
	/**
	 * Values of attributes that read no matrix variable (and are pure, see isPure): the same
	 * in every instance, so evaluated once. Only for blocks with more than one instance.
	 */
	shared?: Map<Attribute, Value | null>;
	/** The block's attributes that are fields of its type, in file order. */
	schemaAttrs?: Attribute[];
}

const NAME_PATTERN = /^[a-zA-Z0-9_-]+$/;
export const BLOCK_TYPES: ReadonlySet<string> = new Set(['target', 'group']);
/** Functions whose result differs between calls with the same arguments. */
const IMPURE_FUNCTIONS: ReadonlySet<string> = new Set(['timestamp', 'uuidv4', 'bcrypt']);

export function validateLabel(name: string): void {
	if (!NAME_PATTERN.test(name)) throw new BakeFail('only "[a-zA-Z0-9_-]+" are allowed');
}

export class BakeEvaluator {
	readonly global: Scope;
	readonly vars: Map<string, VariableDecl>;
	readonly attrs: Map<string, Attribute>;
	readonly funcs: Map<string, FunctionDecl>;
	readonly varState: VariableState;
	/** Blocks by type and final name; filled once every block's names are known. */
	blocksByName = new Map<string, Map<string, Block[]>>();
	/** False when no expression reads `target.*` / `group.*`: then store has nothing to do. */
	keepBlockValues = true;
	/** The live `target` / `group` objects of the global scope (see store). */
	private readonly blockValues = new Map<string, Map<string, Value>>();
	readonly states = new Map<Block, BlockState>();
	private readonly progressV = new Set<string>();
	private readonly progressF = new Set<string>();
	/** User functions whose calls may be memoized (see isPure). */
	private readonly pureFuncs = new Set<string>();
	private readonly scopeIds = new WeakMap<Scope, number>();
	/** Expressions whose dependencies loadDeps has resolved (see loadDepsOnce). */
	private readonly depsLoaded = new WeakSet<Expr>();
	private nextScopeId = 1;
	/** BUILDX_BAKE_FILE_RELATIVE_PATHS: local contexts are relative to the defining file. */
	private readonly relativePaths: boolean;

	constructor(
		vars: Map<string, VariableDecl>,
		attrs: Map<string, Attribute>,
		funcs: Map<string, FunctionDecl>,
		varState: VariableState,
	) {
		this.global = new Scope({functions: STDLIB});
		this.vars = vars;
		this.attrs = attrs;
		this.funcs = funcs;
		this.varState = varState;
		this.relativePaths = fileRelativePaths(varState.env);
	}

	private key(scope: Scope, name: string): string {
		let id = this.scopeIds.get(scope);
		if (id === undefined) {
			id = this.nextScopeId++;
			this.scopeIds.set(scope, id);
		}
		return `${scope === this.global ? 0 : id}\0${name}`;
	}

	loadDeps(
		scope: Scope,
		expr: Expr,
		exclude: ReadonlySet<string> | undefined,
		allowMissing: boolean,
	): void {
		const fail = (e: unknown) => {
			if (allowMissing && e instanceof BakeFail && e.undefinedName) return;
			throw BakeFail.diags(wrapError('Invalid expression', e, expr.range));
		};
		const fns = functionCalls(expr);
		for (let i = 0; i < fns.length; i++) {
			const fn = fns[i] as string;
			try {
				this.resolveFunction(fn);
			} catch (e) {
				fail(e);
			}
		}
		const refs = referencedTraversals(expr);
		for (let i = 0; i < refs.length; i++) {
			const t = refs[i] as (typeof refs)[number];
			if (exclude?.has(t.root)) continue;
			if (!BLOCK_TYPES.has(t.root)) {
				try {
					this.resolveValue(scope, t.root);
				} catch (e) {
					fail(e);
				}
				continue;
			}
			const [first, second] = t.steps;
			if (!first) {
				throw BakeFail.diags([
					errorAt(expr.range, 'Invalid expression', `cannot access ${t.root} as a variable`),
				]);
			}
			if (first.kind !== 'Attr') {
				throw BakeFail.diags([
					errorAt(expr.range, 'Invalid expression', `cannot traverse ${t.root} without attribute`),
				]);
			}
			const attr = second?.kind === 'Attr' ? [second.name] : undefined;
			for (const block of this.blocksByName.get(t.root)?.get(first.name) ?? []) {
				try {
					this.resolveBlock(block, attr);
				} catch (e) {
					fail(e);
				}
			}
		}
	}

	resolveFunction(name: string): void {
		if (EXPRESSION_FUNCTIONS.has(name) || this.global.getFunction(name)) return;
		const f = this.funcs.get(name);
		if (!f)
			throw new BakeFail(`function ${JSON.stringify(name)} does not exist`, {undefinedName: true});
		if (this.progressF.has(name)) throw new BakeFail(`function cycle not allowed for ${name}`);
		this.progressF.add(name);
		if (!f.result) throw new BakeFail(`empty result not allowed for ${name}`);
		if (!f.params) throw new BakeFail(`empty params not allowed for ${name}`);
		const pe = f.params.expr;
		if (pe.kind !== 'Tuple') {
			throw BakeFail.diags([
				errorAt(pe.range, 'Invalid expression', 'A static list expression is required.'),
			]);
		}
		const diags: Diagnostic[] = [];
		const params: string[] = [];
		for (const p of pe.items) {
			const kw = exprAsKeyword(p);
			if (kw === undefined) {
				diags.push(
					errorAt(p.range, 'Invalid param element', 'Each parameter name must be an identifier.'),
				);
			} else params.push(kw);
		}
		let variadic: string | undefined;
		if (f.variadic) {
			variadic = exprAsKeyword(f.variadic.expr);
			if (variadic === undefined) {
				diags.push(
					errorAt(
						f.variadic.range,
						'Invalid param element',
						'Each parameter name must be an identifier.',
					),
				);
			}
		}
		if (diags.length) throw BakeFail.diags(diags);
		const exclude = new Set(params);
		if (variadic !== undefined) exclude.add(variadic);
		this.loadDeps(this.global, f.result.expr, exclude, false);
		const pure = this.isPure(f.result.expr);
		if (pure) this.pureFuncs.add(name);
		// Only functions that call user functions are memoized: that alone keeps chains of
		// functions calling each other several times linear instead of exponential. A body
		// of built-in calls (`elem`: two joins) costs less to evaluate again than to key.
		const memoize = pure && functionCalls(f.result.expr).some((fn) => this.funcs.has(fn));
		const spec = {
			name,
			params,
			result: f.result.expr,
			memoize,
			...(variadic !== undefined ? {variadic} : {}),
		};
		this.global.defineFunction(
			name,
			makeUserFunction(spec, () => this.global),
		);
	}

	/**
	 * Whether evaluating `expr` twice in the same scope must give the same value: it calls no
	 * impure function (directly or through a user function) and reads no `target`/`group`
	 * value, which grow while blocks are evaluated. Globals never change once resolved.
	 */
	isPure(expr: Expr): boolean {
		const fns = functionCalls(expr);
		for (let i = 0; i < fns.length; i++) {
			const fn = fns[i] as string;
			if (IMPURE_FUNCTIONS.has(fn)) return false;
			if (this.funcs.has(fn) && !this.pureFuncs.has(fn)) return false;
		}
		const refs = referencedTraversals(expr);
		for (let i = 0; i < refs.length; i++)
			if (BLOCK_TYPES.has((refs[i] as (typeof refs)[number]).root)) return false;
		return true;
	}

	resolveValue(scope: Scope, name: string): void {
		if (this.global.hasOwn(name) || (scope !== this.global && scope.hasOwn(name))) return;
		const k = this.key(scope, name);
		if (this.progressV.has(k)) throw new BakeFail(`variable cycle not allowed for ${name}`);
		this.progressV.add(k);
		const value = resolveVariable(this, scope, name);
		this.global.set(name, value);
	}

	/**
	 * loadDeps, skipped for an expression whose dependencies were already loaded without
	 * error. What an expression references outside its own scope (globals, functions,
	 * `target.NAME.FIELD`) is the same for every matrix instance, and once resolved it stays
	 * resolved, so one successful load serves them all; names bound by the instance's own
	 * scope (matrix values) need no loading.
	 */
	private loadDepsOnce(scope: Scope, expr: Expr): void {
		if (this.depsLoaded.has(expr)) return;
		this.loadDeps(scope, expr, undefined, true);
		this.depsLoaded.add(expr);
	}

	/** Evaluate an expression after loading what it references; diagnostics are thrown. */
	evalExpr(scope: Scope, expr: Expr): Value {
		this.loadDepsOnce(scope, expr);
		const r = evaluateExpr(expr, scope);
		if (r.value === undefined) throw BakeFail.diags(r.diagnostics);
		return r.value;
	}

	state(block: Block): BlockState {
		let st = this.states.get(block);
		if (!st) {
			st = {instances: this.evalContexts(block)};
			this.states.set(block, st);
		}
		return st;
	}

	private evalContexts(block: Block): Instance[] {
		const inst = (scope: Scope, matrix: Map<string, Value>): Instance => ({
			scope,
			matrix,
			fields: new Map(),
			complete: false,
			done: undefined,
			progress: undefined,
		});
		const attr = block.body.attributes.find((a) => a.name === 'matrix');
		if (!attr) return [inst(this.global, new Map())];
		if (block.type === 'group') throw new BakeFail('matrix is not supported for groups');
		const v = this.evalExpr(this.global, attr.expr);
		if (v.kind !== 'map' && v.kind !== 'object') throw new BakeFail('matrix must be a map');
		const keys: string[] = [];
		const values: (readonly Value[])[] = [];
		let total = 1;
		for (const [k, vals] of v.kind === 'map' ? v.entries : v.attrs) {
			const items = elementsOf(vals);
			if (!items) throw new BakeFail('matrix values must be a list');
			keys.push(k);
			values.push(items);
			total *= items.length;
		}
		if (keys.length === 0) return [inst(this.global, new Map())];
		// Combination n, with the first key varying fastest: buildx's order.
		const out: Instance[] = [];
		for (let n = 0; n < total; n++) {
			const m = new Map<string, Value>();
			let rest = n;
			for (let j = 0; j < keys.length; j++) {
				const items = values[j] as readonly Value[];
				m.set(keys[j] as string, items[rest % items.length] as Value);
				rest = Math.floor(rest / items.length);
			}
			out.push(inst(this.global.child(m), m));
		}
		return out;
	}

	/**
	 * Where each field of a target block is written, for diagnostics and the inspector. One
	 * record per block, shared by its instances: the caller must not change it.
	 */
	fieldRanges(block: Block): Readonly<Record<string, Range>> {
		const st = this.state(block);
		if (!st.fieldRanges) {
			const ranges: Record<string, Range> = {};
			for (const a of block.body.attributes)
				if (TARGET_FIELD_SET.has(a.name)) ranges[a.name] = a.range;
			st.fieldRanges = ranges;
		}
		return st.fieldRanges;
	}

	resolveBlockNames(block: Block): string[] {
		const st = this.state(block);
		if (st.names) return st.names;
		this.resolveBlock(block, []);
		const label = block.labels[0] ?? '';
		const names: string[] = [];
		const nameAttr = block.body.attributes.find((a) => a.name === 'name');
		const hasMatrix = block.body.attributes.some((a) => a.name === 'matrix');
		for (let i = 0; i < st.instances.length; i++) {
			const inst = st.instances[i] as Instance;
			validateLabel(label);
			let name = label;
			if (block.type === 'group') {
				if (nameAttr) throw new BakeFail('name is not supported for groups');
				if (hasMatrix) throw new BakeFail('matrix is not supported for groups');
			} else if (nameAttr) {
				if (!hasMatrix) throw new BakeFail('name requires matrix');
				const v = this.evalExpr(inst.scope, nameAttr.expr);
				const s = convert(v, STRING);
				name = s.kind === 'string' ? s.value : '';
				validateLabel(name);
			}
			names.push(name);
		}
		const seen = new Set<string>();
		for (let i = 0; i < names.length; i++) {
			const n = names[i] as string;
			if (seen.has(n)) throw new BakeFail(`duplicate name ${JSON.stringify(n)}`);
			seen.add(n);
		}
		st.names = names;
		return names;
	}

	/** Decode a block's attributes (all, or only `only`) for every matrix instance. */
	resolveBlock(block: Block, only: readonly string[] | undefined): void {
		if (!this.global.hasOwn(block.type))
			this.global.set(block.type, {
				kind: 'map',
				elem: {kind: 'map', elem: STRING},
				entries: new Map(),
			});
		if (!BLOCK_TYPES.has(block.type)) return;
		const st = this.state(block);
		const schema: ReadonlySet<string> =
			block.type === 'target' ? TARGET_FIELD_SET : new Set(GROUP_FIELDS);
		for (let i = 0; i < st.instances.length; i++) {
			const inst = st.instances[i] as Instance;
			// Everything of a complete instance is decoded (and published) already.
			if (inst.complete) {
				if (only !== undefined) return;
				continue;
			}
			const name = st.names?.[i] ?? block.labels[0] ?? '';
			let want = only;
			if (want !== undefined) {
				const done = inst.done;
				if (done) want = want.filter((a) => !done.has(a));
				if (want.length === 0) return;
				inst.progress ??= new Set();
				const progress = inst.progress;
				for (const a of want) {
					if (progress.has(a))
						throw new BakeFail(`reference cycle not allowed for ${block.type}.${name}.${a}`);
				}
				for (const a of want) progress.add(a);
			}
			const done = inst.done;
			st.schemaAttrs ??= block.body.attributes.filter((a) => schema.has(a.name));
			const content =
				want === undefined && done === undefined
					? st.schemaAttrs
					: block.body.attributes.filter(
							(a) => schema.has(a.name) && (want ? want.includes(a.name) : !done?.has(a.name)),
						);
			for (let j = 0; j < content.length; j++)
				this.loadDepsOnce(inst.scope, (content[j] as Attribute).expr);
			const diags = this.decode(block, inst, content, want, st);
			if (diags.length) throw BakeFail.diags(diags);
			if (want === undefined) inst.complete = true;
			else {
				inst.done ??= new Set();
				for (const a of content) inst.done.add(a.name);
				for (const a of want) inst.done.add(a);
			}
			this.store(block.type, name, inst);
		}
	}

	private decode(
		block: Block,
		inst: Instance,
		content: Attribute[],
		want: readonly string[] | undefined,
		st: BlockState,
	): Diagnostic[] {
		const diags: Diagnostic[] = [];
		for (let i = 0; i < content.length; i++) {
			const a = content[i] as Attribute;
			const r = this.evalShared(a, inst, st);
			if (r.value === undefined) {
				diags.push(...r.diagnostics);
				continue;
			}
			try {
				const kind =
					block.type === 'group'
						? a.name === 'targets'
							? 'group-targets'
							: 'string'
						: fieldKind(a.name);
				let d = decodeField(kind, r.value);
				// A value read from another target (`target.base.context`) was rebased where it
				// was written; rebasing it again here would nest the directories.
				if (this.relativePaths && block.type === 'target' && !readsTarget(a.expr))
					d = rebaseField(a.name, d, block.range.file);
				if (d === undefined) inst.fields.delete(a.name);
				else inst.fields.set(a.name, d);
			} catch (e) {
				const msg = e instanceof Error ? e.message : String(e);
				diags.push(errorAt(a.expr.range, 'Unsuitable value type', `Unsuitable value: ${msg}`));
			}
		}
		const required =
			block.type === 'group' && (want ? want.includes('targets') : !inst.done?.has('targets'));
		if (required && !block.body.attributes.some((a) => a.name === 'targets')) {
			const p = block.body.range.start;
			diags.push(
				errorAt(
					{file: block.body.range.file, start: p, end: p},
					'Missing required argument',
					'The argument "targets" is required, but no definition was found.',
				),
			);
		}
		return diags;
	}

	/** evaluateExpr, or the value shared by every instance of the block when there is one. */
	private evalShared(a: Attribute, inst: Instance, st: BlockState): EvalResult {
		if (st.instances.length < 2) return evaluateExpr(a.expr, inst.scope);
		st.shared ??= new Map();
		let v = st.shared.get(a);
		if (v === undefined) {
			v = null;
			if (this.isPure(a.expr)) {
				const roots = referencedTraversals(a.expr);
				if (!roots.some((t) => inst.matrix.has(t.root))) {
					const r = evaluateExpr(a.expr, inst.scope);
					// Failures are not shared: each instance reports its own, as before.
					if (r.value === undefined) return r;
					st.shared.set(a, r.value);
					return r;
				}
			}
			st.shared.set(a, v);
		}
		return v === null ? evaluateExpr(a.expr, inst.scope) : {value: v, diagnostics: []};
	}

	private store(type: string, name: string, inst: Instance): void {
		if (!this.keepBlockValues) return;
		const fieldNames = type === 'target' ? [...TARGET_FIELD_SET] : GROUP_FIELDS;
		const attrs: [string, Value][] = [['name', {kind: 'string', value: name}]];
		for (const f of fieldNames) {
			const d = inst.fields.get(f);
			attrs.push([
				f,
				type === 'group' && f === 'targets'
					? fieldToCty('list', d)
					: fieldToCty(type === 'group' ? 'string' : fieldKind(f), d),
			]);
		}
		// `target` and `group` grow by one entry per instance. Rebuilding a sorted object each
		// time made evaluation quadratic in the instance count (20 s at 10,000 instances), so
		// the scope holds one live map, filled in place. It is only ever read by key
		// (`target.NAME.FIELD`; a bare `target` is an error), so its order does not matter.
		let live = this.blockValues.get(type);
		if (!live) {
			live = new Map();
			this.blockValues.set(type, live);
			this.global.set(type, {kind: 'object', attrs: live});
		}
		live.set(name, object(attrs));
	}
}

function elementsOf(v: Value): readonly Value[] | undefined {
	switch (v.kind) {
		case 'list':
		case 'set':
		case 'tuple':
			return v.items;
		case 'map':
			return [...v.entries.values()];
		case 'object':
			return [...v.attrs.values()];
		default:
			return undefined;
	}
}

/** `target.<name>.<field>...`: a plain reference to another target's attribute. */
function readsTarget(expr: Expr): boolean {
	const e = expr.kind === 'TemplateWrap' ? expr.expr : expr;
	return e.kind === 'ScopeTraversal' && e.root === 'target';
}
