// The terminal width of a string, as the string-width package measures it, answered without
// it for the text a terminal UI mostly draws: printable ASCII, Latin, Greek, Cyrillic, general
// punctuation, arrows, box drawing and other symbols of one cell each, and SGR colour codes
// (no width). Anything else (wide or combining characters, emoji, other escapes, options) goes
// to string-width itself.
//
// Why: the bundle gives Ink this module in place of string-width (scripts/bundle-plugins.mjs),
// and makes string-width itself only when this module first passes a string on. Ink measures
// every line it draws with string-width, which segments graphemes and runs Unicode property
// regexes on each: making its module costs about 50 ms and a tree line with box drawing about
// 90 µs. test/unit/ui/string-width.test.ts checks every code point of NARROW and random mixed
// strings against string-width.

import realStringWidth from 'string-width';

export interface StringWidthOptions {
	readonly ambiguousIsNarrow?: boolean;
	readonly countAnsiEscapeCodes?: boolean;
}

/**
 * Inclusive ranges of code points above ASCII that string-width counts as one cell alone and
 * beside others (none joins a grapheme cluster with its neighbours). Wide emoji are the holes.
 */
export const NARROW: readonly number[] = [
	0xa0, 0xac, 0xae, 0x2ff, 0x370, 0x3ff, 0x400, 0x481, 0x2010, 0x2029, 0x202f, 0x205e, 0x2070,
	0x20c0, 0x2100, 0x2319, 0x231c, 0x2328, 0x232b, 0x23e8, 0x23ed, 0x23ef, 0x23f1, 0x23f2, 0x23f4,
	0x24ff, 0x2500, 0x25fc, 0x25ff, 0x2613, 0x2616, 0x262f, 0x2638, 0x2647, 0x2654, 0x267e, 0x2680,
	0x2689, 0x2690, 0x2692, 0x2694, 0x26a0, 0x26a2, 0x26a9, 0x26ac, 0x26bc, 0x26bf, 0x26c3, 0x26c6,
	0x26cd, 0x26cf, 0x26d3, 0x26d5, 0x26e9, 0x26eb, 0x26f1, 0x26f4, 0x26f4, 0x26f6, 0x26f9, 0x26fb,
	0x26fc, 0x26fe, 0x2704, 0x2706, 0x2709, 0x270c, 0x2727, 0x2729, 0x274b, 0x274d, 0x274d, 0x274f,
	0x2752, 0x2756, 0x2756, 0x2758, 0x2794, 0x2798, 0x27af, 0x27b1, 0x27be, 0x2800, 0x28ff, 0x2900,
	0x2b1a, 0x2b1d, 0x2b4f, 0x2b51, 0x2b54, 0x2b56, 0x2bff,
];

const NARROW_LIMIT = 0x2c00;
/** NARROW as one flag per code point below NARROW_LIMIT: a lookup per character. */
const narrow = new Uint8Array(NARROW_LIMIT);
for (let i = 0; i < NARROW.length; i += 2)
	narrow.fill(1, NARROW[i] as number, (NARROW[i + 1] as number) + 1);

/** Printable ASCII, or one of NARROW: a character that is one cell and a grapheme of its own. */
export function isNarrowChar(c: number): boolean {
	return (c >= 0x20 && c < 0x7f) || (c < NARROW_LIMIT && narrow[c] === 1);
}

export default function stringWidth(text: string, options?: StringWidthOptions): number {
	if (typeof text !== 'string' || text.length === 0) return 0;
	if (options && (options.ambiguousIsNarrow === false || options.countAnsiEscapeCodes === true))
		return realStringWidth(text, options);
	let width = 0;
	const n = text.length;
	for (let i = 0; i < n; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0x20 && c < 0x7f) width++;
		else if (c === 0x1b && text.charCodeAt(i + 1) === 0x5b) {
			// ESC [ digits and semicolons m: a colour (SGR), which takes no cell.
			let j = i + 2;
			while (isSgrParameter(text.charCodeAt(j))) j++;
			if (text.charCodeAt(j) !== 0x6d) return realStringWidth(text, options);
			i = j;
		} else if (c < NARROW_LIMIT && narrow[c] === 1) width++;
		else return realStringWidth(text, options);
	}
	return width;
}

function isSgrParameter(c: number): boolean {
	return (c >= 0x30 && c <= 0x39) || c === 0x3b;
}
