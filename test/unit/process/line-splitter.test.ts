import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {batchedLines, LineSplitter} from '../../../src/core/process/line-splitter.js';

/** Feeds `chunks` to a fresh splitter and returns the lines seen after each write, then at end. */
function split(chunks: readonly (Buffer | string)[], maxLineBytes?: number) {
	const lines: string[] = [];
	const s = new LineSplitter((l) => lines.push(l), maxLineBytes);
	const perWrite = chunks.map((c) => {
		s.write(c);
		return lines.length;
	});
	s.end();
	return {lines, perWrite};
}

/** Cuts `bytes` at the given offsets (any order, out-of-range ones ignored). */
function cutAt(bytes: Buffer, offsets: readonly number[]): Buffer[] {
	const cuts = [...new Set(offsets.filter((o) => o > 0 && o < bytes.length))].sort((a, b) => a - b);
	const out: Buffer[] = [];
	let from = 0;
	for (const c of [...cuts, bytes.length]) {
		out.push(bytes.subarray(from, c));
		from = c;
	}
	return out;
}

describe('LineSplitter', () => {
	it('joins lines across chunks, even a character split between them, and drops CR', () => {
		const bytes = Buffer.from('{"a":"é"}\r\nzwei ü\n\nlast');
		// Cut inside the two-byte "é" and inside "ü".
		const {lines, perWrite} = split(cutAt(bytes, [7, 9, 18]));
		expect(perWrite).toEqual([0, 0, 1, 3]);
		expect(lines).toEqual(['{"a":"é"}', 'zwei ü', '', 'last']);
	});

	it('takes text chunks as UTF-8 and gives the last line only at the end', () => {
		const lines: string[] = [];
		const s = new LineSplitter((l) => lines.push(l));
		s.write('pa');
		expect(lines).toEqual([]);
		s.write('ss\tTestA\r\nfail\tT');
		expect(lines).toEqual(['pass\tTestA']);
		s.write('estB\n\nx€');
		expect(lines).toEqual(['pass\tTestA', 'fail\tTestB', '']);
		s.end();
		s.end();
		expect(lines).toEqual(['pass\tTestA', 'fail\tTestB', '', 'x€']);
	});

	it('drops the CR of a last line that ends in CR without LF, and emits no empty last line', () => {
		expect(split(['a\r']).lines).toEqual(['a']);
		expect(split(['a\n', '']).lines).toEqual(['a']);
		expect(split([]).lines).toEqual([]);
	});

	it('does not keep using a chunk the caller reuses afterwards', () => {
		const lines: string[] = [];
		const s = new LineSplitter((l) => lines.push(l));
		const chunk = Buffer.from('abc');
		s.write(chunk);
		chunk.write('xyz');
		s.write('d\n');
		expect(lines).toEqual(['abcd']);
	});

	it('cuts a line that runs on past the bound, at a character boundary, losing nothing', () => {
		// "é" is two bytes: cutting at 4 bytes would split it, so the first piece stops before it.
		expect(split(['abcé', 'fg\n'], 4).lines).toEqual(['abc', 'éfg']);
		expect(split(['abcdefgh'], 4)).toEqual({lines: ['abcd', 'efgh'], perWrite: [1]});
		// A line already held plus the head of the next chunk is cut too.
		expect(split(['abc', 'defghij\nk'], 4).lines).toEqual(['abcd', 'efgh', 'ij', 'k']);
	});

	it('never holds more than the bound of a line that never ends', () => {
		const chunk = 'x'.repeat(100);
		const lines: string[] = [];
		const s = new LineSplitter((l) => lines.push(l), 1000);
		for (let i = 0; i < 1000; i++) {
			s.write(chunk);
			// Everything beyond the bound has come out already.
			expect(i * 100 + 100 - lines.length * 1000).toBeLessThanOrEqual(1000);
		}
		s.end();
		expect(lines).toHaveLength(100);
		expect(lines.every((l) => l.length === 1000)).toBe(true);
	});

	it('gives the lines of String.split however the bytes are chunked', () => {
		const text = fc.string({unit: fc.constantFrom('a', 'é', '€', '😀', '\n', '\r', '\t')});
		fc.assert(
			fc.property(text, fc.array(fc.nat({max: 200}), {maxLength: 12}), (t, offsets) => {
				const parts = t.split('\n');
				const last = parts.pop() as string;
				const expected = [...parts, ...(last === '' ? [] : [last])].map((l) =>
					l.endsWith('\r') ? l.slice(0, -1) : l,
				);
				expect(split(cutAt(Buffer.from(t), offsets)).lines).toEqual(expected);
			}),
			{numRuns: 300},
		);
	});
});

describe('batchedLines', () => {
	it('hands over the lines of each write together, and the last one at the end', () => {
		const calls: string[][] = [];
		const lines = batchedLines((batch) => calls.push(batch));
		lines.write('a\nb\nc');
		lines.write('');
		lines.write(Buffer.from('d\r\n'));
		lines.end();
		lines.end();
		expect(calls).toEqual([['a', 'b'], ['cd']]);
		const tail: string[][] = [];
		const t = batchedLines((batch) => tail.push(batch));
		t.write('x\ny');
		t.end();
		expect(tail).toEqual([['x'], ['y']]);
	});
});
