// Bundles the CLI into one ESM file. Loading ink and react from node_modules costs
// about 400 ms of module resolution; one bundled file starts in about 100 ms.
//
// dist/ is replaced as a whole, so chunks of earlier builds never pile up. The build is written
// beside it and swapped in by two renames: a CLI started meanwhile (another test run) never
// finds dist/ empty or half written.

import {createHash} from 'node:crypto';
import {
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
			contents: source.replace(dataUrl, '""'),
			loader: 'js',
		}));
		b.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/}, () => ({
			// The same module as yoga's own entry, compiling the bytes itself.
			contents: [
				"import loadYoga from '../binaries/yoga-wasm-base64-esm.js';",
				"import wrapAssembly from './wrapAssembly.js';",
				`const bytes = Buffer.from('${base64}', 'base64');`,
				'const instantiateWasm = (imports, receive) => {',
				'\tconst instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);',
				'\treceive(instance);',
				'\treturn instance.exports;',
				'};',
				'export default wrapAssembly(await loadYoga({instantiateWasm}));',
				"export * from './generated/YGEnums.js';",
			].join('\n'),
			loader: 'js',
			resolveDir: dirname(entry),
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
}

const result = await build({
	absWorkingDir: root,
	entryPoints: ['src/cli.ts'],
	outdir: next,
	// Commands load on demand: `baketree print` never parses the UI's code.
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	jsx: 'automatic',
	minify: !process.env['BAKETREE_DEBUG_BUNDLE'],
	sourcemap: true,
	legalComments: 'none',
	define: {
		'process.env.NODE_ENV': '"production"',
		// `baketree --version` without reading package.json at run time.
		__BAKETREE_VERSION__: JSON.stringify(String(pkg.version)),
		// Replaced by the hash of the output in writeWithBuildId.
		__BAKETREE_BUILD_ID__: JSON.stringify(BUILD_ID_PLACEHOLDER),
	},
	// ink imports react-devtools-core only when DEV is set; keep it out of the bundle.
	alias: {'react-devtools-core': './scripts/empty-module.mjs'},
	// node-pty is a test-only native module; never bundle it.
	external: ['node-pty'],
	plugins: [yogaWithoutFetch],
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __bakeTreeCreateRequire} from 'node:module';const require = __bakeTreeCreateRequire(import.meta.url);",
	},
	logLevel: 'warning',
	// Written by writeWithBuildId, once the build identity is known.
	write: false,
}).catch((err) => {
	rmSync(next, {recursive: true, force: true});
	throw err;
});
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
