// Bundles the CLI: dist/baketree.cjs holds all of it as one CommonJS script, and dist/cli.js
// (src/launcher.ts) runs that script through V8's code cache. Loading ink and react from
// node_modules costs about 400 ms of module resolution; one bundled file starts in about 100 ms,
// and with its code cache the parse and compile of what a command runs are gone too. CommonJS,
// because only a script (vm.Script), not an ES module, can be given a code cache on Node 20.
// What a command does not run is wrapped by esbuild in a function called on first use (the
// tree browser's code is never run by `print`).
//
// dist/ is replaced as a whole, so files of earlier builds never pile up. The build is written
// beside it and swapped in by two renames: a CLI started meanwhile (another test run) never
// finds dist/ empty or half written.

import {createHash} from 'node:crypto';
import {
	chmodSync,
	existsSync,
	lstatSync,
	mkdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {uiPlugins} from './bundle-plugins.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (pkg.name !== 'baketree') throw new Error(`bundle: ${root} is not the baketree repository`);
const dist = join(root, 'dist');
const next = join(root, `dist.new-${process.pid}`);
const old = join(root, `dist.old-${process.pid}`);
if (existsSync(dist) && !lstatSync(dist).isDirectory())
	throw new Error(`bundle: ${dist} is not a directory; not replacing it`);

/**
 * The build identity (`__BAKETREE_BUILD_ID__`, the output cache's notion of "the same code"): the
 * SHA-256 of the bundled JavaScript itself. The bundle is built with a placeholder of the same
 * length in its place, hashed, and the placeholder replaced by the hash as the files are written.
 */
const BUILD_ID_PLACEHOLDER = 'baketree-build-identity-placeholder-'.padEnd(64, '0');

function writeWithBuildId(outputFiles) {
	const files = [...outputFiles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	const hash = createHash('sha256');
	for (const f of files) {
		if (f.path.endsWith('.map')) continue;
		const name = relative(next, f.path);
		hash.update(`${name}\0${f.contents.length}\0`);
		hash.update(f.contents);
	}
	const buildId = hash.digest('hex');
	let uses = 0;
	for (const f of files) {
		mkdirSync(dirname(f.path), {recursive: true});
		if (f.text.includes(BUILD_ID_PLACEHOLDER)) {
			uses++;
			writeFileSync(f.path, f.text.replaceAll(BUILD_ID_PLACEHOLDER, buildId));
		} else writeFileSync(f.path, f.contents);
	}
	if (uses === 0) throw new Error('bundle: the build identity placeholder is not in the output');
	// The package is ESM; dist/ holds CommonJS (cli.js, the launcher, starts sooner as one).
	writeFileSync(join(next, 'package.json'), '{"type": "commonjs"}\n');
	// Runnable as it is (LAUNCHER_START), as npm makes it when it links the bin.
	chmodSync(join(next, 'cli.js'), 0o755);
}

/**
 * The first two lines of dist/cli.js: a shell script for the system, a no-op for Node. Run as a
 * program (`baketree`, npm's bin link), sh starts Node with V8's worker pool sized to the
 * machine (`--v8-pool-size=0`: one thread per core but one, at least one). Node's default is
 * four: on a 2-core machine its background compile and GC jobs then compete with the main
 * thread, and `baketree print` took ~10% longer (interleaved runs, 220 vs 193-200 ms). A pool
 * size can only be given on Node's command line, and `env -S` (for flags on a `#!` line) is
 * missing from BusyBox, hence sh. For Node, line 1 is a hashbang and line 2 a string followed by
 * a comment; `node dist/cli.js` runs the same launcher with Node's default pool.
 */
const LAUNCHER_START = `#!/bin/sh
':' //; exec node --v8-pool-size=0 "$0" "$@"`;

const common = {
	absWorkingDir: root,
	bundle: true,
	platform: 'node',
	target: 'node20',
	minify: !process.env['BAKETREE_DEBUG_BUNDLE'],
	legalComments: 'none',
	logLevel: 'warning',
	// Written by writeWithBuildId, once the build identity is known.
	write: false,
	define: {
		// Replaced by the hash of the output in writeWithBuildId.
		__BAKETREE_BUILD_ID__: JSON.stringify(BUILD_ID_PLACEHOLDER),
	},
};

const builds = [
	build({
		...common,
		entryPoints: ['src/cli.ts'],
		outfile: join(next, 'baketree.cjs'),
		format: 'cjs',
		// The file is the CommonJS wrapper around the bundle: src/launcher.ts compiles it as it
		// is read, with no copy of the source made to wrap it (see there).
		banner: {js: '(function (exports, require, module, __filename, __dirname) {'},
		footer: {js: '})'},
		// import() becomes require(): a vm.Script has no module loader for it.
		supported: {'dynamic-import': false},
		jsx: 'automatic',
		sourcemap: true,
		define: {
			...common.define,
			'process.env.NODE_ENV': '"production"',
			// `baketree --version` without reading package.json at run time.
			__BAKETREE_VERSION__: JSON.stringify(String(pkg.version)),
		},
		// src/cli/version.ts reads import.meta only when run from source, not bundled.
		logOverride: {'empty-import-meta': 'silent'},
		// ink imports react-devtools-core only when DEV is set; keep it out of the bundle.
		alias: {'react-devtools-core': './scripts/empty-module.mjs'},
		// node-pty is a test-only native module; never bundle it.
		external: ['node-pty'],
		plugins: uiPlugins(root),
	}),
	build({
		...common,
		entryPoints: ['src/launcher.ts'],
		outfile: join(next, 'cli.js'),
		format: 'cjs',
		banner: {js: LAUNCHER_START},
	}),
];
// Nothing is written until both builds are done (write: false): a failed one leaves no files.
const outputFiles = (await Promise.all(builds)).flatMap((r) => r.outputFiles);
try {
	writeWithBuildId(outputFiles);
} catch (err) {
	rmSync(next, {recursive: true, force: true});
	throw err;
}
// Only now does the old dist/ go (a failed build leaves it as it was).
if (existsSync(dist)) renameSync(dist, old);
renameSync(next, dist);
rmSync(old, {recursive: true, force: true});
