// JSON exactly as Go's encoding/json + MarshalIndent(v, "", "  ") writes it: `<`, `>`, `&`,
// U+2028 and U+2029 escaped as \u00XX/\u20XX, control characters other than \n \r \t as \u00XX,
// lone surrogates replaced by U+FFFD. Objects keep the key order given (callers sort maps).

// Maps keep their insertion order for any key; plain objects would put integer-like keys first.
export type GoJson =
	| string
	| number
	| boolean
	| null
	| readonly GoJson[]
	| GoObject
	| ReadonlyMap<string, GoJson>;
export interface GoObject {
	readonly [key: string]: GoJson;
}

const ESCAPES: Record<string, string> = {
	'"': '\\"',
	'\\': '\\\\',
	'\n': '\\n',
	'\r': '\\r',
	'\t': '\\t',
	'<': '\\u003c',
	'>': '\\u003e',
	'&': '\\u0026',
	'\u2028': '\\u2028',
	'\u2029': '\\u2029',
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: escaping them is the point
const NEEDS = /["\\<>&\u0000-\u001f\u2028\u2029\ud800-\udfff]/;

export function goString(s: string): string {
	if (!NEEDS.test(s)) return `"${s}"`;
	let out = '"';
	for (let i = 0; i < s.length; i++) {
		const ch = s[i] as string;
		const code = ch.charCodeAt(0);
		const esc = ESCAPES[ch];
		if (esc) out += esc;
		else if (code < 0x20) out += `\\u00${code.toString(16).padStart(2, '0')}`;
		else if (code >= 0xd800 && code <= 0xdbff) {
			const next = s.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				out += ch + s[i + 1];
				i++;
			} else out += '\ufffd';
		} else if (code >= 0xdc00 && code <= 0xdfff) out += '\ufffd';
		else out += ch;
	}
	return `${out}"`;
}

export function goJson(v: GoJson, indent = ''): string {
	if (v === null) return 'null';
	if (typeof v === 'string') return goString(v);
	if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	const inner = `${indent}  `;
	if (Array.isArray(v)) {
		const arr = v as readonly GoJson[];
		if (arr.length === 0) return '[]';
		return `[\n${arr.map((x) => inner + goJson(x, inner)).join(',\n')}\n${indent}]`;
	}
	const entries: [string, GoJson][] = v instanceof Map ? [...v] : Object.entries(v as GoObject);
	if (entries.length === 0) return '{}';
	const body = entries.map(([k, x]) => `${inner}${goString(k)}: ${goJson(x, inner)}`);
	return `{\n${body.join(',\n')}\n${indent}}`;
}
