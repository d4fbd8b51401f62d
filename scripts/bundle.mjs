// Bundles the CLI into one ESM file. Loading ink and react from node_modules costs
// about 400 ms of module resolution; one bundled file starts in about 100 ms.

import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
	absWorkingDir: root,
	entryPoints: ['src/cli.ts'],
	outdir: 'dist',
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
	define: {'process.env.NODE_ENV': '"production"'},
	// ink imports react-devtools-core only when DEV is set; keep it out of the bundle.
	alias: {'react-devtools-core': './scripts/empty-module.mjs'},
	// node-pty is a test-only native module; never bundle it.
	external: ['node-pty'],
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __bakeTreeCreateRequire} from 'node:module';const require = __bakeTreeCreateRequire(import.meta.url);",
	},
	logLevel: 'warning',
});
