// The CLI bundle patches ansi-tokenize's styledCharsToString, which Ink uses to write every line
// of every frame (scripts/bundle-plugins.mjs, patchStyledChars): same-style runs skip the work of
// finding the codes between neighbours. The patched and the original module, each bundled as
// the CLI bundles it, must turn random styled lines into the same text.

import {build} from 'esbuild';
import fc from 'fast-check';
import {beforeAll, describe, expect, it} from 'vitest';
import {uiPlugins} from '../../../scripts/bundle-plugins.mjs';
import {ROOT} from '../../e2e/pty.js';

interface Tokenizer {
	tokenize(s: string): unknown[];
	styledCharsFromTokens(t: unknown[]): unknown[];
	styledCharsToString(c: unknown[]): string;
}

async function bundled(patched: boolean): Promise<{api: Tokenizer; text: string}> {
	const r = await build({
		stdin: {
			contents:
				"export {tokenize, styledCharsFromTokens, styledCharsToString} from '@alcalzone/ansi-tokenize';",
			resolveDir: ROOT,
		},
		bundle: true,
		format: 'esm',
		platform: 'node',
		write: false,
		logLevel: 'silent',
		plugins: patched ? uiPlugins(ROOT) : [],
	});
	const text = r.outputFiles[0]?.text ?? '';
	const api = (await import(
		`data:text/javascript;base64,${Buffer.from(text).toString('base64')}`
	)) as Tokenizer;
	return {api, text};
}

let original: Tokenizer;
let patched: Tokenizer;
let patchedText: string;

beforeAll(async () => {
	original = (await bundled(false)).api;
	const p = await bundled(true);
	patched = p.api;
	patchedText = p.text;
});

const codes = [
	'\x1b[0m',
	'\x1b[1m',
	'\x1b[2m',
	'\x1b[22m',
	'\x1b[7m',
	'\x1b[27m',
	'\x1b[31m',
	'\x1b[36m',
	'\x1b[39m',
	'\x1b[90m',
	'\x1b[44m',
	'\x1b[49m',
	'\x1b[1;36m',
	'\x1b[38;5;208m',
	'\x1b[48;2;10;20;30m',
];
const piece = fc.oneof(
	{weight: 3, arbitrary: fc.constantFrom('a', 'b', ' ', '│', '▸', '×', '─', '漢')},
	{weight: 1, arbitrary: fc.constantFrom(...codes)},
);

const line = (api: Tokenizer, s: string) =>
	api.styledCharsToString(api.styledCharsFromTokens(api.tokenize(s)));

describe("ansi-tokenize's styledCharsToString as bundled", () => {
	it('is patched in the bundle', () => {
		expect(patchedText).toContain('sameStyles');
		expect(patchedText).not.toContain('styles: [...codes]');
	});

	it('writes every styled line as the original does', () => {
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 60}), (parts) => {
				const s = parts.join('');
				expect(line(patched, s)).toBe(line(original, s));
			}),
			{numRuns: 3000},
		);
	});

	it('writes lists of characters taken from different lines as the original does', () => {
		// Ink's Output places characters of several writes side by side on one line.
		fc.assert(
			fc.property(
				fc.array(fc.array(piece, {maxLength: 20}), {minLength: 2, maxLength: 4}),
				(lines) => {
					const mixed = (api: Tokenizer) =>
						api.styledCharsToString(
							lines.flatMap((l) => api.styledCharsFromTokens(api.tokenize(l.join('')))),
						);
					expect(mixed(patched)).toBe(mixed(original));
				},
			),
			{numRuns: 1000},
		);
	});
});
