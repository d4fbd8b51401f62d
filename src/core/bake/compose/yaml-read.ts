// Reading one compose file's YAML into the value model of values.ts, the way go-yaml v3 decodes
// into `interface{}` for compose-go: plain scalars resolve to null/bool/int/float only for the
// spellings go-yaml accepts (`yes`, `on` stay strings; `012` is octal; `1_000` is an int;
// timestamps stay strings), quoted scalars are strings, `<<` merge keys and aliases are expanded,
// and compose's `!reset` / `!override` tags are kept as markers for merging. The parse tree is
// kept so that later errors about a path (`services.app.build.context`) can point at a line.
// This is the only module that imports the YAML parser; see support.ts for why that matters.

import {
	type Document,
	isAlias,
	isMap,
	isScalar,
	isSeq,
	LineCounter,
	type Node,
	type Pair,
	parseAllDocuments,
	type Scalar,
} from 'yaml';
import type {Pos, Range} from '../../diagnostics.js';
import {ComposeError} from './errors.js';
import {
	GoNumber,
	goSprint,
	newMap,
	OverrideTag,
	ResetTag,
	type YMap,
	type YValue,
} from './values.js';

export interface ComposeDocument {
	readonly value: YMap;
	/**
	 * The position of the value at a path (keys and list indexes), or of its nearest parent;
	 * of its key instead when `key` is set (an unknown property is shown by its name).
	 */
	locate(path: readonly (string | number)[], key?: boolean): Range | undefined;
}

export interface ComposeSource {
	readonly name: string;
	readonly documents: readonly ComposeDocument[];
	/** Position of an offset in the file. */
	range(start: number, end: number): Range;
}

const STR = 'tag:yaml.org,2002:str';
const INT = 'tag:yaml.org,2002:int';
const FLOAT = 'tag:yaml.org,2002:float';
const BOOL = 'tag:yaml.org,2002:bool';
const NULL = 'tag:yaml.org,2002:null';

export function readComposeYaml(name: string, text: string): ComposeSource {
	const lines = new LineCounter();
	const pos = (offset: number): Pos => {
		const p = lines.linePos(offset);
		return {line: p.line, col: p.col, offset};
	};
	const range = (start: number, end: number): Range => ({
		file: name,
		start: pos(start),
		end: pos(Math.max(start, end)),
	});
	const parsed = parseAllDocuments(text, {
		schema: 'failsafe',
		lineCounter: lines,
		prettyErrors: false,
		uniqueKeys: true,
		merge: false,
	});
	const docs = Array.isArray(parsed) ? parsed : [parsed];
	const documents: ComposeDocument[] = [];
	for (const doc of docs) {
		const err = doc.errors[0];
		if (err) {
			const r = range(err.pos[0], err.pos[1]);
			throw new ComposeError(
				`failed to parse ${name}: yaml: line ${r.start.line}: ${firstLine(err.message)}`,
				r,
			);
		}
		if (doc.contents === null) continue;
		const conv = new Converter(doc, name, range);
		const value = conv.value(doc.contents as Node, []);
		if (value === null) continue;
		if (!isPlainMap(value)) {
			const n = doc.contents as Node;
			throw new ComposeError(
				'Top-level object must be a mapping',
				n.range ? range(n.range[0], n.range[1]) : undefined,
			);
		}
		documents.push({value, locate: (path, key) => locate(doc, path, range, key)});
	}
	return {name, documents, range};
}

function firstLine(message: string): string {
	return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function isPlainMap(v: YValue): v is YMap {
	return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoNumber)
		? !(v instanceof ResetTag) && !(v instanceof OverrideTag)
		: false;
}

class Converter {
	private readonly doc: Document;
	private readonly file: string;
	private readonly range: (start: number, end: number) => Range;
	/** Anchored nodes being expanded: an alias to one of them would recurse for ever. */
	private readonly active = new Set<Node>();

	constructor(doc: Document, file: string, range: (start: number, end: number) => Range) {
		this.doc = doc;
		this.file = file;
		this.range = range;
	}

	private fail(message: string, node: Node | undefined): never {
		const r = node?.range ? this.range(node.range[0], node.range[1]) : undefined;
		throw new ComposeError(`failed to parse ${this.file}: ${message}`, r);
	}

	value(node: Node | null, path: readonly string[]): YValue {
		if (node === null) return null;
		if (isAlias(node)) {
			const target = node.resolve(this.doc) as Node | undefined;
			if (!target) this.fail(`yaml: unknown anchor '${node.source}' referenced`, node);
			if (this.active.has(target))
				this.fail(`yaml: anchor '${node.source}' value contains itself`, node);
			this.active.add(target);
			try {
				return this.value(target, path);
			} finally {
				this.active.delete(target);
			}
		}
		const tag = node.tag;
		if (tag === '!reset') return new ResetTag();
		if (tag === '!override') {
			const inner = this.untagged(node, path);
			return new OverrideTag(inner);
		}
		return this.untagged(node, path);
	}

	private untagged(node: Node, path: readonly string[]): YValue {
		if (isMap(node)) return this.mapping(node.items as Pair<Node | null, Node | null>[], path);
		if (isSeq(node)) return (node.items as (Node | null)[]).map((n) => this.value(n, path));
		if (isScalar(node)) return this.scalar(node);
		return null;
	}

