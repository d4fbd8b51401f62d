// src/core/bake/resolve/links.ts resolves contexts and descriptions on a path of its own, for
// the graph: it must give what a full resolution gives, on every tree that parses. Compared on
// the buildx corpus, on a generated tuwunel-sized tree, and on the cases links.ts handles itself
// (cycles, null contexts, missing parents, several parents).

import {describe, expect, it} from 'vitest';
import {caseFiles, loadCorpus} from '../../../src/conformance/corpus.js';
import type {SourceFile} from '../../../src/core/bake/config.js';
import {parseBakeFiles} from '../../../src/core/bake/parse/index.js';
import {resolveLinks} from '../../../src/core/bake/resolve/links.js';
import {newEntitlements} from '../../../src/core/bake/resolve/overrides.js';
import {Resolver} from '../../../src/core/bake/resolve/read-targets.js';
import {loadTree} from '../../../src/core/tree.js';
import {generateTree, MEDIUM} from '../../fixtures/gen/generate-tree.js';
import {CORPUS_FILE} from '../../shared-path.js';

interface Seen {
	description: string;
	contexts: Record<string, string> | null;
	failed: boolean;
}

/** Each target's contexts and description by both paths (a failed full resolution: "failed"). */
function bothPaths(files: SourceFile[], env: Record<string, string> = {}) {
	const raw = parseBakeFiles(files, {env});
	const resolver = new Resolver(raw);
	const overrides = resolver.parseOverrides([], env);
	const fullByName = new Map<string, Seen>();
	for (const name of resolver.targetNames()) {
		try {
			const t = resolver.resolveTarget(name, overrides, newEntitlements());
			fullByName.set(name, {
				description: t.description,
				contexts: t.contexts ? {...t.contexts} : null,
				failed: false,
			});
		} catch {
			fullByName.set(name, {description: '', contexts: null, failed: true});
		}
	}
	const fallbacks: string[] = [];
	const links = resolveLinks(raw, overrides, (name) => {
		fallbacks.push(name);
		return undefined;
	});
	const linkByName = new Map<string, Seen>();
	for (const name of resolver.targetNames()) {
		const l = links.get(name);
		linkByName.set(
			name,
			l
				? {description: l.description, contexts: l.contexts ? {...l.contexts} : null, failed: false}
				: {description: '', contexts: null, failed: true},
		);
	}
	return {full: fullByName, links: linkByName, fallbacks};
}

const hcl = (content: string): SourceFile[] => [{name: 'docker-bake.hcl', content}];

describe('links of every target, as a full resolution gives them', () => {
	it('on every tree of the buildx corpus that parses', () => {
		let compared = 0;
		for (const c of loadCorpus(CORPUS_FILE)) {
			if (c.api !== 'ReadTargets' && c.api !== 'ParseFiles') continue;
			const files = caseFiles(c).filter((f) => /\.(hcl|json)$/.test(f.name));
			if (files.length === 0) continue;
			let r: ReturnType<typeof bothPaths>;
			try {
				r = bothPaths(files, {...c.env});
			} catch {
				continue; // does not parse: no graph either
			}
			expect({case: c.name, seen: [...r.links]}).toEqual({case: c.name, seen: [...r.full]});
			compared++;
		}
		expect(compared).toBeGreaterThan(50);
	});

	it('on a generated tuwunel-sized tree, with no target resolved fully', () => {
		const files = [...generateTree(MEDIUM)].map(([name, content]) => ({name, content}));
		const r = bothPaths(files.filter((f) => f.name.endsWith('.hcl')));
		expect(r.full.size).toBe(749);
		expect([...r.links]).toEqual([...r.full]);
		expect(r.fallbacks).toEqual([]);
	});

	it('across cycles, null contexts, several parents and missing parents', () => {
		const r = bothPaths(
			hcl(`
target "base" {
  description = "the base"
  contexts = { a = "target:x", b = "target:y", gone = "target:z" }
}
target "other" {
  contexts = { a = "target:other-a", c = "target:w" }
  description = ""
}
target "child" {
  inherits = ["base", "other"]
  contexts = { gone = null, d = "target:v" }
}
target "grandchild" {
  inherits = ["child"]
  description = "mine"
}
target "emptied" {
  inherits = ["base"]
  contexts = { a = null, b = null, gone = null }
}
target "loop1" {
  inherits = ["loop2"]
  contexts = { l1 = "target:base" }
}
target "loop2" {
  inherits = ["loop1"]
  contexts = { l2 = "target:base" }
}
target "self" {
  inherits = ["self", "base"]
}
target "orphan" {
  inherits = ["missing"]
  contexts = { a = "target:base" }
}
target "x" {}
target "y" {}
target "v" {}
target "w" {}
target "z" {}
target "other-a" {}
`),
		);
		expect([...r.links]).toEqual([...r.full]);
		// The one target whose parent is missing goes to the full resolution (which fails).
		expect(r.fallbacks).toEqual(['orphan']);
		expect(r.links.get('child')?.contexts).toEqual({
			a: 'target:other-a',
			b: 'target:y',
			c: 'target:w',
			d: 'target:v',
		});
		expect(r.links.get('emptied')?.contexts).toBeNull();
	});

	it('keeps the links of a target whose other fields do not resolve, and says why', () => {
		const tree = loadTree({
			files: hcl(
				'target "base" {}\ntarget "app" {\n  inherits = ["base"]\n  contexts = { b = "target:base" }\n  secret = ["id"]\n}\n',
			),
		});
		expect(tree.graph.nodes.get('app')?.inputs.get('b')).toBe('base');
		// Its own secret does not parse: it is shown with its name alone.
		expect(tree.resolved.target('app')).toEqual({name: 'app', description: '', linked: false});
		expect(tree.resolved.problemOf('app')?.summary).toBe(
			"target app: invalid field 'id' must be a key=value pair",
		);
		expect(tree.resolved.problemOf('base')).toBeUndefined();
		expect(tree.resolved.problems.map((p) => p.range?.start.line)).toEqual([2]);
	});

	it('resolves every target fully when --set is given (it may change a parent)', () => {
		const tree = loadTree({
			files: hcl(
				'target "base" {\n  contexts = { a = "target:x" }\n}\ntarget "child" {\n  inherits = ["base"]\n}\ntarget "x" {}\ntarget "y" {}\n',
			),
			set: ['base.contexts.a=target:y'],
		});
		expect(tree.graph.nodes.get('child')?.inputs.get('a')).toBe('y');
		expect(tree.graph.nodes.get('base')?.inputs.get('a')).toBe('y');
	});
});
