// Templates, for-expressions and splats: the evaluator parts that iterate.

import type {Value} from '../../cty/value.js';
import {BOOL, DYNAMIC, object, STRING, tuple} from '../../cty/value.js';
import type {Expr, ForExpr, SplatExpr, TemplatePart} from '../ast.js';
import {convert, Num, typeFriendlyName, typeOf, unifyTypes} from './cty-bridge.js';
import {quote} from './errors.js';
import type {Evaluator, Result} from './evaluate.js';
import {errText} from './evaluate.js';
import type {Scope} from './scope.js';

/** Key/value pairs of an iterable collection in cty order, or undefined when not iterable. */
export function iterate(v: Value): [Value, Value][] | undefined {
	switch (v.kind) {
		case 'list':
		case 'tuple':
			return v.items.map((it, i) => [{kind: 'number', value: Num.fromInt(i)}, it]);
		case 'set':
			return v.items.map((it) => [it, it]);
		case 'map':
			return [...v.entries].map(([k, it]) => [{kind: 'string', value: k}, it]);
		case 'object':
			return [...v.attrs].map(([k, it]) => [{kind: 'string', value: k}, it]);
		default:
			return undefined;
	}
}

export function evalTemplate(ev: Evaluator, parts: readonly TemplatePart[], s: Scope): Result {
	let out = '';
	let ok = true;
	// Indexed: a for-of makes an iterator and a result per step until V8 compiles the loop.
	for (let i = 0; i < parts.length; i++) {
		const part = parts[i] as TemplatePart;
		switch (part.kind) {
			case 'Literal':
				out += part.value;
				break;
			case 'Interp': {
				const v = ev.eval(part.expr, s);
				if (v === undefined) {
					ok = false;
					break;
				}
				const str = templateString(ev, v, part.range, 'The expression result is null.');
				if (str === undefined) ok = false;
				else out += str;
				break;
			}
			case 'If': {
				const c = condition(ev, part.cond, s);
				if (c === undefined) {
					ok = false;
					break;
				}
				const r = evalTemplate(ev, c ? part.then : part.else, s);
				if (r === undefined || r.kind !== 'string') ok = false;
				else out += r.value;
				break;
			}
			case 'For': {
				const coll = ev.eval(part.coll, s);
				if (coll === undefined) {
					ok = false;
					break;
				}
				const pairs = iterable(ev, coll, part.coll);
				if (pairs === undefined) {
					ok = false;
					break;
				}
				for (const [k, v] of pairs) {
					const vars: [string, Value][] = [[part.valueVar, v]];
					if (part.keyVar !== undefined) vars.push([part.keyVar, k]);
					const r = evalTemplate(ev, part.body, s.child(vars));
					if (r === undefined || r.kind !== 'string') ok = false;
					else out += r.value;
				}
				break;
			}
		}
	}
	return ok ? {kind: 'string', value: out} : undefined;
}

function templateString(
	ev: Evaluator,
	v: Value,
	range: import('../../diagnostics.js').Range,
	nullText: string,
): string | undefined {
	if (v.kind === 'null') {
		ev.error(
			range,
			'Invalid template interpolation value',
			`${nullText} Cannot include a null value in a string template.`,
		);
		return undefined;
	}
	try {
		const s = convert(v, STRING);
		return s.kind === 'string' ? s.value : undefined;
	} catch (err) {
		ev.error(
			range,
			'Invalid template interpolation value',
			`Cannot include the given value in a string template: ${errText(err)}.`,
		);
		return undefined;
	}
}

/** A template `%{if}` condition: true/false, or undefined after reporting. */
function condition(ev: Evaluator, e: Expr, s: Scope): boolean | undefined {
	const v = ev.eval(e, s);
	if (v === undefined) return undefined;
	if (v.kind === 'null') {
		ev.error(
			e.range,
			'Null condition',
			'The condition value is null. Conditions must either be true or false.',
		);
		return undefined;
	}
	try {
		const b = convert(v, BOOL);
		return b.kind === 'bool' && b.value;
	} catch {
		ev.error(e.range, 'Incorrect condition type', 'The condition expression must be of type bool.');
		return undefined;
	}
}

