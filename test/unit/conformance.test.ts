// The shared buildx corpus, one test per case: ParseFile(s) (issue 2), ReadTargets and cli
// (issue 3), compose files included. A case must pass, not be skipped.

import {describe, expect, it} from 'vitest';
import {loadCorpus} from '../../src/conformance/corpus.js';
import {defaultHandlers, runCase} from '../../src/conformance/runner.js';
import {CORPUS_FILE} from '../shared-path.js';

const cases = loadCorpus(CORPUS_FILE);
const handlers = await defaultHandlers();

for (const api of ['ParseFile', 'ParseFiles', 'ReadTargets', 'cli']) {
	describe(`buildx conformance: ${api}`, () => {
		for (const c of cases.filter((x) => x.api === api)) {
			it(c.name, async () => {
				const r = await runCase(c, handlers);
				expect(r.outcome.status === 'failed' ? r.outcome.reasons : []).toEqual([]);
				expect(r.outcome.status === 'skipped' ? r.outcome.reason : undefined).toBeUndefined();
			});
		}
	});
}
