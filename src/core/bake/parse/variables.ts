// Values of variables and top-level attributes, with buildx's precedence: built-ins (defaults)
// › --var › environment (unless BUILDX_BAKE_DISABLE_VARS_ENV_LOOKUP) › a top-level attribute of
// the same name › `default`. Env and --var only reach declared variables; NAME_JSON is read for
// typed variables (and as a plain fallback for untyped ones), unless NAME_JSON is itself declared.

import {convert} from '../../cty/convert.js';
import {typeFromExpr} from '../../cty/typeexpr.js';
import {typeFriendlyNameForConstraint} from '../../cty/types.js';
import type {Type, Value} from '../../cty/value.js';
import {nullOf, str} from '../../cty/value.js';
import {DiagnosticError} from '../../diagnostics.js';
import type {Attribute, Block, Expr} from '../../hcl/ast.js';
import type {Scope} from '../../hcl/eval/index.js';
import type {VariableSource} from '../config.js';
import {BakeFail} from './errors.js';
import type {BakeEvaluator} from './evaluator.js';
import {OverrideError, parseGoBool, typedOverride, untypedOverride} from './overrides.js';

export interface VariableDecl {
	readonly name: string;
	readonly block: Block;
	readonly default?: Attribute;
	readonly type?: Attribute;
	readonly description?: string;
	readonly validations: readonly {readonly condition: Expr; readonly errorMessage?: Expr}[];
}

export interface VariableState {
	readonly defaults: Readonly<Record<string, string>>;
	readonly vars: Readonly<Record<string, string>>;
	readonly env: Readonly<Record<string, string | undefined>>;
	/** Names of declared variables (NAME_JSON is not consulted when NAME_JSON is one). */
	readonly declared: ReadonlySet<string>;
	/** What each resolved name came from, for VariableInfo. */
	readonly sources: Map<string, {source: VariableSource; type?: Type; defaultValue?: Value}>;
}

/** buildx envLookupAllowed: env is read unless BUILDX_BAKE_DISABLE_VARS_ENV_LOOKUP parses true. */
export function envLookupAllowed(env: Readonly<Record<string, string | undefined>>): boolean {
	const v = env.BUILDX_BAKE_DISABLE_VARS_ENV_LOOKUP;
	return !(v !== undefined && parseGoBool(v) === true);
}

function lookup(
	st: VariableState,
	key: string,
): {value: string; source: VariableSource} | undefined {
	if (Object.hasOwn(st.vars, key)) return {value: st.vars[key] as string, source: 'var'};
	if (envLookupAllowed(st.env)) {
		const v = st.env[key];
		if (v !== undefined) return {value: v, source: 'env'};
	}
	return undefined;
}

export function variableType(decl: VariableDecl): Type | undefined {
	if (!decl.type) return undefined;
	try {
		return typeFromExpr(decl.type.expr);
	} catch (e) {
		if (e instanceof DiagnosticError) throw BakeFail.diags(e.diagnostics);
		throw e;
	}
}

export function resolveVariable(ev: BakeEvaluator, callerScope: Scope, name: string): Value {
	const st = ev.varState;
	let scope = callerScope;
	let def = ev.attrs.get(name);
	const builtin = Object.hasOwn(st.defaults, name);
	const decl = ev.vars.get(name);
	if (!def && !builtin) {
		if (!decl)
			throw new BakeFail(`variable ${JSON.stringify(name)} does not exist`, {undefinedName: true});
		def = decl.default;
		scope = ev.global;
	}
	if (builtin && !def) {
		st.sources.set(name, {source: 'builtin'});
		return str(st.defaults[name] as string);
	}
	const type = decl ? variableType(decl) : undefined;
	let value: Value;
	let source: VariableSource;
	if (def) {
		value = ev.evalExpr(scope, def.expr);
		source = def === decl?.default ? 'default' : 'attribute';
		if (type) {
			try {
				value = convert(value, type);
			} catch (e) {
				const why = e instanceof Error ? e.message : String(e);
				throw new BakeFail(
					`invalid type ${typeFriendlyNameForConstraint(type)} for variable ${name} default value: ${why}`,
				);
			}
		}
	} else {
		value = type ? nullOf(type) : str('');
		source = 'unset';
	}
	const defaultValue = value;
	if (decl) {
		const o = override(st, name, type !== undefined);
		if (o) {
			try {
				value = type
					? typedOverride(name, o.value, type, o.json)
					: untypedOverride(name, o.value, value);
			} catch (e) {
				if (e instanceof OverrideError) throw new BakeFail(e.message);
				throw e;
			}
			source = o.json ? 'env-json' : o.source;
		}
	}
	st.sources.set(name, {source, ...(type ? {type} : {}), defaultValue});
	return value;
}

function override(
	st: VariableState,
	name: string,
	typed: boolean,
): {value: string; json: boolean; source: VariableSource} | undefined {
	const jsonName = `${name}_JSON`;
	const jsonAllowed = !Object.hasOwn(st.defaults, jsonName) && !st.declared.has(jsonName);
	const plain = lookup(st, name);
	if (jsonAllowed) {
		const j = lookup(st, jsonName);
		if (j && typed) return {value: j.value, json: true, source: j.source};
		if (j && !plain) return {value: j.value, json: false, source: j.source};
	}
	return plain ? {value: plain.value, json: false, source: plain.source} : undefined;
}
