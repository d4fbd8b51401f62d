// The output cache of `baketree print` and `baketree list`: what a command printed, stored under
// a SHA-256 key over everything that could change it, so that a repeated run prints the same
// bytes without evaluating the tree again. A stale answer is worse than a slow one, so:
//
// - the key covers the build of baketree itself, the Node version and options, the machine facts
//   the evaluation reads (platform, arch, home directory), the command and all its arguments, the
//   working directory, the whole environment, and every bake file's name and content;
// - an invocation whose output depends on anything else is not cached: a file that may be a
//   compose file (compose reads `.env` and `env_file` files, which the key does not cover) or
//   that mentions one of bake's impure functions (`timestamp`, `uuidv4`, `bcrypt`; in HCL-JSON,
//   also any `\u` escape, which could spell one);
// - running from source (no build identity) caches nothing, and the command side
//   (cli/commands/cached-output.ts) stores nothing for a failure, for an evaluation that wrote to
//   standard error, or when the files evaluated are not the files the key was made of.
//
// Any trouble with the cache (no directory, not writable, a corrupt or truncated entry) is a
// miss, never an error: each entry carries its length and hash and is written atomically.
// The directory keeps the newest entries only (by count and by size), pruned on every write.

import {readdirSync, readFileSync, rmSync, statSync, utimesSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {writeFileAtomic} from './atomic-file.js';
import {mayBeCompose} from './bake/compose/detect.js';
import type {SourceFile} from './bake/config.js';
import {nodeCrypto} from './node-crypto.js';
import type {Env} from './state-dir.js';

declare const __BAKETREE_BUILD_ID__: string | undefined;

/** Entries kept: at most this many, the newest first... */
export const MAX_ENTRIES = 100;
/** ...and at most this many bytes together. */
const MAX_TOTAL_BYTES = 256 * 1024 * 1024;
/** A larger output is not cached at all. */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
/** Leftover temp files (a writer killed between write and rename) older than this are removed. */
const STALE_TEMP_MS = 60 * 60 * 1000;

const MAGIC = 'baketree-output-cache';
const FORMAT = '1';
const KEY_PATTERN = /^[0-9a-f]{64}$/;
const TEMP_PREFIX = '.tmp-';

/** bake's impure functions, as whole words (a mention anywhere, comments included, is enough). */
const IMPURE = /\b(?:timestamp|uuidv4|bcrypt)\b/i;

let testBuildId: string | undefined;

/**
 * The identity of the running code: a hash of the bundle, built in by scripts/bundle.mjs.
 * Undefined when running from source, which therefore never uses the cache.
 */
export function buildIdentity(): string | undefined {
	if (testBuildId !== undefined) return testBuildId;
	return typeof __BAKETREE_BUILD_ID__ === 'string' ? __BAKETREE_BUILD_ID__ : undefined;
}

/** Tests only: act as a build with this identity (undefined: as when running from source). */
export function setBuildIdentityForTests(id: string | undefined): void {
	testBuildId = id;
}

/** What the cache did in this process; tests read it to tell a hit from an evaluation. */
export const cacheStats = {hits: 0, misses: 0, stores: 0};

export function resetCacheStats(): void {
	cacheStats.hits = 0;
	cacheStats.misses = 0;
	cacheStats.stores = 0;
}

/** Why these bake files make their invocation uncacheable, or undefined when they do not. */
export function uncacheableFiles(files: readonly SourceFile[]): string | undefined {
	for (const f of files) {
		// `.yml`/`.yaml` are compose files, and any name but `.hcl`/`.json` (`-` included) may be one.
		if (mayBeCompose(f.name))
			return `${f.name} may be a compose file, which reads files of its own`;
		if (IMPURE.test(f.content)) return `${f.name} mentions an impure function`;
		// HCL-JSON strings are decoded before their templates are parsed: `\u0028` could spell a
		// call the check above cannot see.
		if (f.name.toLowerCase().endsWith('.json') && f.content.includes('\\u'))
			return `${f.name} has \\u escapes`;
	}
	return undefined;
}

export interface CacheKeyInput {
	readonly buildId: string;
	readonly command: string;
	readonly argv: readonly string[];
	readonly cwd: string;
	readonly env: Env;
	readonly files: readonly SourceFile[];
}

export function cacheKey(input: CacheKeyInput): string {
	// NAME=VALUE pairs sorted by name, each kept as a pair: no name or value can run into another.
	const env: [string, string][] = [];
	for (const [name, value] of Object.entries(input.env))
		if (value !== undefined) env.push([name, value]);
	env.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	// One JSON document: every part delimited, so no two different inputs give the same text.
	const material = JSON.stringify([
		`${MAGIC}/${FORMAT}`,
		input.buildId,
		// The evaluation reads these too: Node's own behaviour, BAKE_LOCAL_PLATFORM, homedir().
		process.version,
		process.execArgv,
		process.platform,
		process.arch,
		homeDirectory(),
		input.command,
		input.argv,
		input.cwd,
		env,
		input.files.map((f) => [f.name, f.content]),
	]);
	return sha256(material);
}

function homeDirectory(): string {
	try {
		return homedir();
	} catch {
		return '';
	}
}

function sha256(data: string | Uint8Array): string {
	return nodeCrypto().createHash('sha256').update(data).digest('hex');
}

function header(key: string, payload: Uint8Array): string {
	return `${MAGIC} ${FORMAT} ${key} ${payload.length} ${sha256(payload)}\n`;
}

/** The stored output for a key; undefined when missing, unreadable, corrupt or truncated. */
export function readEntry(dir: string, key: string): string | undefined {
	if (!KEY_PATTERN.test(key)) return undefined;
	let buf: Buffer;
	try {
		buf = readFileSync(join(dir, key));
	} catch {
		return undefined;
	}
	const nl = buf.indexOf(10);
	if (nl < 0 || nl > 512) return undefined;
	const payload = buf.subarray(nl + 1);
	if (buf.toString('latin1', 0, nl + 1) !== header(key, payload)) return undefined;
	return payload.toString('utf8');
}

/**
 * Stores an output under a key: written beside the entry and renamed over it, so a reader sees
 * the old entry or the new one, never half of one. Returns false (and stores nothing) on any
 * failure. Prunes the directory afterwards.
 */
export function writeEntry(dir: string, key: string, output: string): boolean {
	if (!KEY_PATTERN.test(key)) return false;
	const payload = Buffer.from(output, 'utf8');
	if (payload.length > MAX_ENTRY_BYTES) return false;
	const entry = Buffer.concat([Buffer.from(header(key, payload), 'latin1'), payload]);
	if (!writeFileAtomic(join(dir, key), entry, {tempPrefix: TEMP_PREFIX})) return false;
	prune(dir);
	return true;
}

/** Removes a file if it can; a cache that cannot be cleaned is still no error. */
function removeQuietly(path: string): void {
	try {
		rmSync(path, {force: true});
	} catch {
		// ENOTDIR, EACCES, EROFS...: left as it is.
	}
}

/** Keeps the newest entries within MAX_ENTRIES and MAX_TOTAL_BYTES; drops stale temp files. */
export function prune(dir: string, now = Date.now()): void {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return;
	}
	const entries: {name: string; mtime: number; size: number}[] = [];
	for (const name of names) {
		const isEntry = KEY_PATTERN.test(name);
		if (!isEntry && !name.startsWith(TEMP_PREFIX)) continue;
		try {
			const st = statSync(join(dir, name));
			if (isEntry) entries.push({name, mtime: st.mtimeMs, size: st.size});
			else if (now - st.mtimeMs > STALE_TEMP_MS) removeQuietly(join(dir, name));
		} catch {
			// Gone meanwhile (another process pruned it): nothing to do.
		}
	}
	entries.sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? -1 : 1));
	let total = 0;
	entries.forEach((e, i) => {
		total += e.size;
		if (i < MAX_ENTRIES && total <= MAX_TOTAL_BYTES) return;
		removeQuietly(join(dir, e.name));
	});
}

export interface CacheSlot {
	readonly key: string;
	/** The stored output, when there is a good one (counted as a hit or a miss). */
	lookup(): string | undefined;
	/** Stores the output of a successful evaluation. */
	store(output: string): void;
}

/** The cache slot of one invocation. */
export function cacheSlot(dir: string, key: string): CacheSlot {
	return {
		key,
		lookup() {
			const found = readEntry(dir, key);
			if (found === undefined) {
				cacheStats.misses++;
				return undefined;
			}
			cacheStats.hits++;
			// Newest use first: pruning drops the entries used longest ago.
			try {
				const now = new Date();
				utimesSync(join(dir, key), now, now);
			} catch {
				// A read-only cache still answers.
			}
			return found;
		},
		store(output) {
			if (writeEntry(dir, key, output)) cacheStats.stores++;
		},
	};
}
