// cty/json: jsonencode (Marshal with the value's own type: Go encoding/json output, keys
// sorted, `<>&` and U+2028/9 escaped, numbers printed as cty prints them) and jsondecode
// (ImpliedType + Unmarshal: objects -> object, arrays -> tuple, numbers exact from their text).

import {convertWithDefaults} from './convert.js';
import {Num} from './number.js';
import type {Type, Value} from './value.js';
import {bool, nullOf, object, str, tuple} from './value.js';

export class JsonError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'JsonError';
	}
}

/** A string as Go's encoding/json writes it (HTML-safe escaping). */
export function jsonQuote(s: string): string {
	let out = '"';
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		const ch = s[i] as string;
		if (ch === '"' || ch === '\\') out += `\\${ch}`;
		else if (ch === '\n') out += '\\n';
		else if (ch === '\r') out += '\\r';
		else if (ch === '\t') out += '\\t';
		else if (ch === '\b') out += '\\b';
		else if (ch === '\f') out += '\\f';
		else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) {
			out += `\\u${c.toString(16).padStart(4, '0')}`;
		} else if (c >= 0xd800 && c <= 0xdfff) {
			// A valid pair passes through; a lone surrogate is invalid UTF-8 in Go: U+FFFD.
			const next = s.charCodeAt(i + 1);
			if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
				out += ch + (s[i + 1] as string);
				i++;
			} else out += '\ufffd';
		} else out += ch;
	}
	return `${out}"`;
}

export function jsonEncode(v: Value): string {
	switch (v.kind) {
		case 'null':
			return 'null';
		case 'string':
			return jsonQuote(v.value);
		case 'number':
			if (v.value.isInfinite()) throw new JsonError('value must be a finite number');
			return v.value.toString();
		case 'bool':
			return v.value ? 'true' : 'false';
		case 'list':
		case 'set':
		case 'tuple':
			return `[${v.items.map(jsonEncode).join(',')}]`;
		case 'map':
		case 'object': {
			const es = v.kind === 'map' ? v.entries : v.attrs;
			return `{${[...es].map(([k, x]) => `${jsonQuote(k)}:${jsonEncode(x)}`).join(',')}}`;
		}
	}
}

/** The inside of Go's strconv.Quote for one character (as json's quoteChar shows it). */
function goCharEscape(ch: string): string {
	const named: Record<string, string> = {
		'\n': '\\n',
		'\r': '\\r',
		'\t': '\\t',
		'\b': '\\b',
		'\f': '\\f',
		'\v': '\\v',
		'\x07': '\\a',
		'\\': '\\\\',
	};
	const n = named[ch];
	if (n) return n;
	const c = ch.codePointAt(0) as number;
	if (c < 0x20 || c === 0x7f) return `\\x${c.toString(16).padStart(2, '0')}`;
	return ch;
}

class Parser {
	i = 0;
	readonly s: string;
	constructor(s: string) {
		this.s = s;
	}

	ws(): void {
		while (this.i < this.s.length && ' \t\n\r'.includes(this.s[this.i] as string)) this.i++;
	}

	fail(context: string): never {
		if (this.i >= this.s.length) throw new JsonError('unexpected end of JSON input');
		const ch = String.fromCodePoint(this.s.codePointAt(this.i) as number);
		const shown = ch === "'" ? "'\\''" : `'${goCharEscape(ch)}'`;
		throw new JsonError(`invalid character ${shown} ${context}`);
	}

	value(): Value {
		this.ws();
		const ch = this.s[this.i];
		if (ch === '{') return this.object();
		if (ch === '[') return this.array();
		if (ch === '"') return str(this.string());
		if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.number();
		for (const [word, v] of [
			['true', bool(true)],
			['false', bool(false)],
			['null', nullOf()],
		] as const) {
			if (this.s.startsWith(word, this.i)) {
				this.i += word.length;
				return v;
			}
		}
		if (ch !== undefined && 'tfn'.includes(ch)) {
			// Go reports the first wrong letter of a literal.
			const word = ch === 't' ? 'true' : ch === 'f' ? 'false' : 'null';
			let j = 0;
			while (this.s[this.i + j] === word[j]) j++;
			this.i += j;
			this.fail(`in literal ${word} (expecting '${word[j]}')`);
		}
		return this.fail('looking for beginning of value');
	}

