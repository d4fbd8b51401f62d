// The esbuild plugins that make Ink and its dependencies fit baketree's bundle: shared by
// scripts/bundle.mjs (the CLI) and the benchmarks that measure the UI as it ships.

import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

// Every patch of a dependency's source goes through these: a patch written for one version must
// fail the build on another rather than miss or half-apply.

/** Replaces each `from` with its `to`, failing unless each `from` is there exactly once. */
function replaceOnce(path, source, edits) {
	let contents = source;
	for (const [from, to] of edits) {
		if (contents.split(from).length !== 2)
			throw new Error(`${path}: expected one "${from.trim()}" (the dependency changed?)`);
		// A function, so that no `$` in the replacement is read as a pattern.
		contents = contents.replace(from, () => to);
	}
	return contents;
}

/**
 * Fails unless `name` appears only as `use` (the one thing a stand-in for it provides), besides
 * its `declarations`.
 */
function onlyUsedAs(path, source, name, use, declarations = 1) {
	if (source.split(name).length !== source.split(use).length + declarations)
		throw new Error(
			`${path}: ${name} is used otherwise than as "${use}" (the dependency changed?)`,
		);
}

/** A plugin giving esbuild `patch(source, path)` for the files `filter` matches (undefined: as is). */
function patchFiles(name, filter, patch) {
	return {
		name,
		setup(b) {
			b.onLoad({filter}, (args) => {
				const contents = patch(readFileSync(args.path, 'utf8'), args.path);
				return contents === undefined ? undefined : {contents, loader: 'js'};
			});
		},
	};
}

/**
 * yoga-layout (Ink's layout engine) carries its WebAssembly as a base64 `data:` URL and loads it
 * with `fetch()`. On Node the first `fetch()` loads undici and decodes the URL through it (about
 * 50 ms of every start of the tree browser), and the compile that follows runs on background
 * threads, which a busy machine leaves the main thread waiting for. So at build time the base64
 * moves out of yoga's loader into yoga's entry module, which decodes it with Buffer and compiles
 * it on the spot through Emscripten's `instantiateWasm` hook (a few milliseconds).
 */
