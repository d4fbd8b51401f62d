// The conformance corpus as command lines: each case that has a `bake --print` form becomes
// files + environment + argv, run the same way by the tester (real buildx) and the testee
// (baketree). Plain Node.js, no dependencies: it runs inside both images.

import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';

/** Reads the corpus (a JSON array of cases). */
export function loadCases(path) {
	const cases = JSON.parse(readFileSync(path, 'utf8'));
	if (!Array.isArray(cases)) throw new Error(`${path}: expected a JSON array of cases`);
	return cases;
}

/**
 * The `bake --print` arguments for a case (without `bake`), or {skip: reason} when the case
 * has no command-line form (raw ParseFile results, --list, defaults injected through the API).
 */
export function invocation(c) {
	const files = (c.fileOrder ?? Object.keys(c.files ?? {})).flatMap((f) => ['-f', f]);
	const env = {...(c.env ?? {})};
	if (c.parseOpt?.fileRelativePaths) env.BUILDX_BAKE_FILE_RELATIVE_PATHS = '1';
	if (c.api === 'cli') {
		const args = c.args ?? [];
		if (args[0] !== 'bake' || !args.includes('--print'))
			return {skip: `not a bake --print command: ${args.join(' ')}`};
		const rest = args.slice(1);
		const explicit = rest.some((a) => a === '-f' || a === '--file' || a.startsWith('--file='));
		return {argv: [...(explicit ? [] : files), ...rest], env};
	}
	if (c.api === 'ReadTargets') {
		if (c.defaults && Object.keys(c.defaults).length > 0)
			return {skip: 'defaults are passed through the API only'};
		const vars = Object.entries(c.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}=${v}`]);
		const sets = (c.overrides ?? []).flatMap((o) => ['--set', o]);
		return {argv: [...files, '--print', ...vars, ...sets, ...(c.targets ?? [])], env};
	}
	return {skip: `${c.api} has no command-line form`};
}

/**
 * Runs `command ...prefix ...argv` in a fresh directory holding the case's files, with only
 * the case's environment on top of PATH and HOME (so the host's BUILDX_* never leak in).
 */
export function runCase(c, inv, command, prefix) {
	const dir = mkdtempSync(join(tmpdir(), 'complement-'));
	try {
		for (const [name, content] of Object.entries(c.files ?? {})) {
			mkdirSync(dirname(join(dir, name)), {recursive: true});
			writeFileSync(join(dir, name), content);
		}
		const env = {PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, ...inv.env};
		const r = spawnSync(command, [...prefix, ...inv.argv], {
			cwd: dir,
			env,
			encoding: 'utf8',
			timeout: 60_000,
			maxBuffer: 64 * 1024 * 1024,
		});
		const stderr = r.error ? String(r.error.message) : r.stderr;
		return {ok: r.status === 0, stdout: r.stdout ?? '', stderr: stderr ?? ''};
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

/** Deep equality of parsed JSON (object key order ignored, as buildx's own test does). */
export function jsonEqual(a, b) {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const ka = Object.keys(a);
	const kb = Object.keys(b);
	return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
}

/**
 * One verdict: both failed, or both printed the same JSON -> pass; anything else -> fail
 * with a short reason.
 */
export function compare(expected, actual) {
	if (!actual) return {action: 'fail', reason: 'the testee has no result for this case'};
	if (!expected.ok && !actual.ok) return {action: 'pass'};
	if (expected.ok !== actual.ok)
		return {
			action: 'fail',
			reason: expected.ok
				? `buildx succeeded, baketree failed: ${actual.stderr.trim().split('\n')[0] ?? ''}`
				: `buildx failed (${expected.stderr.trim().split('\n')[0] ?? ''}), baketree succeeded`,
		};
	try {
		if (jsonEqual(JSON.parse(expected.stdout), JSON.parse(actual.stdout))) return {action: 'pass'};
	} catch {
		if (expected.stdout === actual.stdout) return {action: 'pass'};
	}
	return {action: 'fail', reason: 'the printed JSON differs'};
}
