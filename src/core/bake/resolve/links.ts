// The two fields of every target that the graph reads, its `target:` contexts and its
// description, resolved as a full resolution (./read-targets.ts Resolver.resolveTarget)
// resolves them, without the rest: parents first, left to right, an inheritance cycle cut the
// same way, contexts merged key by key (a null context is "" and then dropped, so a child can
// remove an inherited one), the last non-empty description.
//
// Why a second path: the tree browser builds the graph of every target before its first frame, and
// a full resolution of all 749 instances of a tuwunel-sized tree costs ~40 ms there (it fills and
// merges thirty fields per target); this costs about a quarter. With any --set (which may change a
// parent's contexts), and for a target whose parents are missing, targets are resolved fully
// instead (`full`), so that overrides and errors have one implementation. A target whose other
// fields do not resolve (`secret = ["id"]`) keeps its links here; its problem is reported where
// targets are read (`check`, the inspector). test/unit/resolve/links.test.ts compares both paths.

import type {RawConfig, RawTarget} from '../config.js';
import type {Overrides} from './overrides.js';
import {type Dict, dict, type Target, withoutEmptyContexts} from './target.js';

/** What the graph reads of a target. */
export interface TargetLinks {
	readonly name: string;
	readonly description: string;
	readonly contexts?: Dict;
}

interface Links {
	readonly description: string;
	readonly contexts: Dict | undefined;
}

class MissingTarget extends Error {}

export function resolveLinks(
	raw: RawConfig,
	overrides: Overrides,
	full: (name: string) => Target | undefined,
): Map<string, TargetLinks> {
	const byName = new Map<string, RawTarget>();
	for (const t of raw.targets) if (!byName.has(t.name)) byName.set(t.name, t);
	const memo = new Map<string, Links>();
	let cuts = 0;

	const inner = (name: string, visited: Map<string, Links | null>): Links | null => {
		if (visited.has(name)) {
			const seen = visited.get(name) ?? null;
			if (!seen) cuts++;
			return seen;
		}
		const done = memo.get(name);
		if (done) return done;
		const cutsBefore = cuts;
		visited.set(name, null);
		const own = byName.get(name);
		if (!own) throw new MissingTarget(name);
		let contexts: Dict | undefined;
		let description = '';
		const parents = own.inherits ?? [];
		for (let i = 0; i < parents.length; i++) {
			const p = inner(parents[i] as string, visited);
			if (!p) continue;
			if (p.contexts) contexts = Object.assign(dict(), contexts, p.contexts);
			if (p.description !== '') description = p.description;
		}
		if (own.contexts) {
			contexts = Object.assign(dict(), contexts);
			for (const k in own.contexts) contexts[k] = own.contexts[k] ?? '';
		}
		if (own.description) description = own.description;
		const links: Links = {
			description,
			contexts: contexts ? withoutEmptyContexts(contexts) : undefined,
		};
		visited.set(name, links);
		if (cuts === cutsBefore) memo.set(name, links);
		return links;
	};

	const out = new Map<string, TargetLinks>();
	for (const name of byName.keys()) {
		let links: Links | null = null;
		if (overrides.size === 0) {
			try {
				links = inner(name, new Map());
			} catch (err) {
				if (!(err instanceof MissingTarget)) throw err;
			}
		}
		if (links) {
			out.set(
				name,
				links.contexts
					? {name, description: links.description, contexts: links.contexts}
					: {name, description: links.description},
			);
			continue;
		}
		const t = full(name);
		if (t) out.set(name, t);
	}
	return out;
}
