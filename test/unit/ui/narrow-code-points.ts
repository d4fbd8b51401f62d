// Every code point that src/ui/text/string-width.ts answers itself (printable ASCII and its
// NARROW table), for the tests that check its width and its graphemes against the real thing.

import {NARROW} from '../../../src/ui/text/string-width.js';

export const narrowCodePoints: readonly number[] = (() => {
	const out: number[] = [];
	for (let cp = 0x20; cp < 0x7f; cp++) out.push(cp);
	for (let i = 0; i < NARROW.length; i += 2)
		for (let cp = NARROW[i] as number; cp <= (NARROW[i + 1] as number); cp++) out.push(cp);
	return out;
})();
