// Streams a saved stream file line by line without holding it in memory (files can be
// hundreds of megabytes). Reads in 64 KiB chunks: the buffers stay small young garbage instead
// of megabyte blocks that wait for a full GC (see LineSplitter for the string side).

import {createReadStream} from 'node:fs';
import {LineSplitter} from '../process/line-splitter.js';

export async function readStreamLines(path: string, onLine: (line: string) => void): Promise<void> {
	const splitter = new LineSplitter(onLine);
	const input = createReadStream(path, {highWaterMark: 64 * 1024});
	for await (const chunk of input) splitter.write(chunk as Buffer);
	splitter.end();
}
