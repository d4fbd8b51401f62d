// src/ui/text/string-width.ts must measure exactly as string-width does (the bundle hands it
// to Ink in its place): every code point it answers itself, and random strings that mix those
// with colours, other escapes, wide, combining and emoji characters that it passes on.

import fc from 'fast-check';
import realStringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import stringWidth from '../../../src/ui/text/string-width.js';
import {narrowCodePoints} from './narrow-code-points.js';

// What terminal UIs draw, and what string-width has to take care of.
const pieces = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.constantFrom(...narrowCodePoints).map((cp) => String.fromCodePoint(cp)),
	},
	{
		weight: 2,
		arbitrary: fc.constantFrom('\x1b[0m', '\x1b[1;36m', '\x1b[90m', '\x1b[m', '\x1b[38;5;208m'),
	},
	{
		weight: 1,
		arbitrary: fc.constantFrom(
			'漢',
			'ｶ',
			'🙂',
			'👩‍💻',
			'❤️',
			'\u0301',
			'\u200d',
			'\ufe0f',
			'\t',
			'\x1b',
			'\x1b]8;;x\x07',
			'\x1b[38:5:1m',
			'\x1b[2K',
			'\u00ad',
			'가',
			'\u1100\u1161',
			'🇩🇪',
			'\r\n',
			'\x7f',
			'\u0085',
		),
	},
);

describe('string width for Ink', () => {
	it('counts one cell for every code point it answers itself, as string-width does', () => {
		const wrong = narrowCodePoints.filter(
			(cp) =>
				stringWidth(String.fromCodePoint(cp)) !== 1 ||
				realStringWidth(String.fromCodePoint(cp)) !== 1 ||
				realStringWidth(`a${String.fromCodePoint(cp)}b`) !== 3,
		);
		expect(wrong.map((cp) => cp.toString(16))).toEqual([]);
		expect(narrowCodePoints.length).toBeGreaterThan(3500);
	});

	it('gives what string-width gives on mixed strings', () => {
		fc.assert(
			fc.property(fc.array(pieces, {maxLength: 24}), (parts) => {
				const text = parts.join('');
				expect(stringWidth(text)).toBe(realStringWidth(text));
			}),
			{numRuns: 3000},
		);
	});

	it('passes options on', () => {
		for (const text of ['├─ ±', 'abc\x1b[1mX\x1b[0m', '·×'])
			for (const options of [{ambiguousIsNarrow: false}, {countAnsiEscapeCodes: true}])
				expect(stringWidth(text, options)).toBe(realStringWidth(text, options));
		expect(stringWidth('')).toBe(0);
		expect(stringWidth('\x1b[1m├─ ▸ app\x1b[22m ×3  ⇐ base + tools')).toBe(27);
	});
});
