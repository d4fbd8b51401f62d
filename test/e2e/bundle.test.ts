// scripts/bundle.mjs on a scratch copy of the project (scripts and package.json copied, sources
// and node_modules linked), so that the dist/ of the other e2e tests is never touched: it
// replaces dist/ as a whole, builds the version in, and refuses to remove what is not a folder.

import {spawnSync} from 'node:child_process';
import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {childEnv} from './child-env.js';
import {ROOT} from './pty.js';

// Each scratch project holds a whole bundle: removed after every test.
const scratch: string[] = [];
afterEach(() => {
	for (const dir of scratch.splice(0)) rmSync(dir, {recursive: true, force: true});
});

function tempDir(prefix: string): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	scratch.push(dir);
	return dir;
}

function scratchProject(version: string): string {
	const dir = tempDir('bt-bundle-');
	cpSync(join(ROOT, 'scripts'), join(dir, 'scripts'), {recursive: true});
	cpSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'));
	const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
	writeFileSync(join(dir, 'package.json'), JSON.stringify({...pkg, version}));
	symlinkSync(join(ROOT, 'src'), join(dir, 'src'));
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
	return dir;
}

const node = (dir: string, args: string[]) =>
	spawnSync(process.execPath, args, {cwd: dir, encoding: 'utf8', env: childEnv()});

describe('scripts/bundle.mjs', () => {
	it('replaces dist/ as a whole and builds the version in', () => {
		const version = `0.0.0-bundle-test.${process.pid}`;
		const dir = scratchProject(version);
		mkdirSync(join(dir, 'dist/chunks'), {recursive: true});
		writeFileSync(join(dir, 'dist/chunks/stale-ABCDEFGH.js'), 'stale');
		writeFileSync(join(dir, 'dist/old.txt'), 'stale');
		writeFileSync(join(dir, 'keep.txt'), 'mine');

		const r = node(dir, ['scripts/bundle.mjs']);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		// The launcher, the one script it runs (with its source map) and the package.json that
		// makes them CommonJS; nothing stale.
		expect(readdirSync(join(dir, 'dist')).sort()).toEqual([
			'baketree.cjs',
			'baketree.cjs.map',
			'cli.js',
			'package.json',
		]);
		// Nothing else changed, nothing left over from the swap.
		expect(readdirSync(dir).sort()).toEqual(
			[
				'dist',
				'keep.txt',
				'node_modules',
				'package.json',
				'scripts',
				'src',
				'tsconfig.json',
			].sort(),
		);
		expect(readFileSync(join(dir, 'keep.txt'), 'utf8')).toBe('mine');

		expect(node(dir, ['dist/cli.js', '--version']).stdout).toBe(`baketree ${version}\n`);
		// The bundle does not read package.json at run time.
		rmSync(join(dir, 'package.json'));
		const without = node(dir, ['dist/cli.js', '--version']);
		expect(without.stdout).toBe(`baketree ${version}\n`);
		expect(without.status).toBe(0);
	});

	it('refuses to replace a dist that is not a folder, and leaves it alone', () => {
		const dir = scratchProject('0.0.0-bundle-test');
		const elsewhere = tempDir('bt-bundle-elsewhere-');
		writeFileSync(join(elsewhere, 'precious.txt'), 'keep');
		symlinkSync(elsewhere, join(dir, 'dist'));
		const r = node(dir, ['scripts/bundle.mjs']);
		expect(r.status).not.toBe(0);
		expect(r.stderr).toContain('is not a directory; not replacing it');
		expect(readFileSync(join(elsewhere, 'precious.txt'), 'utf8')).toBe('keep');
	});
});
