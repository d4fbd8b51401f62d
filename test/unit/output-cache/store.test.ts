// The output cache's files: where they live, their header, atomic writes and the bound on the
// directory.
import {
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {
	cacheKey,
	MAX_ENTRIES,
	prune,
	readEntry,
	uncacheableFiles,
	writeEntry,
} from '../../../src/core/output-cache.js';
import {cacheDir, outputCacheDir} from '../../../src/core/state-dir.js';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'bt-cache-store-'));
});
afterEach(() => {
	rmSync(dir, {recursive: true, force: true});
});

const key = (n: number) => n.toString(16).padStart(64, '0');

describe('where the cache lives', () => {
	it('follows XDG, with BAKETREE_CACHE_DIR first', () => {
		expect(cacheDir({BAKETREE_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x', HOME: '/h'})).toBe('/c');
		expect(cacheDir({XDG_CACHE_HOME: '/x', HOME: '/h'})).toBe('/x/baketree');
		// Relative XDG paths are invalid and ignored.
		expect(cacheDir({XDG_CACHE_HOME: 'rel', HOME: '/h'})).toBe('/h/.cache/baketree');
		expect(cacheDir({HOME: '/h'})).toBe('/h/.cache/baketree');
		expect(outputCacheDir({BAKETREE_CACHE_DIR: '/c'})).toBe('/c/output');
	});
});

describe('entries', () => {
	it('round-trips any text, and a missing entry is a miss', () => {
		const text = '{"a": "é ✓ \\u0000"}\n'.repeat(1000);
		expect(readEntry(dir, key(1))).toBeUndefined();
		expect(writeEntry(join(dir, 'made'), key(1), text)).toBe(true);
		expect(readEntry(join(dir, 'made'), key(1))).toBe(text);
		expect(writeEntry(dir, key(2), '')).toBe(true);
		expect(readEntry(dir, key(2))).toBe('');
		// Only ever the entry itself: no temp file left behind.
		expect(readdirSync(dir).sort()).toEqual(['made', key(2)].sort());
	});

	it('an entry under another key name, or with a damaged header, is a miss', () => {
		writeEntry(dir, key(1), 'one');
		writeFileSync(join(dir, key(2)), readFileSync(join(dir, key(1))));
		expect(readEntry(dir, key(2))).toBeUndefined();
		const good = readFileSync(join(dir, key(1)), 'latin1');
		writeFileSync(join(dir, key(1)), good.replace('output-cache 1', 'output-cache 2'), 'latin1');
		expect(readEntry(dir, key(1))).toBeUndefined();
	});

	it('keys that are not hex digests are refused', () => {
		expect(writeEntry(dir, '../escape', 'x')).toBe(false);
		expect(readEntry(dir, '../escape')).toBeUndefined();
	});
});

describe('the bound on the directory', () => {
	it('keeps the newest entries and removes stale temp files', () => {
		const now = Date.now();
		for (let i = 0; i < MAX_ENTRIES + 5; i++) {
			writeEntry(dir, key(i), `entry ${i}`);
			const t = new Date(now - (MAX_ENTRIES + 5 - i) * 1000);
			utimesSync(join(dir, key(i)), t, t);
		}
		writeFileSync(join(dir, '.tmp-old'), 'x');
		const old = new Date(now - 2 * 60 * 60 * 1000);
		utimesSync(join(dir, '.tmp-old'), old, old);
		writeFileSync(join(dir, '.tmp-fresh'), 'x');
		writeFileSync(join(dir, 'not-ours'), 'x');
		mkdirSync(join(dir, 'sub'));
		prune(dir, now);
		const left = readdirSync(dir);
		expect(left.filter((n) => /^[0-9a-f]{64}$/.test(n))).toHaveLength(MAX_ENTRIES);
		for (let i = 0; i < 5; i++) expect(left).not.toContain(key(i));
		expect(left).toContain(key(MAX_ENTRIES + 4));
		expect(left).toContain('.tmp-fresh');
		expect(left).not.toContain('.tmp-old');
		expect(left).toContain('not-ours');
		expect(left).toContain('sub');
	});

	it('writing prunes', () => {
		for (let i = 0; i < MAX_ENTRIES + 3; i++) writeEntry(dir, key(i), 'x');
		expect(readdirSync(dir)).toHaveLength(MAX_ENTRIES);
	});
});

describe('the key and what cannot be cached', () => {
	const base = {
		buildId: 'b',
		command: 'print',
		argv: ['a'],
		cwd: '/w',
		env: {A: '1', B: '2'},
		files: [{name: 'x.hcl', content: 'target "a" {}'}],
	};

	it('does not depend on the order of the environment, and depends on everything else', () => {
		const k = cacheKey(base);
		expect(cacheKey({...base, env: {B: '2', A: '1', C: undefined}})).toBe(k);
		const changed = [
			{...base, buildId: 'c'},
			{...base, command: 'list'},
			{...base, argv: ['a', 'b']},
			{...base, argv: ['a b']},
			{...base, cwd: '/v'},
			{...base, env: {A: '1', B: '3'}},
			{...base, env: {A: '1', B: '2', C: ''}},
			{...base, env: {A: '1=B', '': '2'}},
			{...base, files: [{name: 'y.hcl', content: 'target "a" {}'}]},
			{...base, files: [{name: 'x.hcl', content: 'target "a" { }'}]},
			{...base, files: [...base.files, ...base.files]},
		];
		const keys = new Set(changed.map(cacheKey));
		expect(keys.size).toBe(changed.length);
		expect(keys.has(k)).toBe(false);
	});

	it('impure functions, \\u escapes in HCL-JSON, compose and other names', () => {
		const reason = (name: string, content: string) => uncacheableFiles([{name, content}]);
		expect(reason('a.hcl', 'target "a" {}')).toBeUndefined();
		expect(reason('a.json', '{"target": {"a": {}}}')).toBeUndefined();
		expect(reason('a.hcl', 'x = TIMESTAMP()')).toBeDefined();
		expect(reason('a.hcl', 'x = formatdate("YYYY", timestamp\n())')).toBeDefined();
		expect(reason('a.hcl', '# uuidv4 is not called, only named')).toBeDefined();
		expect(reason('a.hcl', 'x = "${bcrypt("p")}"')).toBeDefined();
		expect(reason('a.hcl', 'x = uuidv5("dns", "a")')).toBeUndefined();
		expect(reason('a.json', '{"variable": {"x": {"default": "\\u0041"}}}')).toBeDefined();
		expect(reason('a.hcl', 'x = "\\u0041"')).toBeUndefined();
		for (const name of ['compose.yaml', 'a.YML', '-', 'bake', 'a.txt'])
			expect(reason(name, 'target "a" {}')).toBeDefined();
	});
});
