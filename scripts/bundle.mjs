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

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (pkg.name !== 'baketree') throw new Error(`bundle: ${root} is not the baketree repository`);
const dist = join(root, 'dist');
const next = join(root, `dist.new-${process.pid}`);
const old = join(root, `dist.old-${process.pid}`);
if (existsSync(dist) && !lstatSync(dist).isDirectory())
	throw new Error(`bundle: ${dist} is not a directory; not replacing it`);

/**
 * yoga-layout (Ink's layout engine) carries its WebAssembly as a base64 `data:` URL and loads it
 * with `fetch()`. On Node the first `fetch()` loads undici and decodes the URL through it (about
 * 50 ms of every start of the tree browser), and the compile that follows runs on background
 * threads, which a busy machine leaves the main thread waiting for. So at build time the base64
 * moves out of yoga's loader into yoga's entry module, which decodes it with Buffer and compiles
 * it on the spot through Emscripten's `instantiateWasm` hook (a few milliseconds).
 */
const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(b) {
		const entry = fileURLToPath(import.meta.resolve('yoga-layout'));
		const loader = join(dirname(entry), '../binaries/yoga-wasm-base64-esm.js');
		const source = readFileSync(loader, 'utf8');
		const dataUrl = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/g;
		const found = [...source.matchAll(dataUrl)];
		if (found.length !== 1 || !found[0]?.[1])
			throw new Error(`${loader}: expected one wasm data: URL (yoga-layout changed?)`);
		const base64 = found[0][1];
		b.onLoad({filter: /[\\/]yoga-wasm-base64-esm\.js$/}, () => ({
			// With instantiateWasm the URL is never read; an empty one keeps the bytes out of the
			// bundle twice.
			contents: source.replace(dataUrl, '""').replace('import.meta.url', 'undefined'),
			loader: 'js',
		}));
		b.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/}, () => ({
			// The same module as yoga's own entry, compiling the bytes itself. The compile is
			// synchronous, and yoga's Emscripten loader then fills the object it is given before
			// it returns, so no top-level await is needed (a CommonJS bundle cannot have one).
			contents: [
				"import loadYoga from '../binaries/yoga-wasm-base64-esm.js';",
				"import wrapAssembly from './wrapAssembly.js';",
				`const bytes = Buffer.from('${base64}', 'base64');`,
				'const yoga = {',
				'\tinstantiateWasm(imports, receive) {',
				'\t\tconst instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);',
				'\t\treceive(instance);',
				'\t\treturn instance.exports;',
				'\t},',
				'};',
				'loadYoga(yoga);',
				"if (typeof yoga.Node !== 'function') throw new Error('yoga-layout did not load synchronously');",
				'export default wrapAssembly(yoga);',
				"export * from './generated/YGEnums.js';",
			].join('\n'),
			loader: 'js',
			resolveDir: dirname(entry),
		}));
	},
};

/**
 * Ink's reconciler has two top-level awaits, both only for development (React devtools, and
 * Ink's package.json for them, when DEV=true). A CommonJS bundle cannot have them; baketree ships
 * without devtools (react-devtools-core is aliased away below), so both become what they give
 * when DEV is unset.
 */
const inkWithoutTopLevelAwait = {
	name: 'ink-without-top-level-await',
	setup(b) {
		b.onLoad({filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/}, (args) => {
			const source = readFileSync(args.path, 'utf8');
			const edits = [
				["await import('./devtools.js');", "throw new Error('React devtools are not bundled');"],
				['? await loadPackageJson()', '? {name: undefined, version: undefined}'],
			];
			let contents = source;
			for (const [from, to] of edits) {
				if (contents.split(from).length !== 2)
					throw new Error(`${args.path}: expected one "${from}" (ink changed?)`);
				contents = contents.replace(from, to);
			}
			return {contents, loader: 'js'};
		});
	},
};

/**
 * Ink measures every line it draws with string-width (two versions of it: Ink's own, and
 * wrap-ansi's). Both are given src/ui/text/string-width.ts instead, which answers the characters
 * a tree UI draws itself and passes anything else on to string-width. string-width itself is
 * loaded on that first call, not with Ink: making its module costs about 50 ms (its Unicode
 * property regexes), and a tree of plain names never needs it.
 */
const fastStringWidth = {
	name: 'fast-string-width',
	setup(b) {
		const shim = join(root, 'src/ui/text/string-width.ts');
		b.onResolve({filter: /^string-width$/}, (args) => {
			if (args.namespace === 'string-width-on-first-use') return undefined;
			if (args.importer === shim)
				return {path: 'string-width', namespace: 'string-width-on-first-use'};
			return {path: shim};
		});
		// A CommonJS module: esbuild makes what it require()s (the ES module string-width)
		// wait, uninitialised, for the first require.
		b.onLoad({filter: /.*/, namespace: 'string-width-on-first-use'}, () => ({
			contents: [
				'let real;',
				'module.exports = function stringWidth(text, options) {',
				"\treal ??= require('string-width').default;",
				'\treturn real(text, options);',
				'};',
			].join('\n'),
			loader: 'js',
			resolveDir: root,
		}));
	},
};

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
	// Runnable as it is (its first line names node), as npm makes it when it links the bin.
	chmodSync(join(next, 'cli.js'), 0o755);
}

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
		plugins: [yogaWithoutFetch, inkWithoutTopLevelAwait, fastStringWidth],
	}),
	build({
		...common,
		entryPoints: ['src/launcher.ts'],
		outfile: join(next, 'cli.js'),
		format: 'cjs',
		banner: {js: '#!/usr/bin/env node'},
	}),
];
const result = {outputFiles: []};
for (const r of await Promise.allSettled(builds)) {
	if (r.status === 'rejected') {
		rmSync(next, {recursive: true, force: true});
		throw r.reason;
	}
	result.outputFiles.push(...r.value.outputFiles);
}
try {
	writeWithBuildId(result.outputFiles);
} catch (err) {
	rmSync(next, {recursive: true, force: true});
	throw err;
}
// Only now does the old dist/ go (a failed build leaves it as it was).
if (existsSync(dist)) renameSync(dist, old);
renameSync(next, dist);
rmSync(old, {recursive: true, force: true});
