// Evaluating a case's `expect` block: error expectations and every assertion op of the
// corpus schema (Go testify semantics: nil == null == absent, pointers compared by pointee).

import type {Assertion, ConformanceCase, HandlerResult} from './corpus.js';

/** Maps become plain objects so that paths and deep equality see one shape. */
export function plain(v: unknown): unknown {
	if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), plain(x)]));
	if (Array.isArray(v)) return v.map(plain);
	if (v !== null && typeof v === 'object') {
		return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
	}
	return v;
}

export function getPath(root: unknown, path: readonly (string | number)[]): unknown {
	let cur = root;
	for (const k of path) {
		if (cur === null || cur === undefined) return undefined;
		if (Array.isArray(cur)) cur = typeof k === 'number' ? cur[k] : undefined;
		else if (typeof cur === 'object') cur = (cur as Record<string, unknown>)[String(k)];
		else return undefined;
	}
	return cur;
}

const isNil = (v: unknown) => v === undefined || v === null;

export function deepEqual(a: unknown, b: unknown): boolean {
	if (isNil(a) && isNil(b)) return true;
	if (Array.isArray(a) && Array.isArray(b)) {
		return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
	}
	if (
		a &&
		b &&
		typeof a === 'object' &&
		typeof b === 'object' &&
		!Array.isArray(a) &&
		!Array.isArray(b)
	) {
		const ka = Object.keys(a);
		const kb = Object.keys(b);
		if (ka.length !== kb.length) return false;
		return ka.every(
			(k) =>
				Object.hasOwn(b, k) &&
				deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
		);
	}
	return a === b;
}

function isEmpty(v: unknown): boolean {
	if (isNil(v) || v === '' || v === false || v === 0) return true;
	if (Array.isArray(v)) return v.length === 0;
	if (typeof v === 'object') return Object.keys(v as object).length === 0;
	return false;
}

function length(v: unknown): number | undefined {
	if (isNil(v)) return 0;
	if (Array.isArray(v) || typeof v === 'string') return v.length;
	if (typeof v === 'object') return Object.keys(v as object).length;
	return undefined;
}

/** Canonical String() of a composite entry: `type=X,k=v` with attributes sorted. */
export function stringify(v: unknown): string {
	if (typeof v === 'string') return v;
	if (!v || typeof v !== 'object') return String(v);
	const rec = v as Record<string, unknown>;
	const pair = (k: string, x: unknown) => {
		const s = `${k}=${String(x)}`;
		return s.includes(',') || s.includes('"') ? `"${s.replace(/"/g, '""')}"` : s;
	};
	const parts: string[] = [];
	if ('type' in rec) parts.push(pair('type', rec.type));
	for (const k of Object.keys(rec).sort()) if (k !== 'type') parts.push(pair(k, rec[k]));
	return parts.join(',');
}

function multisetEqual(a: unknown[], b: unknown[]): boolean {
	if (a.length !== b.length) return false;
	const used = new Array<boolean>(b.length).fill(false);
	return a.every((x) => {
		const i = b.findIndex((y, j) => !used[j] && deepEqual(x, y));
		if (i < 0) return false;
		used[i] = true;
		return true;
	});
}

const show = (v: unknown) => (v === undefined ? 'undefined' : JSON.stringify(v));

/** An error message, or undefined when the assertion holds. */
export function checkAssertion(root: unknown, a: Assertion): string | undefined {
	const actual = getPath(root, a.path);
	const where = `${JSON.stringify(a.path)} ${a.op}`;
	const bad = (why: string) => `${where}: ${why}`;
	switch (a.op) {
		case 'equals':
			return deepEqual(actual, a.value)
				? undefined
				: bad(`expected ${show(a.value)}, got ${show(actual)}`);
		case 'len':
			return length(actual) === a.value
				? undefined
				: bad(`expected length ${show(a.value)}, got ${length(actual)} (${show(actual)})`);
		case 'isNil':
			return isNil(actual) ? undefined : bad(`expected nil, got ${show(actual)}`);
		case 'notNil':
			return !isNil(actual) ? undefined : bad('expected a value, got nil');
		case 'empty':
			return isEmpty(actual) ? undefined : bad(`expected empty, got ${show(actual)}`);
		case 'hasKey':
		case 'notHasKey': {
			const has =
				actual !== null && typeof actual === 'object' && Object.hasOwn(actual, String(a.value));
			return has === (a.op === 'hasKey')
				? undefined
				: bad(`key ${show(a.value)} in ${show(actual)}`);
		}
		case 'elementsMatch':
			return Array.isArray(actual) && Array.isArray(a.value) && multisetEqual(actual, a.value)
				? undefined
				: bad(`expected elements ${show(a.value)}, got ${show(actual)}`);
		case 'sortedEquals': {
			const sorted = Array.isArray(actual) ? [...actual].sort() : actual;
			return deepEqual(sorted, a.value)
				? undefined
				: bad(`expected ${show(a.value)}, got sorted ${show(sorted)}`);
		}
		case 'stringifySorted': {
			const s = Array.isArray(actual) ? actual.map(stringify).sort() : actual;
			return deepEqual(s, a.value) ? undefined : bad(`expected ${show(a.value)}, got ${show(s)}`);
		}
		case 'stringEquals':
			return stringify(actual) === a.value
				? undefined
				: bad(`expected ${show(a.value)}, got ${show(stringify(actual))}`);
		default:
			return bad(`unknown assertion op ${a.op}`);
	}
}

/** Every failure of a case's expectations against what the handler returned. */
export function checkExpectations(c: ConformanceCase, r: HandlerResult): string[] {
	const e = c.expect;
	const failures: string[] = [...(r.failures ?? [])];
	if (e.error) {
		if (r.error === undefined) return [...failures, 'expected an error, but the call succeeded'];
		for (const s of e.errorContains ?? []) {
			if (!r.error.includes(s)) failures.push(`error ${show(r.error)} does not contain ${show(s)}`);
		}
		if (e.errorEquals !== undefined && r.error !== e.errorEquals) {
			failures.push(`error ${show(r.error)} is not ${show(e.errorEquals)}`);
		}
		if (e.diagnosticsUnknownVariables) {
			const names = (r.diagnostics ?? []).flatMap((d) => {
				const m = /There is no variable named "([\w\d_]+)"/.exec(d.detail);
				return m?.[1] ? [m[1]] : [];
			});
			if (!multisetEqual(names, [...e.diagnosticsUnknownVariables])) {
				failures.push(
					`unknown variables ${show(names)}, expected ${show(e.diagnosticsUnknownVariables)}`,
				);
			}
		}
		return failures;
	}
	if (r.error !== undefined) return [...failures, `unexpected error: ${r.error}`];
	const root = plain(r.root);
	for (const a of e.assertions ?? []) {
		const f = checkAssertion(root, a);
		if (f) failures.push(f);
	}
	return failures;
}
