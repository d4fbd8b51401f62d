// regex, regexall, regex_replace and replace after go-cty's stdlib. Patterns are Go RE2
// syntax, translated by regex-translate.ts; matching loops follow Go's rules for empty matches.

import type {Type, Value} from '../cty/value.js';
import {nullOf, object, STRING, str, tuple} from '../cty/value.js';
import {str as strArg} from './args.js';
import {
	ReSyntaxError,
	ReUnsupportedError,
	type Translated,
	translateGoRegexp,
} from './regex-translate.js';
import type {FunctionDef} from './types.js';
import {FunctionArgError, FunctionError} from './types.js';

type Match = RegExpExecArray;

/** Go's FindAll: successive matches, dropping an empty match that abuts the previous one. */
function* allMatches(re: RegExp, s: string): Generator<Match> {
	let pos = 0;
	let prevEnd = -1;
	while (pos <= s.length) {
		re.lastIndex = pos;
		const m = re.exec(s);
		if (!m) return;
		const start = m.index;
		const end = start + m[0].length;
		let accept = true;
		if (end === start) {
			if (start === prevEnd) accept = false;
			pos = start + ((s.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
		} else pos = end;
		prevEnd = end;
		if (accept) yield m;
	}
}

function compileForCty(pattern: string): Translated {
	try {
		return translateGoRegexp(pattern);
	} catch (err) {
		if (err instanceof ReSyntaxError) {
			throw new FunctionArgError(0, `invalid regexp pattern: ${err.code} in ${err.expr}`);
		}
		if (err instanceof ReUnsupportedError)
			throw new FunctionArgError(0, `unsupported regexp pattern: ${err.message}`);
		throw err;
	}
}

function resultType(t: Translated): Type {
	const unnamed = t.names.filter((n) => n === '').length;
	const named = t.names.length - unnamed;
	if (t.names.length === 0) return STRING;
	if (unnamed > 0 && named > 0) {
		throw new FunctionArgError(
			0,
			'invalid regexp pattern: cannot mix both named and unnamed capture groups',
		);
	}
	if (unnamed > 0) return {kind: 'tuple', elems: t.names.map(() => STRING)};
	return {kind: 'object', attrs: Object.fromEntries(t.names.map((n) => [n, STRING]))};
}

function matchValue(t: Translated, ty: Type, m: Match): Value {
	if (ty.kind === 'string') return str(m[0]);
	const groups = t.names.map((_, k) => {
		const g = m[k + 1];
		return g === undefined ? nullOf(STRING) : str(g);
	});
	if (ty.kind === 'tuple') return tuple(groups);
	return object(t.names.map((n, k) => [n, groups[k] as Value] as const));
}

/** Go's Regexp.Expand for one match: $n, ${n}, $name, ${name}, $$. */
function expand(template: string, t: Translated, m: Match): string {
	let out = '';
	for (let i = 0; i < template.length; i++) {
		const c = template[i];
		if (c !== '$') {
			out += c;
			continue;
		}
		if (template[i + 1] === '$') {
			out += '$';
			i++;
			continue;
		}
		const ref = /^\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/.exec(template.slice(i));
		if (!ref) {
			out += '$';
			continue;
		}
		i += ref[0].length - 1;
		const name = ref[1] ?? ref[2] ?? '';
		if (/^\d+$/.test(name)) {
			out += m[Number(name)] ?? '';
			continue;
		}
		const k = t.names.indexOf(name);
		out += k >= 0 ? (m[k + 1] ?? '') : '';
	}
	return out;
}

/** Go's Regexp.ReplaceAllString. */
export function goReplaceAll(t: Translated, s: string, template: string): string {
	const re = t.regexp;
	let out = '';
	let lastEnd = 0;
	let pos = 0;
	while (pos <= s.length) {
		re.lastIndex = pos;
		const m = re.exec(s);
		if (!m) break;
		const start = m.index;
		const end = start + m[0].length;
		out += s.slice(lastEnd, start);
		// No replacement for an empty match right after the previous match.
		if (end > lastEnd || start === 0) out += expand(template, t, m);
		lastEnd = end;
		const width = (s.codePointAt(pos) ?? 0) > 0xffff ? 2 : 1;
		pos = Math.max(pos + width, end);
	}
	return out + s.slice(lastEnd);
}

/** Go strings.Replace(s, old, new, -1); an empty `old` matches at every rune boundary. */
export function goStringsReplace(s: string, old: string, repl: string): string {
	if (old === '') return [...s].reduce((acc, ch) => acc + ch + repl, repl);
	return s.split(old).join(repl);
}

export const REGEX_FUNCTIONS: Record<string, FunctionDef> = {
	regex: {
		description: 'Returns the first match of a regular expression (string, tuple or object).',
		params: [
			{name: 'pattern', type: STRING},
			{name: 'string', type: STRING},
		],
		impl: (args) => {
			const t = compileForCty(strArg(args, 0));
			const ty = resultType(t);
			const first = allMatches(t.regexp, strArg(args, 1)).next();
			if (first.done) throw new FunctionError('pattern did not match any part of the given string');
			return matchValue(t, ty, first.value);
		},
	},
	regexall: {
		description: 'Returns a list of all non-overlapping matches of a regular expression.',
		params: [
			{name: 'pattern', type: STRING},
			{name: 'string', type: STRING},
		],
		impl: (args) => {
			const t = compileForCty(strArg(args, 0));
			const ty = resultType(t);
			const items = [...allMatches(t.regexp, strArg(args, 1))].map((m) => matchValue(t, ty, m));
			return {kind: 'list', elem: ty, items};
		},
	},
	regex_replace: {
		description: 'Replaces every match of a regular expression; $1 and $name expand groups.',
		params: [
			{name: 'str', type: STRING},
			{name: 'substr', type: STRING},
			{name: 'replace', type: STRING},
		],
		impl: (args) => {
			let t: Translated;
			try {
				t = translateGoRegexp(strArg(args, 1));
			} catch (err) {
				const msg =
					err instanceof ReUnsupportedError
						? `unsupported regexp pattern: ${err.message}`
						: (err as Error).message;
				throw new FunctionError(msg);
			}
			return str(goReplaceAll(t, strArg(args, 0), strArg(args, 2)));
		},
	},
	replace: {
		description: 'Replaces every occurrence of a substring with a replacement string.',
		params: [
			{name: 'str', type: STRING},
			{name: 'substr', type: STRING},
			{name: 'replace', type: STRING},
		],
		impl: (args) => str(goStringsReplace(strArg(args, 0), strArg(args, 1), strArg(args, 2))),
	},
};