	private scalar(node: Scalar): YValue {
		const text = String(node.value ?? '');
		const tag = node.tag;
		if (tag === STR) return text;
		if (tag === INT || tag === FLOAT) {
			const v = resolvePlain(text);
			if (v instanceof GoNumber) return tag === FLOAT ? new GoNumber(true, Number(v.value)) : v;
			this.fail(`yaml: cannot decode !!${tag === INT ? 'int' : 'float'} \`${text}\``, node);
		}
		if (tag === BOOL) {
			const v = resolvePlain(text);
			if (typeof v === 'boolean') return v;
			this.fail(`yaml: cannot decode !!bool \`${text}\``, node);
		}
		if (tag === NULL) return null;
		if (node.type === 'PLAIN') return resolvePlain(text);
		return text;
	}

	private key(node: Node | null, path: readonly string[]): string {
		const k = this.value(node, path);
		if (typeof k === 'string') return k;
		const where = path.length ? `in ${path.join('.')}` : 'at top level';
		return this.fail(
			`Non-string key ${where}: ${goSprint(k === null ? null : (k as never))}`,
			node ?? undefined,
		);
	}

	private mapping(items: Pair<Node | null, Node | null>[], path: readonly string[]): YMap {
		const out = newMap();
		const merges: (Node | null)[] = [];
		for (const p of items) {
			const k = p.key;
			if (k && isScalar(k) && k.type === 'PLAIN' && k.value === '<<' && !k.tag) {
				merges.push(p.value);
				continue;
			}
			const key = this.key(k, path);
			out[key] = this.value(p.value, [...path, key]);
		}
		// `<<` (go-yaml): keys written in the mapping win, then earlier merge sources over later.
		for (const m of merges) {
			const sources = m && isSeq(m) ? (m.items as (Node | null)[]) : [m];
			for (const s of sources) {
				const v = this.value(s, path);
				if (!isPlainMap(v))
					this.fail(
						'yaml: map merge requires map or sequence of maps as the value',
						s ?? undefined,
					);
				for (const [k, x] of Object.entries(v)) if (!Object.hasOwn(out, k)) out[k] = x;
			}
		}
		return out;
	}
}

/** go-yaml v3 resolve() for an untagged plain scalar. */
export function resolvePlain(s: string): YValue {
	switch (s) {
		case '':
		case '~':
		case 'null':
		case 'Null':
		case 'NULL':
			return null;
		case 'true':
		case 'True':
		case 'TRUE':
			return true;
		case 'false':
		case 'False':
		case 'FALSE':
			return false;
		case '.nan':
		case '.NaN':
		case '.NAN':
			return new GoNumber(true, Number.NaN);
		case '.inf':
		case '.Inf':
		case '.INF':
		case '+.inf':
		case '+.Inf':
		case '+.INF':
			return new GoNumber(true, Number.POSITIVE_INFINITY);
		case '-.inf':
		case '-.Inf':
		case '-.INF':
			return new GoNumber(true, Number.NEGATIVE_INFINITY);
	}
	if (!/^[-+0-9.]/.test(s)) return s;
	// Timestamps look numeric but go-yaml hands them to interface{} as strings.
	if (/^\d{4}-\d\d?-\d\d?([Tt ]|$)/.test(s)) return s;
	const plain = s.replace(/_/g, '');
	const int = parseGoInt(plain);
	if (int !== undefined) return new GoNumber(false, int);
	if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain))
		return new GoNumber(true, Number(plain));
	return s;
}

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/** strconv.ParseInt(s, 0, 64), then ParseUint: Go's base prefixes and legacy leading-0 octal. */
function parseGoInt(s: string): number | bigint | undefined {
	const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
	if (!m) return undefined;
	const [, sign = '', digits = ''] = m;
	let body = digits;
	if (/^0[0-7]+$/.test(body)) body = `0o${body.slice(1)}`;
	let n: bigint;
	try {
		n = BigInt(body);
	} catch {
		return undefined;
	}
	if (sign === '-') n = -n;
	if (n < INT64_MIN || n > UINT64_MAX || (sign === '-' && n < INT64_MIN)) return undefined;
	return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER)
		? Number(n)
		: n;
}

/** The position of a path in a parsed document, walking mappings and sequences. */
function locate(
	doc: Document,
	path: readonly (string | number)[],
	range: (start: number, end: number) => Range,
	key = false,
): Range | undefined {
	let node: Node | null = doc.contents as Node | null;
	let best: Node | null = node;
	let keyNode: Node | null = null;
	for (const seg of path) {
		while (node && isAlias(node)) node = (node.resolve(doc) as Node | undefined) ?? null;
		if (!node) break;
		if (isMap(node)) {
			const pair = (node.items as Pair<Node | null, Node | null>[]).find(
				(p) => p.key && isScalar(p.key) && String(p.key.value) === String(seg),
			);
			if (!pair) break;
			keyNode = pair.key;
			node = pair.value;
		} else if (isSeq(node) && typeof seg === 'number') {
			node = (node.items[seg] as Node | undefined) ?? null;
			keyNode = null;
		} else break;
		best = node ?? keyNode;
	}
	// A mapping or list is best shown by its key (`app:`), a scalar by its value.
	const n =
		keyNode && (key || (best && (isMap(best) || isSeq(best)))) ? keyNode : (best ?? keyNode);
	return n?.range ? range(n.range[0], n.range[1]) : undefined;
}
