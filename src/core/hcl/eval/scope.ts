// An evaluation scope: HCL's EvalContext. Variables are looked up through the parent chain;
// a scope may resolve names lazily through a callback (bake evaluates globals on first use).

import type {Value} from '../../cty/value.js';
import type {FunctionDef, FunctionTable} from '../../functions/types.js';

/** Returns the value of a global on first use, or undefined when the name is not defined. */
export type LazyResolver = (name: string) => Value | undefined;

// Its fields are TypeScript-private, not `#private`: a scope is made for every matrix instance
// and every user-function call, mostly before V8 has optimised anything, and its fields are
// read on every variable lookup, where plain properties cost less (measured on `print`).
export class Scope {
	/** Own variables; undefined for a user-function call's scope until something is set in it. */
	private ownVars: Map<string, Value> | undefined;
	/**
	 * A user-function call's parameters: the names (one array shared by every call of the
	 * function) and this call's values, searched in order. A few names need no Map per call.
	 */
	private paramNames: readonly string[] | undefined;
	private paramValues: readonly Value[] | undefined;
	private readonly fns: Map<string, FunctionDef> | undefined;
	readonly parent: Scope | undefined;
	private readonly resolver: LazyResolver | undefined;

	constructor(
		opts: {
			vars?: Iterable<readonly [string, Value]>;
			functions?: FunctionTable;
			parent?: Scope;
			resolver?: LazyResolver;
		},
		/** Taken as the scope's own variables, uncopied (see child). */
		own?: Map<string, Value>,
		/** A user-function call's parameters (see params); then `own` is not given. */
		paramNames?: readonly string[],
		paramValues?: readonly Value[],
	) {
		this.ownVars = paramNames ? undefined : (own ?? new Map(opts.vars ?? []));
		this.paramNames = paramNames;
		this.paramValues = paramValues;
		this.fns = opts.functions ? new Map(opts.functions) : undefined;
		this.parent = opts.parent;
		this.resolver = opts.resolver;
	}

	/**
	 * A child scope whose variables shadow this one's (for-expressions, matrix, user functions).
	 * A Map is taken as it is, not copied (one is made per matrix instance and per function
	 * call): the caller must not change it afterwards.
	 */
	child(vars: ReadonlyMap<string, Value> | Iterable<readonly [string, Value]>): Scope {
		return new Scope({parent: this}, vars instanceof Map ? vars : new Map(vars));
	}

	/**
	 * A child scope binding `names[i]` to `values[i]` (a user-function call). Both arrays are
	 * taken as they are: the caller must not change them afterwards.
	 */
	params(names: readonly string[], values: readonly Value[]): Scope {
		return new Scope({parent: this}, undefined, names, values);
	}

	/** The own variables as a Map, made from the parameters the first time one is needed. */
	private ownMap(): Map<string, Value> {
		if (this.ownVars) return this.ownVars;
		const vars = new Map<string, Value>();
		const names = this.paramNames ?? [];
		for (let i = 0; i < names.length; i++)
			vars.set(names[i] as string, (this.paramValues as readonly Value[])[i] as Value);
		this.ownVars = vars;
		this.paramNames = undefined;
		this.paramValues = undefined;
		return vars;
	}

	set(name: string, value: Value): void {
		this.ownMap().set(name, value);
	}

	/** Own variables only, without calling the resolver. */
	hasOwn(name: string): boolean {
		if (this.paramNames) return this.paramNames.includes(name);
		return this.ownMap().has(name);
	}

	lookup(name: string): Value | undefined {
		for (let s: Scope | undefined = this; s; s = s.parent) {
			const names = s.paramNames;
			if (names) {
				// From the end: a name given twice is bound to the later value, as a Map set in
				// order would hold it.
				for (let i = names.length - 1; i >= 0; i--)
					if (names[i] === name) return (s.paramValues as readonly Value[])[i];
				continue;
			}
			const v = (s.ownVars as Map<string, Value>).get(name);
			if (v !== undefined) return v;
			if (s.resolver) {
				const r = s.resolver(name);
				if (r !== undefined) {
					(s.ownVars as Map<string, Value>).set(name, r);
					return r;
				}
			}
		}
		return undefined;
	}

	/** Every known variable name, for "Did you mean" suggestions. */
	names(): string[] {
		const out = new Set<string>();
		for (let s: Scope | undefined = this; s; s = s.parent)
			for (const k of s.ownMap().keys()) out.add(k);
		return [...out];
	}

	defineFunction(name: string, def: FunctionDef): void {
		if (this.fns) this.fns.set(name, def);
		else this.parent?.defineFunction(name, def);
	}

	getFunction(name: string): FunctionDef | undefined {
		for (let s: Scope | undefined = this; s; s = s.parent) {
			const f = s.fns?.get(name);
			if (f) return f;
		}
		return undefined;
	}

	functionNames(): string[] {
		const out = new Set<string>();
		for (let s: Scope | undefined = this; s; s = s.parent)
			for (const k of s.fns?.keys() ?? []) out.add(k);
		return [...out];
	}
}
