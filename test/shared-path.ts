// Where the read-only shared material lives: `../shared` beside the repository (as on the
// developers' machines and in CI), or BAKETREE_SHARED. Tests read it in place, never copy it.
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const SHARED_DIR = process.env['BAKETREE_SHARED'] ?? join(repoRoot, '..', 'shared');

export function sharedPath(...parts: string[]): string {
	return join(SHARED_DIR, ...parts);
}

export const CORPUS_FILE = sharedPath('conformance', 'buildx-cases.json');
