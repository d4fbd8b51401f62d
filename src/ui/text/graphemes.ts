// The grapheme clusters of a line, as Intl.Segmenter gives them, without ICU for the text a
// terminal UI mostly draws. Ink tokenizes every line it draws with @alcalzone/ansi-tokenize,
// which walks graphemes with an Intl.Segmenter made when its module loads: making one costs
// about 20 ms of every start of the tree browser, and walking one crosses into ICU for every
// character. The bundle gives the tokenizer this function instead (scripts/bundle-plugins.mjs).
//
// A line of printable ASCII, NARROW symbols (./string-width.ts: none joins a cluster with its
// neighbours) and escape characters has one grapheme per UTF-16 unit. Anything else goes to a
// segmenter made on that first use. test/unit/ui/graphemes.test.ts compares both with ICU.

import {isNarrowChar} from './string-width.js';

export interface GraphemeSegment {
	readonly segment: string;
	readonly index: number;
}

let segmenter: Intl.Segmenter | undefined;

export function graphemeSegments(text: string): Iterable<GraphemeSegment> {
	const n = text.length;
	let simple = true;
	for (let i = 0; i < n; i++) {
		const c = text.charCodeAt(i);
		if (c !== 0x1b && !isNarrowChar(c)) {
			simple = false;
			break;
		}
	}
	if (!simple) {
		segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
		return segmenter.segment(text);
	}
	const out: GraphemeSegment[] = new Array(n);
	for (let i = 0; i < n; i++) out[i] = {segment: text[i] as string, index: i};
	return out;
}
