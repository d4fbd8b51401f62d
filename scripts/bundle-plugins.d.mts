// Types of scripts/bundle-plugins.mjs, for the benchmarks written in TypeScript.
import type {Plugin} from 'esbuild';

/** Every plugin the CLI bundle is built with; `root` is the repository. */
export function uiPlugins(root: string): Plugin[];

/** ansi-tokenize's styledChars.js with same-style runs skipped (see the plugin). */
export function patchStyledChars(source: string): string;
