// Feeds a stream of lines of unknown format (rawjson from a run or any saved log, or a
// `--progress=plain` CI log) into a BuildState. The format is decided on the first line that
// tells: a JSON object means rawjson, a `#N ` block line means plain.

import type {BuildState} from './build-state.js';
import {PlainParser} from './plain.js';

export type StreamFormat = 'rawjson' | 'plain';

const PLAIN_LINE = /^#\d+ /;
const MAX_UNDECIDED = 200;

export class StreamIngestor {
	readonly #state: BuildState;
	#format: StreamFormat | undefined;
	#plain: PlainParser | undefined;
	#pending: string[] = [];

	constructor(state: BuildState, format?: StreamFormat) {
		this.#state = state;
		this.#format = format;
		if (format === 'plain') this.#plain = new PlainParser(state);
	}

	get format(): StreamFormat | undefined {
		return this.#format;
	}

	line(line: string): void {
		if (this.#format === 'rawjson') {
			this.#state.ingestLine(line);
			return;
		}
		if (this.#plain) {
			this.#plain.line(line);
			return;
		}
		this.#pending.push(line);
		if (line.startsWith('{')) this.#decide('rawjson');
		else if (PLAIN_LINE.test(line)) this.#decide('plain');
		else if (this.#pending.length >= MAX_UNDECIDED) this.#decide('rawjson');
	}

	/** End of stream: undecided text is plain text lines of a rawjson stream. */
	end(): void {
		if (this.#format === undefined) this.#decide('rawjson');
	}

	#decide(format: StreamFormat): void {
		this.#format = format;
		if (format === 'plain') this.#plain = new PlainParser(this.#state);
		const pending = this.#pending;
		this.#pending = [];
		for (const l of pending) this.line(l);
	}
}