	number(): Value {
		const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.s.slice(this.i));
		if (!m) {
			this.i++;
			this.fail('in numeric literal');
		}
		const text = m[0];
		this.i += text.length;
		const n = Num.parse(text);
		if (!n) throw new JsonError(`invalid number ${text}`);
		return {kind: 'number', value: n};
	}

	string(): string {
		const start = this.i;
		this.i++;
		while (this.i < this.s.length) {
			const ch = this.s[this.i] as string;
			if (ch === '"') {
				this.i++;
				try {
					return JSON.parse(this.s.slice(start, this.i)) as string;
				} catch {
					throw new JsonError('invalid character in string escape code');
				}
			}
			if (ch === '\\') {
				this.i++;
				const esc = this.s[this.i];
				if (esc !== undefined && !'"\\/bfnrtu'.includes(esc)) this.fail('in string escape code');
				if (esc === 'u') {
					for (let k = 1; k <= 4; k++) {
						if (!/[0-9a-fA-F]/.test(this.s[this.i + k] ?? '')) {
							this.i += k;
							this.fail('in \\u hexadecimal character escape');
						}
					}
				}
			} else if (ch.charCodeAt(0) < 0x20) this.fail('in string literal');
			this.i++;
		}
		throw new JsonError('unexpected end of JSON input');
	}

	array(): Value {
		this.i++;
		const items: Value[] = [];
		this.ws();
		if (this.s[this.i] === ']') {
			this.i++;
			return tuple(items);
		}
		for (;;) {
			items.push(this.value());
			this.ws();
			const ch = this.s[this.i];
			this.i++;
			if (ch === ']') return tuple(items);
			if (ch !== ',') {
				this.i--;
				this.fail('after array element');
			}
		}
	}

	object(): Value {
		this.i++;
		const attrs = new Map<string, Value>();
		this.ws();
		if (this.s[this.i] === '}') {
			this.i++;
			return object(attrs);
		}
		for (;;) {
			this.ws();
			if (this.s[this.i] !== '"') this.fail('looking for beginning of object key string');
			const k = this.string();
			this.ws();
			if (this.s[this.i] !== ':') this.fail('after object key');
			this.i++;
			const v = this.value();
			if (attrs.has(k)) throw new JsonError(`duplicate "${k}" property in JSON object`);
			attrs.set(k, v);
			this.ws();
			const ch = this.s[this.i];
			this.i++;
			if (ch === '}') return object(attrs);
			if (ch !== ',') {
				this.i--;
				this.fail('after object key:value pair');
			}
		}
	}
}

/** jsondecode: the value with its implied type (null -> untyped null). */
export function jsonDecode(text: string): Value {
	const p = new Parser(text);
	p.ws();
	if (p.i >= text.length) throw new JsonError('EOF');
	const v = p.value();
	p.ws();
	if (p.i < text.length) throw new JsonError('extraneous data after JSON object');
	return v;
}

/** cty json.ImpliedType. */
export function jsonImpliedType(text: string): Type {
	return typeOfDecoded(jsonDecode(text));
}

function typeOfDecoded(v: Value): Type {
	switch (v.kind) {
		case 'null':
			return v.type;
		case 'tuple':
			return {kind: 'tuple', elems: v.items.map(typeOfDecoded)};
		case 'object': {
			const attrs: Record<string, Type> = {};
			for (const [k, x] of v.attrs) attrs[k] = typeOfDecoded(x);
			return {kind: 'object', attrs};
		}
		default:
			return {kind: v.kind} as Type;
	}
}

/** ctyjson.Unmarshal into a known type (typed variables from JSON text). */
export function jsonDecodeAs(text: string, type: Type): Value {
	return convertWithDefaults(jsonDecode(text), type);
}
