// The shared corpus's ParseFile/ParseFiles cases, one test each (skipped ones with the reason).

import {describe, expect, it} from 'vitest';
import {loadCorpus} from '../../../src/conformance/corpus.js';
import {composeReason, parseFilesHandler} from '../../../src/conformance/parse-files.js';
import {runCase} from '../../../src/conformance/runner.js';

const CORPUS = '/work/shared/conformance/buildx-cases.json';
const cases = loadCorpus(CORPUS).filter((c) => c.api === 'ParseFile' || c.api === 'ParseFiles');
const handlers = new Map([
	['ParseFile', parseFilesHandler],
	['ParseFiles', parseFilesHandler],
]);

describe('buildx conformance: ParseFile(s)', () => {
	for (const c of cases) {
		const reason = composeReason(c);
		if (reason !== undefined) {
			it.skip(`${c.name} (${reason})`, () => {});
			continue;
		}
		it(c.name, async () => {
			const r = await runCase(c, handlers);
			expect(r.outcome.status === 'failed' ? r.outcome.reasons : []).toEqual([]);
		});
	}
});
