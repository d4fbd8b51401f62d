// Differential test: block types, labels, attribute names and literal values as read by our
// parser must equal what hcl2-parser (hashicorp/hcl) reads. Values our parser holds as
// non-literal expressions are not compared (the oracle returns them as "${...}" source).

import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {syntheticBakeFile} from '../../../bench/parse.bench.js';
import type {Body, Expr} from '../../../src/core/hcl/ast.js';
import {parseHcl} from '../../../src/core/hcl/parser.js';
import {CORPUS_FILE} from '../../shared-path.js';
import {loadOracle} from './hcl2-oracle.js';

const SKIP = Symbol('non-literal');

/** The literal value of an expression, or SKIP when it is not a plain literal. */
function literal(e: Expr): unknown {
	switch (e.kind) {
		case 'Literal':
			return e.value.type === 'number'
				? Number(e.value.text)
				: e.value.type === 'bool'
					? e.value.value
					: null;
		case 'Template': {
			let s = '';
			for (const p of e.parts) {
				if (p.kind !== 'Literal') return SKIP;
				s += p.value;
			}
			return s;
		}
		case 'Tuple': {
			const items = e.items.map(literal);
			return items.includes(SKIP) ? SKIP : items;
		}
		case 'Object': {
			const out: Record<string, unknown> = {};
			for (const item of e.items) {
				const key = item.keyIdent ?? literal(item.key);
				const value = literal(item.value);
				if (typeof key !== 'string' || value === SKIP) return SKIP;
				out[key] = value;
			}
			return out;
		}
		default:
			return SKIP;
	}
}

/** Our body in the oracle's shape: attributes as keys, blocks as type -> label... -> [body]. */
function shape(body: Body): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const a of body.attributes) out[a.name] = literal(a.expr);
	for (const b of body.blocks) {
		let node = out;
		const path = [b.type, ...b.labels];
		for (const key of path.slice(0, -1)) {
			node[key] ??= {};
			node = node[key] as Record<string, unknown>;
		}
		const last = path[path.length - 1] as string;
		node[last] ??= [];
		(node[last] as unknown[]).push(shape(b.body));
	}
	return out;
}

/** Replace SKIP markers by the oracle's value at the same place (its key must exist). */
function fill(ours: unknown, theirs: unknown): unknown {
	if (ours === SKIP) return theirs === undefined ? '<missing in oracle>' : theirs;
	if (Array.isArray(ours) && Array.isArray(theirs)) return ours.map((v, i) => fill(v, theirs[i]));
	if (ours && typeof ours === 'object' && theirs && typeof theirs === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(ours))
			out[k] = fill(v, (theirs as Record<string, unknown>)[k]);
		return out;
	}
	return ours;
}

interface Input {
	readonly name: string;
	readonly text: string;
}

function conformanceInputs(): Input[] {
	const path = CORPUS_FILE;
	let cases: unknown;
	try {
		cases = JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return [];
	}
	const out: Input[] = [];
	for (const c of cases as {name: string; files?: Record<string, string>}[]) {
		for (const [file, text] of Object.entries(c.files ?? {})) {
			if (file.endsWith('.hcl')) out.push({name: `${c.name} ${file}`, text});
		}
	}
	return out;
}

function repoInputs(dir: string, depth = 0): Input[] {
	const out: Input[] = [];
	for (const entry of readdirSync(dir)) {
		if (entry === 'node_modules' || entry.startsWith('.') || entry === 'dist') continue;
		const p = join(dir, entry);
		if (statSync(p).isDirectory()) {
			if (depth < 6) out.push(...repoInputs(p, depth + 1));
		} else if (entry.endsWith('.hcl')) out.push({name: p, text: readFileSync(p, 'utf8')});
	}
	return out;
}

const inputs: Input[] = [
	...conformanceInputs(),
	...repoInputs(join(import.meta.dirname, '../../..')),
	{name: 'synthetic bench file (10 targets)', text: syntheticBakeFile(10)},
];

describe('differential against hcl2-parser', () => {
	const oracle = loadOracle();

	it('has inputs', () => {
		expect(inputs.length).toBeGreaterThan(1);
	});

	it.each(inputs.map((i) => [i.name, i] as const))('%s', (_name, input) => {
		const theirs = oracle(input.text);
		const ours = parseHcl(input.text, 'x.hcl');
		if (theirs === undefined) {
			// The oracle rejects it: we must too (it gives no message to compare).
			expect(ours.diagnostics.length).toBeGreaterThan(0);
			return;
		}
		expect(ours.diagnostics).toEqual([]);
		expect(fill(shape(ours.file.body), theirs)).toEqual(theirs);
	});
});
