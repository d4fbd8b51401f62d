// Reads a saved log as if it were arriving live; with `follow`, keeps tailing it as it grows
// (like `tail -f`) until aborted. Chunks are raw bytes (see LineSplitter for lines).

import {open} from 'node:fs/promises';
import {setTimeout as sleep} from 'node:timers/promises';

export interface ReadLogOptions {
	readonly follow: boolean;
	/** Bytes just read; the buffer is reused after the call returns. */
	readonly onChunk: (chunk: Buffer) => void;
	readonly signal?: AbortSignal;
	readonly pollMs?: number;
}

export async function readLogFile(path: string, options: ReadLogOptions): Promise<void> {
	const handle = await open(path, 'r');
	const buffer = Buffer.alloc(1 << 16);
	let position = 0;
	try {
		while (!options.signal?.aborted) {
			const {bytesRead} = await handle.read(buffer, 0, buffer.length, position);
			if (bytesRead > 0) {
				position += bytesRead;
				options.onChunk(buffer.subarray(0, bytesRead));
				continue;
			}
			if (!options.follow) break;
			// A file rewritten from scratch (shorter than what we read) is read again from the top.
			if ((await handle.stat()).size < position) position = 0;
			await sleep(options.pollMs ?? 200, undefined, {signal: options.signal}).catch(() => {});
		}
	} finally {
		await handle.close();
	}
}
