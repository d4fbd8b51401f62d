// Splits a byte stream into lines without holding more than one partial line. Used for
// buildx's stderr (live and from disk): it is mixed JSON and text, one item per line.

import {StringDecoder} from 'node:string_decoder';

export class LineSplitter {
	#decoder = new StringDecoder('utf8');
	#partial = '';
	readonly #onLine: (line: string) => void;

	constructor(onLine: (line: string) => void) {
		this.#onLine = onLine;
	}

	write(chunk: Buffer | string): void {
		const text = this.#partial + (typeof chunk === 'string' ? chunk : this.#decoder.write(chunk));
		let start = 0;
		for (;;) {
			const nl = text.indexOf('\n', start);
			if (nl < 0) break;
			const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
			this.#onLine(text.slice(start, end));
			start = nl + 1;
		}
		this.#partial = start === 0 ? text : text.slice(start);
	}

	/** Emits the last line if the stream did not end with a newline. */
	end(): void {
		const rest = this.#partial + this.#decoder.end();
		this.#partial = '';
		if (rest !== '') this.#onLine(rest);
	}
}
