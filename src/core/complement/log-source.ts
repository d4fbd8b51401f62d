// Reads a saved log as if it were arriving live; with `follow`, keeps tailing it as it grows
// (like `tail -f`) until aborted.

import {open} from 'node:fs/promises';
import {StringDecoder} from 'node:string_decoder';
import {setTimeout as sleep} from 'node:timers/promises';

export interface ReadLogOptions {
	readonly follow: boolean;
	readonly onChunk: (chunk: string) => void;
	readonly signal?: AbortSignal;
	readonly pollMs?: number;
}

export async function readLogFile(path: string, options: ReadLogOptions): Promise<void> {
	const handle = await open(path, 'r');
	const decoder = new StringDecoder('utf8');
	const buffer = Buffer.alloc(1 << 16);
	let position = 0;
	try {
		while (!options.signal?.aborted) {
			const {bytesRead} = await handle.read(buffer, 0, buffer.length, position);
			if (bytesRead > 0) {
				position += bytesRead;
				options.onChunk(decoder.write(buffer.subarray(0, bytesRead)));
				continue;
			}
			if (!options.follow) break;
			// A file rewritten from scratch (shorter than what we read) is read again from the top.
			if ((await handle.stat()).size < position) position = 0;
			await sleep(options.pollMs ?? 200, undefined, {signal: options.signal}).catch(() => {});
		}
		const rest = decoder.end();
		if (rest) options.onChunk(rest);
	} finally {
		await handle.close();
	}
}
