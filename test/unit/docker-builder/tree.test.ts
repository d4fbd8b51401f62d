import {describe, expect, it} from 'vitest';
import {checkLine} from '../../../src/cli/commands/check.js';
import type {Graph} from '../../../src/core/graph/types.js';
import {checkRepoTree, loadRepoTree, WIDE} from './repo-tree.js';

const LEAVES = [
	'complement-tester',
	'complement-testee',
	'smoke',
	'lint',
	'typecheck',
	'unit',
	'e2e',
];

/** Every node reachable upwards (through dependents) from the roots. */
function reachable(graph: Graph): Set<string> {
	const seen = new Set<string>();
	const queue = [...graph.roots];
	for (let n = queue.pop(); n !== undefined; n = queue.pop()) {
		if (seen.has(n)) continue;
		seen.add(n);
		queue.push(...(graph.nodes.get(n)?.dependents ?? []));
	}
	return seen;
}

const blocksOf = (graph: Graph, names: readonly string[]) =>
	[...new Set(names.map((n) => graph.nodes.get(n)?.block))].sort();

describe('the Docker Builder tree (bake.hcl)', () => {
	for (const [label, env] of [
		['default vectors', {}],
		['a wide vector', WIDE],
	] as const) {
		it(`checks clean with ${label}: no error, no warning`, () => {
			expect(checkRepoTree(loadRepoTree(env)).map(checkLine)).toEqual([]);
		});

		it(`has one root block, system, and every instance reaches it (${label})`, () => {
			const {graph} = loadRepoTree(env);
			expect(blocksOf(graph, graph.roots)).toEqual(['system']);
			expect(reachable(graph).size).toBe(graph.nodes.size);
			expect(blocksOf(graph, graph.leaves)).toEqual([...LEAVES].sort());
			expect(graph.cycles).toEqual([]);
		});
	}

	it('generates only system/version pairs that exist, and names carry the vector', () => {
		const {graph} = loadRepoTree(WIDE);
		const systems = graph.blocks.get('system')?.instances ?? [];
		// debian x {bookworm-slim, trixie-slim} + alpine x {3.21}, on two arches.
		expect([...systems].sort()).toEqual(
			[
				'system--alpine--3_21--amd64',
				'system--alpine--3_21--arm64',
				'system--debian--bookworm-slim--amd64',
				'system--debian--bookworm-slim--arm64',
				'system--debian--trixie-slim--amd64',
				'system--debian--trixie-slim--arm64',
			].sort(),
		);
		const names = [...graph.nodes.keys()];
		expect(names.filter((n) => /alpine--(bookworm|trixie)|debian--3_21/.test(n))).toEqual([]);
		// Blocks with Node.js carry it as the last component: 3 pairs x 2 arches x 2 versions.
		for (const block of ['node', 'deps', 'runtime', 'complement-testee', 'lint']) {
			const inst = graph.blocks.get(block)?.instances ?? [];
			expect(inst).toHaveLength(12);
			expect(new Set(inst.map((n) => n.split('--').slice(1).join('--'))).size).toBe(12);
			expect(inst.every((n) => /--(20|22)$/.test(n))).toBe(true);
		}
		expect(graph.blocks.get('source')?.instances).toHaveLength(6);
	});

	it('partitions cache ids by exactly the vector components that matter', () => {
		const {resolved} = loadRepoTree(WIDE);
		const arg = (name: string, key: string) => resolved.targets.get(name)?.args?.[key];
		const deps = [...resolved.targets.keys()].filter((n) => n.startsWith('deps--'));
		const npmIds = deps.map((n) => arg(n, 'npm_cache'));
		// One npm cache per deps instance, never shared between two vectors.
		expect(new Set(npmIds).size).toBe(deps.length);
		expect(arg('deps--alpine--3_21--arm64--20', 'npm_cache')).toBe('npm/alpine/3.21/arm64/node20');
		// The package cache is per system vector: shared by the root and the builder of the
		// same system (whatever the Node.js version), distinct across systems.
		const pkg = arg('system--debian--trixie-slim--amd64', 'pkg_cache');
		expect(arg('builder--debian--trixie-slim--amd64--20', 'pkg_cache')).toBe(pkg);
		expect(arg('builder--debian--trixie-slim--amd64--22', 'pkg_cache')).toBe(pkg);
		expect(arg('system--debian--trixie-slim--arm64', 'pkg_cache')).not.toBe(pkg);
		expect(arg('system--debian--bookworm-slim--amd64', 'pkg_cache')).not.toBe(pkg);
	});

	it('reads the main branch cache and its own, but writes only its own', () => {
		const env = {cache_registry: 'ghcr.io/me/cache', cache_branch: 'feat/x'};
		const t = loadRepoTree(env).resolved.targets.get('unit--debian--bookworm-slim--amd64--22');
		const from = (t?.['cache-from'] ?? []).map((e) => `${e.type}:${e.attrs['ref']}`);
		const to = (t?.['cache-to'] ?? []).map((e) => `${e.type}:${e.attrs['ref']}:${e.attrs['mode']}`);
		const base = 'ghcr.io/me/cache:unit--debian--bookworm-slim--amd64--22';
		expect(from).toEqual([`registry:${base}--main`, `registry:${base}--feat_x`]);
		expect(to).toEqual([`registry:${base}--feat_x:max`]);
		// Without a registry nothing is imported or exported.
		const plain = loadRepoTree().resolved.targets.get('unit--debian--bookworm-slim--amd64--22');
		expect(plain?.['cache-from'] ?? []).toEqual([]);
		expect(plain?.['cache-to'] ?? []).toEqual([]);
	});
});
