// An evaluation scope: HCL's EvalContext. Variables are looked up through the parent chain;
// a scope may resolve names lazily through a callback (bake evaluates globals on first use).

import type {Value} from '../../cty/value.js';
import type {FunctionDef, FunctionTable} from '../../functions/types.js';

/** Returns the value of a global on first use, or undefined when the name is not defined. */
export type LazyResolver = (name: string) => Value | undefined;

export class Scope {
	readonly #vars: Map<string, Value>;
	readonly #functions: Map<string, FunctionDef> | undefined;
	readonly parent: Scope | undefined;
	readonly #resolver: LazyResolver | undefined;

	constructor(
		opts: {
			vars?: Iterable<readonly [string, Value]>;
			functions?: FunctionTable;
			parent?: Scope;
			resolver?: LazyResolver;
		},
		/** Taken as the scope's own variables, uncopied (see child). */
		own?: Map<string, Value>,
	) {
		this.#vars = own ?? new Map(opts.vars ?? []);
		this.#functions = opts.functions ? new Map(opts.functions) : undefined;
		this.parent = opts.parent;
		this.#resolver = opts.resolver;
	}

	/**
	 * A child scope whose variables shadow this one's (for-expressions, matrix, user functions).
	 * A Map is taken as it is, not copied (one is made per matrix instance and per function
	 * call): the caller must not change it afterwards.
	 */
	child(vars: ReadonlyMap<string, Value> | Iterable<readonly [string, Value]>): Scope {
		return new Scope({parent: this}, vars instanceof Map ? vars : new Map(vars));
	}

	set(name: string, value: Value): void {
		this.#vars.set(name, value);
	}

	/** Own variables only, without calling the resolver. */
	hasOwn(name: string): boolean {
		return this.#vars.has(name);
	}

	lookup(name: string): Value | undefined {
		for (let s: Scope | undefined = this; s; s = s.parent) {
			const v = s.#vars.get(name);
			if (v !== undefined) return v;
			if (s.#resolver) {
				const r = s.#resolver(name);
				if (r !== undefined) {
					s.#vars.set(name, r);
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
			for (const k of s.#vars.keys()) out.add(k);
		return [...out];
	}

	defineFunction(name: string, def: FunctionDef): void {
		if (this.#functions) this.#functions.set(name, def);
		else this.parent?.defineFunction(name, def);
	}

	getFunction(name: string): FunctionDef | undefined {
		for (let s: Scope | undefined = this; s; s = s.parent) {
			const f = s.#functions?.get(name);
			if (f) return f;
		}
		return undefined;
	}

	functionNames(): string[] {
		const out = new Set<string>();
		for (let s: Scope | undefined = this; s; s = s.parent)
			for (const k of s.#functions?.keys() ?? []) out.add(k);
		return [...out];
	}
}
