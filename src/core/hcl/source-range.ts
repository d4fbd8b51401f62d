// The ranges the HCL parser gives its tree: two file offsets and the file's line table, with
// the line and column of each end worked out when read. Every node of the tree has a range
// or more, and nearly none is ever read (only errors, the inspector and `check` show one):
// made as three objects each (a range and two positions) they were two thirds of the tree's
// objects, and a cold `baketree print` spent ~10 ms making them and collecting them.
//
// A SourceRange is a Range (diagnostics.ts) to everything that reads one. Its offsets and
// its line table are own fields (the table TypeScript-private, not `#private`: one range is
// made per node, in cold code, where a plain field costs less). Code that builds a range from
// another one should use the offsets below, not spread it: `{...r}` copies the fields, not
// the `start`/`end` getters.

import type {Pos, Range} from '../diagnostics.js';

/** Where each line of a text starts: enough to turn an offset into a line and column. */
export class LineTable {
	/** Line number of the text's first line. */
	readonly firstLine: number;
	/** Offset of the text in its file (HCL-JSON strings are lexed on their own). */
	readonly base: number;
	/**
	 * Index in the text where each line starts, from `firstLine` on (negative on a first line
	 * that starts mid-column); filled by the lexer as it goes, complete once it has finished.
	 */
	readonly lineStarts: readonly number[];

	constructor(firstLine: number, base: number, lineStarts: readonly number[]) {
		this.firstLine = firstLine;
		this.base = base;
		this.lineStarts = lineStarts;
	}

	/** The position of a file offset: the last line starting at or before it. */
	pos(offset: number): Pos {
		const i = offset - this.base;
		const ls = this.lineStarts;
		let lo = 0;
		let hi = ls.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if ((ls[mid] as number) <= i) lo = mid;
			else hi = mid - 1;
		}
		return {line: lo + this.firstLine, col: i - (ls[lo] as number) + 1, offset};
	}
}

export class SourceRange implements Range {
	readonly file: string;
	readonly startOffset: number;
	readonly endOffset: number;
	private readonly lines: LineTable;

	constructor(file: string, lines: LineTable, startOffset: number, endOffset: number) {
		this.file = file;
		this.startOffset = startOffset;
		this.endOffset = endOffset;
		this.lines = lines;
	}

	get start(): Pos {
		return this.lines.pos(this.startOffset);
	}

	get end(): Pos {
		return this.lines.pos(this.endOffset);
	}

	/** From this range's start to the end of `b`, when both are of the same text. */
	through(b: SourceRange): SourceRange | undefined {
		if (b.lines !== this.lines) return undefined;
		return new SourceRange(this.file, this.lines, this.startOffset, b.endOffset);
	}
}

/** A range's start offset, without working out its position when it is a SourceRange. */
export function startOffset(r: Range): number {
	return r instanceof SourceRange ? r.startOffset : r.start.offset;
}

/** A range's end offset, without working out its position when it is a SourceRange. */
export function endOffset(r: Range): number {
	return r instanceof SourceRange ? r.endOffset : r.end.offset;
}
