// Turns a stream of text chunks into whole lines. Chunks split lines anywhere; a line only
// counts once its newline arrives (or at the end). CR LF endings lose the CR. A runaway line
// without a newline is cut at `maxLineLength` so memory stays bounded.

export class LineSplitter {
	private partial = '';
	private readonly maxLineLength: number;

	constructor(maxLineLength = 1 << 20) {
		this.maxLineLength = maxLineLength;
	}

	/** Complete lines in `chunk`, with what was left over from earlier chunks in front. */
	push(chunk: string): string[] {
		const lines: string[] = [];
		let start = 0;
		let nl = chunk.indexOf('\n');
		let text = chunk;
		if (this.partial !== '' && nl >= 0) {
			text = this.partial + chunk;
			nl += this.partial.length;
			this.partial = '';
		}
		while (nl >= 0) {
			const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
			lines.push(text.slice(start, end));
			start = nl + 1;
			nl = text.indexOf('\n', start);
		}
		if (start < text.length) this.partial += text.slice(start);
		if (this.partial.length > this.maxLineLength) {
			lines.push(this.partial.slice(0, this.maxLineLength));
			this.partial = '';
		}
		return lines;
	}

	/** The last line when the stream ended without a newline. */
	end(): string[] {
		const rest = this.partial.endsWith('\r') ? this.partial.slice(0, -1) : this.partial;
		this.partial = '';
		return rest === '' ? [] : [rest];
	}
}
