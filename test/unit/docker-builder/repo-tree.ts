// Loads the repository's own bake.hcl (the Docker Builder) as `baketree` does.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {checkTree} from '../../../src/core/check/check-tree.js';
import type {Diagnostic} from '../../../src/core/diagnostics.js';
import {type LoadedTree, loadTree} from '../../../src/core/tree.js';

export const REPO = fileURLToPath(new URL('../../..', import.meta.url));

export function readRepoFile(path: string): string | undefined {
	try {
		return readFileSync(join(REPO, path), 'utf8');
	} catch {
		return undefined;
	}
}

const loaded = new Map<string, LoadedTree>();

/** The tree under `env` (loaded once per environment: trees are read-only here). */
export function loadRepoTree(env: Record<string, string> = {}): LoadedTree {
	const key = JSON.stringify(env);
	const hit = loaded.get(key);
	if (hit) return hit;
	const tree = load(env);
	loaded.set(key, tree);
	return tree;
}

function load(env: Record<string, string>): LoadedTree {
	const content = readRepoFile('bake.hcl');
	if (content === undefined) throw new Error('bake.hcl is missing at the repository root');
	return loadTree({files: [{name: 'bake.hcl', content}], env});
}

export function checkRepoTree(tree: LoadedTree): Diagnostic[] {
	return checkTree(tree, {readFile: readRepoFile});
}

/** A wide vector: two systems, three versions (one impossible per system), two arches. */
export const WIDE = {
	sys_names: '["debian","alpine"]',
	sys_versions: '["bookworm-slim","3.21","trixie-slim"]',
	sys_targets: '["amd64","arm64"]',
	node_versions: '["20","22"]',
};
