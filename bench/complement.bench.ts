// Ingest speed of `baketree complement`: a 1,000,000-line log mixing the tester's TSV lines,
// go test -json events, go test -v output and noise, through the line parser and the store.
import {createComplementStore} from '../src/core/complement/store.js';

const LINES = 1_000_000;

function makeLog(distinct: number): string[] {
	const out: string[] = [];
	for (let i = 0; out.length < LINES; i++) {
		const top = `TestGroup${i % 800}`;
		const name = `${top}/Parallel/subtest_number_${i % distinct}`;
		switch (i % 5) {
			case 0:
				out.push(`pass\t${name}`);
				break;
			case 1:
				out.push(
					`{"Time":"2025-06-03T10:00:00.010Z","Action":"run","Package":"github.com/matrix-org/complement/tests","Test":"${name}"}`,
				);
				out.push(
					`{"Time":"2025-06-03T10:00:00.011Z","Action":"output","Package":"github.com/matrix-org/complement/tests","Test":"${name}","Output":"    client.go:600: [CSAPI] GET hs1/_matrix/client/v3/sync => 200 OK (12ms)\\n"}`,
				);
				out.push(
					`{"Time":"2025-06-03T10:00:00.012Z","Action":"fail","Package":"github.com/matrix-org/complement/tests","Test":"${name}","Elapsed":0.01}`,
				);
				break;
			case 2:
				out.push(`=== RUN   ${name}`);
				out.push(`    --- PASS: ${name} (0.01s)`);
				break;
			case 3:
				out.push(`+ sleep 0`);
				out.push(
					`2025-06-03T10:00:00.012345Z  INFO tuwunel::router: request GET /_matrix/client/v3/sync?since=s${i}`,
				);
				break;
			default:
				out.push(`skip\t${name}`);
		}
	}
	return out.slice(0, LINES);
}

export async function benchComplement(): Promise<
	{name: string; value: number; unit: string; goal?: string}[]
> {
	const realistic = await measure(makeLog(2000), 3);
	// Worst case: nearly every result is a test not seen before (600k tests in memory).
	const worst = await measure(makeLog(Number.MAX_SAFE_INTEGER), 1);
	return [
		{
			name: 'complement: ingest 1,000,000 mixed log lines (2,000 tests)',
			value: Math.round(LINES / (realistic / 1000)),
			unit: 'lines/s',
			goal: '> 200000',
		},
		{
			name: 'complement: ingest 1,000,000 mixed log lines (600k tests)',
			value: Math.round(LINES / (worst / 1000)),
			unit: 'lines/s',
		},
	];
}

/** Median time (ms) of `rounds` runs through a fresh store. */
async function measure(lines: readonly string[], rounds: number): Promise<number> {
	const runs: number[] = [];
	for (let r = 0; r < rounds; r++) {
		const store = createComplementStore({flushMs: 1e9});
		const t0 = performance.now();
		// Feed in chunk-sized batches, as the streaming runner does.
		for (let i = 0; i < lines.length; i += 256)
			store.getState().ingestLines(lines.slice(i, i + 256));
		store.getState().flush();
		runs.push(performance.now() - t0);
		if (store.getState().lines !== LINES) throw new Error('lost lines');
	}
	runs.sort((a, b) => a - b);
	return runs[Math.floor(runs.length / 2)] ?? 0;
}
