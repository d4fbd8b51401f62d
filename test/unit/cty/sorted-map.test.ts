// Objects and maps keep their keys in Go's string order whatever order they are built in,
// for the few keys of a typical object (sorted in place) and for many.

import {describe, expect, it} from 'vitest';
import {sortedMap} from '../../../src/core/cty/value.js';

function shuffled<T>(xs: readonly T[], seed: number): T[] {
	const out = [...xs];
	let s = seed;
	for (let i = out.length - 1; i > 0; i--) {
		s = (s * 1103515245 + 12345) % 2147483648;
		const j = s % (i + 1);
		[out[i], out[j]] = [out[j] as T, out[i] as T];
	}
	return out;
}

describe('sortedMap', () => {
	it('orders keys by code unit whatever the input order, small and large', () => {
		for (let n = 0; n <= 20; n++) {
			const keys = Array.from(
				{length: n},
				(_, i) => `k${String.fromCharCode(65 + ((i * 7) % 26))}${i}`,
			);
			const want = [...keys].sort();
			for (let seed = 1; seed <= 5; seed++) {
				const entries = shuffled(keys, seed * 31 + n).map((k) => [k, k.length] as const);
				expect([...sortedMap(entries).keys()]).toEqual(want);
			}
		}
	});

	it('compares as Go does: upper case before lower case, by code unit', () => {
		expect([
			...sortedMap([
				['b', 1],
				['B', 2],
				['a', 3],
				['_', 4],
			]).keys(),
		]).toEqual(['B', '_', 'a', 'b']);
	});
});
