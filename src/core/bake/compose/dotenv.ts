// The `.env` / `env_file` format as compose-go's dotenv package reads it: `KEY=VALUE` or
// `KEY: VALUE`, an optional `export ` prefix, `#` comment lines, a bare `KEY` taking its value
// from the lookup, single quotes literal, double quotes with escapes, unquoted values ending at
// ` #`, and `${VAR}` expansion (lookup first, then keys read earlier in the same file).

import {substitute} from './template.js';

export type DotenvLookup = (name: string) => string | undefined;

export class DotenvError extends Error {}

const isSpace = (c: string | undefined) =>
	c === ' ' || c === '\t' || c === '\v' || c === '\f' || c === '\r' || c === '\x85' || c === '\xa0';

export function parseDotenv(
	src: string,
	lookup: DotenvLookup = () => undefined,
): Map<string, string> {
	const out = new Map<string, string>();
	const text = src.replace(/\r\n/g, '\n');
	let i = 0;
	const lineAt = (at: number) => text.slice(0, at).split('\n').length;
	const expand = (v: string) => {
		try {
			return substitute(v, (k) => {
				const fromLookup = lookup(k);
				return fromLookup !== undefined ? fromLookup : out.get(k);
			});
		} catch (e) {
			throw new DotenvError(`line ${lineAt(i)}: ${(e as Error).message}`);
		}
	};
	while (i < text.length) {
		// Statement start: skip blanks and comment lines.
		while (i < text.length && /\s/.test(text[i] as string)) i++;
		if (i >= text.length) break;
		if (text[i] === '#') {
			const nl = text.indexOf('\n', i);
			if (nl < 0) break;
			i = nl;
			continue;
		}
		if (text.startsWith('export', i) && isSpace(text[i + 6])) {
			i += 6;
			while (isSpace(text[i])) i++;
		}
		// Key: letters, digits, `_ . - [ ]`, ended by `=`, `:` or a newline (inherited).
		const start = i;
		let sep = '';
		for (; i < text.length; i++) {
			const c = text[i] as string;
			if (c === '=' || c === ':' || c === '\n') {
				sep = c;
				break;
			}
			if (isSpace(c) || /[\p{L}\p{N}_.\-[\]]/u.test(c)) continue;
			throw new DotenvError(
				`line ${lineAt(i)}: unexpected character ${JSON.stringify(c)} in variable name ${JSON.stringify(text.slice(start).split('\n')[0])}`,
			);
		}
		const key = text.slice(start, i).trim();
		if (key.includes(' '))
			throw new DotenvError(`line ${lineAt(start)}: key cannot contain a space`);
		if (key === '') throw new DotenvError(`line ${lineAt(start)}: zero length string`);
		if (sep === '\n' || sep === '') {
			const v = lookup(key);
			if (v !== undefined) out.set(key, v);
			continue;
		}
		i++;
		while (isSpace(text[i])) i++;
		const q = text[i];
		if (q === '"' || q === "'") {
			let end = -1;
			for (let j = i + 1; j < text.length; j++) {
				if (text[j] === q && text[j - 1] !== '\\') {
					end = j;
					break;
				}
			}
			if (end < 0)
				throw new DotenvError(
					`line ${lineAt(i)}: unterminated quoted value ${text.slice(i).split('\n')[0]}`,
				);
			const raw = text.slice(i + 1, end);
			out.set(key, q === '"' ? expand(unescapeQuoted(raw)) : raw);
			i = end + 1;
			// The rest of the line after the closing quote is ignored (a comment at most).
			const nl = text.indexOf('\n', i);
			i = nl < 0 ? text.length : nl;
			continue;
		}
		const nl = text.indexOf('\n', i);
		const line = text.slice(i, nl < 0 ? text.length : nl);
		const hash = line.search(/(^|\s)#/);
		const value = (hash < 0 ? line : line.slice(0, hash)).replace(/\s+$/, '');
		out.set(key, expand(value));
		i = nl < 0 ? text.length : nl;
	}
	return out;
}

const ESCAPES: Record<string, string> = {
	n: '\n',
	r: '\r',
	t: '\t',
	a: '\x07',
	b: '\b',
	f: '\f',
	v: '\v',
};

/** Escapes in double quotes; `\$` stays a literal `$` (it becomes `$$` before expansion). */
function unescapeQuoted(s: string): string {
	return s.replace(/\\(.)/gs, (m, c: string) => {
		if (c === '$') return '$$';
		return ESCAPES[c] ?? (m.length === 2 ? c : m);
	});
}