function iterable(ev: Evaluator, coll: Value, e: Expr): [Value, Value][] | undefined {
	if (coll.kind === 'null') {
		ev.error(
			e.range,
			'Iteration over null value',
			"A null value cannot be used as the collection in a 'for' expression.",
		);
		return undefined;
	}
	const pairs = iterate(coll);
	if (pairs === undefined) {
		ev.error(
			e.range,
			'Iteration over non-iterable value',
			`A value of type ${typeFriendlyName(typeOf(coll))} cannot be used as the collection in a 'for' expression.`,
		);
	}
	return pairs;
}

export function evalFor(ev: Evaluator, e: ForExpr, s: Scope): Result {
	const coll = ev.eval(e.coll, s);
	if (coll === undefined) return undefined;
	const pairs = iterable(ev, coll, e.coll);
	if (pairs === undefined) return undefined;
	const items: Value[] = [];
	const groups = new Map<string, Value[]>();
	let ok = true;
	for (const [k, v] of pairs) {
		const vars: [string, Value][] = [[e.valueVar, v]];
		if (e.keyVar !== undefined) vars.push([e.keyVar, k]);
		const child = s.child(vars);
		if (e.cond) {
			const c = ev.eval(e.cond, child);
			if (c === undefined) {
				ok = false;
				continue;
			}
			if (c.kind === 'null') {
				ev.error(
					e.cond.range,
					"Invalid 'for' condition",
					"The value of the 'if' clause must not be null.",
				);
				ok = false;
				continue;
			}
			let b: Value;
			try {
				b = convert(c, BOOL);
			} catch (err) {
				ev.error(
					e.cond.range,
					"Invalid 'for' condition",
					`The 'if' clause value is invalid: ${errText(err)}.`,
				);
				ok = false;
				continue;
			}
			if (b.kind === 'bool' && !b.value) continue;
		}
		if (e.object && e.keyExpr) {
			const key = ev.eval(e.keyExpr, child);
			const val = ev.eval(e.valueExpr, child);
			if (key === undefined || val === undefined) {
				ok = false;
				continue;
			}
			const name = objectKey(ev, key, e.keyExpr);
			if (name === undefined) {
				ok = false;
				continue;
			}
			const existing = groups.get(name);
			if (e.group) {
				if (existing) existing.push(val);
				else groups.set(name, [val]);
			} else if (existing) {
				ev.error(
					e.keyExpr.range,
					'Duplicate object key',
					`Two different items produced the key ${quote(name)} in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.`,
				);
				ok = false;
			} else groups.set(name, [val]);
		} else {
			const val = ev.eval(e.valueExpr, child);
			if (val === undefined) ok = false;
			else items.push(val);
		}
	}
	if (!ok) return undefined;
	if (!e.object) return tuple(items);
	return object([...groups].map(([k, vs]) => [k, e.group ? tuple(vs) : (vs[0] as Value)] as const));
}

function objectKey(ev: Evaluator, key: Value, e: Expr): string | undefined {
	if (key.kind === 'null') {
		ev.error(
			e.range,
			'Invalid object key',
			"Key expression in 'for' expression must not produce a null value.",
		);
		return undefined;
	}
	try {
		const k = convert(key, STRING);
		return k.kind === 'string' ? k.value : undefined;
	} catch (err) {
		ev.error(
			e.range,
			'Invalid object key',
			`The key expression produced an invalid result: ${errText(err)}.`,
		);
		return undefined;
	}
}

export function evalSplat(ev: Evaluator, e: SplatExpr, s: Scope): Result {
	const src = ev.eval(e.source, s);
	if (src === undefined) return undefined;
	// A null source is an empty tuple; a non-sequence is treated as a one-element tuple.
	if (src.kind === 'null') return tuple([]);
	const seq = src.kind === 'list' || src.kind === 'set' || src.kind === 'tuple';
	const items = seq ? src.items : [src];
	const out: Value[] = [];
	let ok = true;
	ev.anon ??= new Map();
	const anon = ev.anon;
	for (const it of items) {
		anon.set(e.item, it);
		const v = ev.eval(e.each, s);
		if (v === undefined) ok = false;
		else out.push(v);
	}
	anon.delete(e.item);
	if (!ok) return undefined;
	if (src.kind === 'list' || src.kind === 'set') {
		const elem = out.length ? (unifyTypes(out.map(typeOf)) ?? DYNAMIC) : DYNAMIC;
		try {
			return {kind: 'list', elem, items: out.map((v) => convert(v, elem))};
		} catch {
			return tuple(out);
		}
	}
	return tuple(out);
}
