import {readFileSync} from 'node:fs';
import {BuildState, type BuildStateOptions} from '../../../src/core/progress/build-state.js';
import {StreamIngestor} from '../../../src/core/progress/ingest.js';
import {sharedPath} from '../../shared-path.js';

export const FIXTURES = new URL('../../fixtures/progress/', import.meta.url);
export const SAMPLES = `${sharedPath('progress-samples')}/`;

export function fixtureText(name: string): string {
	return readFileSync(new URL(name, FIXTURES), 'utf8');
}

/** Feeds a whole text (rawjson or plain) into a fresh BuildState. */
export function ingestText(
	text: string,
	opts: BuildStateOptions = {},
	exitCode: number | null = null,
): BuildState {
	const state = new BuildState(opts);
	const ing = new StreamIngestor(state);
	for (const line of text.split('\n')) ing.line(line);
	ing.end();
	state.finish(exitCode);
	return state;
}

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

export const msg = {
	vertex: (digest: string, name: string, extra: Record<string, unknown> = {}) =>
		JSON.stringify({vertexes: [{digest, name, ...extra}]}),
	log: (vertex: string, data: string | Buffer, timestamp = '2025-01-01T00:00:00Z') =>
		JSON.stringify({logs: [{vertex, stream: 1, data: b64(data), timestamp}]}),
};