function yogaWithoutFetch() {
	return {
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
}

/**
 * Ink's reconciler has two top-level awaits, both only for development (React devtools, and
 * Ink's package.json for them, when DEV=true). A CommonJS bundle cannot have them; baketree ships
 * without devtools (react-devtools-core is aliased away below), so both become what they give
 * when DEV is unset.
 */
function inkWithoutTopLevelAwait() {
	return patchFiles(
		'ink-without-top-level-await',
		/[\\/]ink[\\/]build[\\/]reconciler\.js$/,
		(source, path) =>
			replaceOnce(path, source, [
				["await import('./devtools.js');", "throw new Error('React devtools are not bundled');"],
				['? await loadPackageJson()', '? {name: undefined, version: undefined}'],
			]),
	);
}

/**
 * Ink measures every line it draws with string-width (two versions of it: Ink's own, and
 * wrap-ansi's). Both are given src/ui/text/string-width.ts instead, which answers the characters
 * a tree UI draws itself and passes anything else on to string-width. string-width itself is
 * loaded on that first call, not with Ink: making its module costs about 50 ms (its Unicode
 * property regexes), and a tree of plain names never needs it.
 */
function fastStringWidth(root) {
	return {
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
}

/**
 * Ink makes new text caches (each line's styled characters, each string's width) for every
 * frame it draws, so every frame tokenizes and measures every line again: about half of a
 * keypress's frame on a tree. The caches only ever hold what a string always gives (the
 * characters are not changed after), so one set serves every frame. It starts afresh after
 * a thousand lines (a line of 140 styled cells holds about 8 KB), or 20,000 measured strings.
 */
function inkSharedOutputCaches() {
	return patchFiles(
		'ink-shared-output-caches',
		/[\\/]ink[\\/]build[\\/]output\.js$/,
		(source, path) => {
			if (!source.includes('class OutputCaches {'))
				throw new Error(`${path}: no class OutputCaches (ink changed?)`);
			const shared = [
				'let sharedCaches;',
				'function framesCaches() {',
				'    if (!sharedCaches || sharedCaches.styledChars.size > 1000 || sharedCaches.widths.size > 20000)',
				'        sharedCaches = new OutputCaches();',
				'    return sharedCaches;',
				'}',
			].join('\n');
			return replaceOnce(path, source, [
				['    caches = new OutputCaches();', '    caches = framesCaches();'],
				['export default class Output {', `${shared}\nexport default class Output {`],
			]);
		},
	);
}

/**
 * slice-ansi (under Ink's text truncation and clipping) makes an Intl.Segmenter when its module
 * loads: ICU's grapheme rules, about 20 ms of every start of the tree browser, for a function
 * that only runs when a line must be cut. It is made on that first use instead.
 */
function sliceAnsiSegmenterOnFirstUse() {
	return patchFiles(
		'slice-ansi-segmenter-on-first-use',
		/[\\/]slice-ansi[\\/]tokenize-ansi\.js$/,
		(source, path) => {
			onlyUsedAs(path, source, 'GRAPHEME_SEGMENTER', 'GRAPHEME_SEGMENTER.segment(');
			const lazy = [
				'let graphemeSegmenter;',
				'const GRAPHEME_SEGMENTER = {',
				"\tsegment: (text) => (graphemeSegmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'})).segment(text),",
				'};',
			].join('\n');
			return replaceOnce(path, source, [
				[
					"const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});",
					lazy,
				],
			]);
		},
	);
}

/**
 * @alcalzone/ansi-tokenize (Ink's tokenizer of every line it draws) makes an Intl.Segmenter when
 * its module loads, about 20 ms, and walks each line's graphemes with it. It is given
 * src/ui/text/graphemes.ts instead, which walks plain lines itself and makes a segmenter only
 * for a line that needs one.
 */
function tokenizerGraphemes(root) {
	const shim = join(root, 'src/ui/text/graphemes.ts');
	return patchFiles(
		'ansi-tokenize-graphemes',
		/[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/,
		(source, path) => {
			onlyUsedAs(path, source, 'segmenter', 'segmenter.segment(');
			return replaceOnce(path, source, [
				[
					'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });',
					`import {graphemeSegments} from ${JSON.stringify(shim)};`,
				],
			]).replaceAll('segmenter.segment(', 'graphemeSegments(');
		},
	);
}

/**
 * Ink joins the styled characters of each line of a frame back into text with ansi-tokenize's
 * styledCharsToString, which works out the escape codes between every two neighbouring
 * characters by building three Sets and two filtered lists: about 3,600 times for a 120x30
 * screen, about 25 ms of the tree browser's first frame and a share of every later one. Between two
 * characters of the same style that difference is empty (each code is in both lists), so it
 * is skipped. The patched text is exported for test/unit/ui/styled-chars.test.ts.
 */
export function patchStyledChars(source) {
	// Each character got a copy of the style list in force and of its token (a spread, slow
	// before V8 has compiled it): it now shares the list, which nothing changes in place
	// (reduceAnsiCodesIncremental returns a new one), so same-style runs compare by identity.
	const copies = [
		'            ret.push({',
		'                ...token,',
		'                styles: [...codes],',
		'            });',
	].join('\n');
	const shares =
		'            ret.push({ type: token.type, value: token.value, fullWidth: token.fullWidth, styles: codes });';
	const diffs =
		'            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));';
	const skipsSame = [
		'            const before = chars[i - 1].styles;',
		'            if (!sameStyles(before, char.styles))',
		'                ret += ansiCodesToString(diffAnsiCodes(before, char.styles));',
	].join('\n');
	const helper = [
		'',
		'// baketree: the difference between two lists of the same codes is empty.',
		'function sameStyles(a, b) {',
		'    if (a === b) return true;',
		'    if (a.length !== b.length) return false;',
		'    for (let i = 0; i < a.length; i++)',
		'        if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;',
		'    return true;',
		'}',
		'',
	].join('\n');
	const patched = replaceOnce('ansi-tokenize styledChars.js', source, [
		[diffs, skipsSame],
		[copies, shares],
	]);
	return patched + helper;
}

function styledCharsSameStyleRuns() {
	return patchFiles(
		'ansi-tokenize-same-style-runs',
		/[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/,
		patchStyledChars,
	);
}

/**
 * bcryptjs (HCL's bcrypt function) imports node:crypto when its module loads, about 6 ms of
 * every start, as a fallback for making salts that Node's Web Crypto global provides first.
 * The fallback now loads node:crypto when it is used, as src/core/node-crypto.ts does.
 */
function bcryptCryptoOnFirstUse() {
	return patchFiles(
		'bcrypt-crypto-on-first-use',
		/[\\/]bcryptjs[\\/]index\.js$/,
		(source, path) => {
			onlyUsedAs(path, source, 'nodeCrypto', 'nodeCrypto.randomBytes(');
			return replaceOnce(path, source, [
				[
					'import nodeCrypto from "crypto";',
					'const nodeCrypto = {randomBytes: (len) => process.getBuiltinModule("crypto").randomBytes(len)};',
				],
			]);
		},
	);
}

/**
 * signal-exit 3 (Ink's and restore-cursor's) loads node:assert when its module loads, 3-4 ms of
 * every start of the tree browser, for one check of its argument. The check stays; node:assert
 * is loaded only when it fails, to throw the same AssertionError.
 */
function signalExitAssertOnFailure() {
	return patchFiles(
		'signal-exit-assert-on-failure',
		/[\\/]signal-exit[\\/]index\.js$/,
		(source, path) => {
			// signal-exit 4 has no assert; anything else is a version this was not written for.
			if (!source.includes("require('assert')")) return undefined;
			onlyUsedAs(path, source, 'assert.', 'assert.equal(', 0);
			const lazy = [
				'  var assert = {',
				'    equal: function (actual, expected, message) {',
				"      if (actual != expected) require('assert').equal(actual, expected, message)",
				'    }',
				'  }',
			].join('\n');
			return replaceOnce(path, source, [["  var assert = require('assert')", lazy]]);
		},
	);
}

/** Ink's terminal-size is src/ui/ink-terminal-size.ts (see there why). */
function inkTerminalSize(root) {
	return {
		name: 'ink-terminal-size',
		setup(b) {
			const shim = join(root, 'src/ui/ink-terminal-size.ts');
			b.onResolve({filter: /^terminal-size$/}, () => ({path: shim}));
		},
	};
}

/** Every plugin the CLI bundle is built with; `root` is the repository. */
export function uiPlugins(root) {
	return [
		yogaWithoutFetch(),
		inkWithoutTopLevelAwait(),
		inkSharedOutputCaches(),
		fastStringWidth(root),
		sliceAnsiSegmenterOnFirstUse(),
		tokenizerGraphemes(root),
		styledCharsSameStyleRuns(),
		bcryptCryptoOnFirstUse(),
		inkTerminalSize(root),
		signalExitAssertOnFailure(),
	];
}
