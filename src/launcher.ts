// The `baketree` executable (dist/cli.js). It runs the CLI, bundled as one CommonJS script
// (dist/baketree.cjs, see scripts/bundle.mjs), through V8's code cache: the bytecode of every
// function a command ran is saved after its first successful run, and later runs of that
// command start from it instead of parsing and compiling the bundle again (about a fifth of
// `baketree print`'s time, more of the tree browser's). Node 20 has no compile cache of its own
// for this (module.enableCompileCache is Node 22), hence vm.Script and its cachedData.
//
// The cache is only ever a speed-up: a missing, unreadable, stale or corrupt file (V8 checks
// its version, flags, source and length, and rejects what does not match) means compiling as
// usual, and a cache that cannot be written is no error. BAKETREE_NO_CODE_CACHE=1 turns it off.

import {isAscii} from 'node:buffer';
import {readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {Script} from 'node:vm';
import {PRINTING_COMMANDS} from './cli/printing-commands.js';
import {writeFileAtomic} from './core/atomic-file.js';
import {codeCacheDir} from './core/state-dir.js';

declare const __BAKETREE_BUILD_ID__: string;

// The launcher is bundled as CommonJS (dist/package.json says so): Node starts a CommonJS
// entry about 8 ms sooner than an ES module one.
const bundle = join(__dirname, 'baketree.cjs');

const BUILD = __BAKETREE_BUILD_ID__.slice(0, 16);
/** Files of other builds are removed once they are this old (two installs may share the folder). */
const OTHER_BUILDS_KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * Which cache file this run reads and writes: one per command and per kind of output (what
 * `print` compiles is not what the tree browser compiles, and the tree browser on a terminal
 * runs Ink where `baketree > file` prints text), per build and per Node binary.
 */
function cacheName(argv: readonly string[]): string {
	const first = argv[0];
	const command = first && /^[a-z]{1,16}$/.test(first) ? first : 'ui';
	// The printing commands run the same code wherever their output goes, and asking would
	// make process.stdout, which they never use (src/cli/output.ts).
	const output = !PRINTING_COMMANDS.has(command) && process.stdout.isTTY ? '-tty' : '';
	return `${command}${output}-${process.version}-${process.arch}-${BUILD}.bin`;
}

/** Help and version runs compile next to nothing: a cache saved from one would stay thin. */
function representative(argv: readonly string[]): boolean {
	return !argv.some((a) => a === '-h' || a === '--help' || a === '--version' || a === 'help');
}

function readQuietly(path: string): Buffer | undefined {
	try {
		return readFileSync(path);
	} catch {
		return undefined;
	}
}

function saveCache(dir: string, name: string, data: Buffer): void {
	if (!writeFileAtomic(join(dir, name), data)) return;
	try {
		const now = Date.now();
		for (const other of readdirSync(dir)) {
			if (other.includes(BUILD)) continue;
			const path = join(dir, other);
			if (now - statSync(path).mtimeMs > OTHER_BUILDS_KEPT_MS) rmSync(path, {force: true});
		}
	} catch {
		// Removed meanwhile by another run, or not ours to remove: left as it is.
	}
}

function launch(): void {
	let source: string;
	try {
		// esbuild writes ASCII only; read so, it is the same text without UTF-8 decoding.
		const bytes = readFileSync(bundle);
		source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
	} catch (err) {
		process.stderr.write(
			`baketree: cannot read ${bundle} (${(err as Error).message}); run 'npm run build'\n`,
		);
		process.exitCode = 70;
		return;
	}
	const useCache = process.env['BAKETREE_NO_CODE_CACHE'] !== '1';
	const dir = codeCacheDir();
	const argv = process.argv.slice(2);
	const name = cacheName(argv);
	const cachedData = useCache ? readQuietly(join(dir, name)) : undefined;
	// The bundle is already wrapped as a CommonJS module function (scripts/bundle.mjs), so the
	// text read is compiled as it is. Wrapping it here made a second, flat copy of the megabyte
	// of source inside V8's heap; read as latin1, a text this long stays outside the heap (Node
	// makes it an external string).
	const script = new Script(source, {filename: bundle, ...(cachedData ? {cachedData} : {})});
	if (useCache && (!cachedData || script.cachedDataRejected) && representative(argv)) {
		// Saved at the end of a successful run, when it holds everything the command ran.
		process.once('exit', (code) => {
			if (code === 0) saveCache(dir, name, script.createCachedData());
		});
	}
	const module = {exports: {}};
	const run = script.runInThisContext() as (...args: unknown[]) => void;
	run(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}

launch();
