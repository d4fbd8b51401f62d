// compose-go's variable substitution in one string (template.Substitute): `$VAR`, `${VAR}`,
// `${VAR:-default}` / `${VAR-default}` (when unset or empty / unset), `${VAR:+alt}` / `${VAR+alt}`
// (when set and non-empty / set), `${VAR:?msg}` / `${VAR?msg}` (an error), `$$` for a literal `$`.
// Defaults nest (`${A:-${B}}`). An unset variable without a default becomes "" (compose warns).
// The pattern and the order of steps follow compose-go so that odd inputs give the same text.

export type Lookup = (name: string) => string | undefined;

/** compose-go InvalidTemplateError: a `$` that starts nothing valid. */
export class InvalidTemplateError extends Error {
	readonly template: string;
	constructor(template: string) {
		super(`Invalid template: ${JSON.stringify(template)}`);
		this.template = template;
	}
}

/** compose-go MissingRequiredError: `${VAR?msg}` / `${VAR:?msg}` with VAR missing. */
export class MissingRequiredError extends Error {
	constructor(variable: string, reason: string) {
		super(
			reason
				? `required variable ${variable} is missing a value: ${reason}`
				: `required variable ${variable} is missing a value`,
		);
	}
}

// Go's regexp `.` does not match "\n" but does match "\r"; `[^\n]` keeps that.
const SOURCE =
	'\\$(?:(\\$)|([_a-z][_a-z0-9]*)|\\{([_a-z][_a-z0-9]*(?::?[-+?](?:[^\\n]*\\}|[^}]*))?)\\}|())';
const ALL = new RegExp(SOURCE, 'gi');
const ONE = new RegExp(SOURCE, 'i');

type Fn = (substitution: string, lookup: Lookup) => {value: string; applied: boolean};

const OPERATORS: readonly [string, Fn][] = [
	[':?', (s, l) => required(s, l, ':?', (v) => v !== '')],
	['?', (s, l) => required(s, l, '?', () => true)],
	[':-', (s, l) => withDefault(s, l, ':-', true)],
	['-', (s, l) => withDefault(s, l, '-', false)],
	[':+', (s, l) => withAlternative(s, l, ':+', true)],
	['+', (s, l) => withAlternative(s, l, '+', false)],
];

/** The operator that occurs first in the matched text (compose-go sorts by index). */
function operatorFor(text: string): Fn {
	let best: Fn | undefined;
	let at = Number.POSITIVE_INFINITY;
	for (const [op, fn] of OPERATORS) {
		const i = text.indexOf(op);
		if (i >= 0 && i < at) {
			at = i;
			best = fn;
		}
	}
	return best ?? (() => ({value: '', applied: false}));
}

/** Index of the `}` that closes the first `${` (compose-go getFirstBraceClosingIndex). */
function closingBrace(s: string): number {
	let open = 0;
	for (let i = 0; i < s.length; i++) {
		if (s[i] === '}') {
			open--;
			if (open === 0) return i;
		}
		if (s.startsWith('${', i)) {
			open++;
			i++;
		}
	}
	return -1;
}

export function substitute(template: string, lookup: Lookup): string {
	let error: Error | undefined;
	const out = template.replace(ALL, (match: string) => {
		const fn = operatorFor(match);
		let sub = match;
		let rest = '';
		const close = closingBrace(sub);
		if (close > -1) {
			rest = sub.slice(close + 1);
			sub = sub.slice(0, close + 1);
		}
		const m = ONE.exec(sub);
		if (m?.[1]) return m[1];
		let name = m?.[2] ?? '';
		const braced = name === '';
		if (braced) name = m?.[3] ?? '';
		if (name === '') {
			error ??= new InvalidTemplateError(template);
			return '';
		}
		if (braced) {
			let r: {value: string; applied: boolean};
			try {
				r = fn(name, lookup);
			} catch (e) {
				error ??= e as Error;
				return '';
			}
			if (r.applied) {
				// compose-go drops an error in the text after the variable (it returns "").
				let nested = '';
				try {
					nested = substitute(rest, lookup);
				} catch {
					nested = '';
				}
				return r.value + nested;
			}
		}
		return lookup(name) ?? '';
	});
	if (error) throw error;
	return out;
}

function partition(s: string, sep: string): [string, string] {
	const i = s.indexOf(sep);
	return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + sep.length)];
}

function withDefault(s: string, lookup: Lookup, sep: string, emptyToo: boolean) {
	if (!s.includes(sep)) return {value: '', applied: false};
	const [name, def] = partition(s, sep);
	const fallback = substitute(def, lookup);
	const v = lookup(name);
	if (v === undefined || (emptyToo && v === '')) return {value: fallback, applied: true};
	return {value: v, applied: true};
}

function withAlternative(s: string, lookup: Lookup, sep: string, nonEmpty: boolean) {
	if (!s.includes(sep)) return {value: '', applied: false};
	const [name, alt] = partition(s, sep);
	const replacement = substitute(alt, lookup);
	const v = lookup(name);
	if (v !== undefined && (!nonEmpty || v !== '')) return {value: replacement, applied: true};
	return {value: v ?? '', applied: true};
}

function required(s: string, lookup: Lookup, sep: string, valid: (v: string) => boolean) {
	if (!s.includes(sep)) return {value: '', applied: false};
	const [name, reason] = partition(s, sep);
	const message = substitute(reason, lookup);
	const v = lookup(name);
	if (v === undefined || !valid(v)) throw new MissingRequiredError(name, message);
	return {value: v, applied: true};
}
