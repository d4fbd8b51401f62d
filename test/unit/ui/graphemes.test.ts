// src/ui/text/graphemes.ts must split a line into the graphemes Intl.Segmenter gives (the bundle
// hands it to Ink's tokenizer in its place): the lines it walks itself, and lines that mix those
// with characters that join clusters, which it must pass on.

import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {graphemeSegments} from '../../../src/ui/text/graphemes.js';
import {narrowCodePoints} from './narrow-code-points.js';

const icu = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const reference = (s: string) => [...icu.segment(s)].map(({segment, index}) => ({segment, index}));
const ours = (s: string) => [...graphemeSegments(s)].map(({segment, index}) => ({segment, index}));

const narrow = fc.constantFrom(...narrowCodePoints).map((cp) => String.fromCodePoint(cp));
const escapes = fc.constantFrom(
	'\x1b[0m',
	'\x1b[1;36m',
	'\x1b[38;5;208m',
	'\x1b]8;;x\x1b\\',
	'\x1b',
);
// Characters that join their neighbours into one cluster, or are more than one UTF-16 unit.
const joining = fc.constantFrom(
	'\u0301',
	'\u200d',
	'\ufe0f',
	'\r\n',
	'👩‍💻',
	'🇩🇪',
	'\u1100\u1161',
	'e\u0301',
	'漢',
	'\u00ad',
);

describe('graphemes for Ink', () => {
	it('gives one grapheme per character of every code point it walks itself, as ICU does', () => {
		const wrong = narrowCodePoints.filter((cp) => {
			const s = `a${String.fromCodePoint(cp)}b`;
			return JSON.stringify(ours(s)) !== JSON.stringify(reference(s));
		});
		expect(wrong).toEqual([]);
	});

	it('splits plain lines with colours and escapes as ICU does', () => {
		fc.assert(
			fc.property(fc.array(fc.oneof(narrow, escapes), {maxLength: 40}), (parts) => {
				const s = parts.join('');
				expect(ours(s)).toEqual(reference(s));
			}),
			{numRuns: 2000},
		);
	});

	it('passes lines with joining characters on to ICU', () => {
		fc.assert(
			fc.property(
				fc.array(fc.oneof({weight: 4, arbitrary: narrow}, {weight: 1, arbitrary: joining}), {
					maxLength: 30,
				}),
				(parts) => {
					const s = parts.join('');
					expect(ours(s)).toEqual(reference(s));
				},
			),
			{numRuns: 2000},
		);
		// A combining accent after a plain letter is one cluster with it.
		expect(ours('ae\u0301b').map((g) => g.segment)).toEqual(['a', 'e\u0301', 'b']);
	});
});
