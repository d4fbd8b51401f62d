// Ingest speed and replay memory of the progress pipeline (issue 5):
//  - a 200,000-line rawjson stream through LineSplitter + BuildState (goal > 100,000 lines/s)
//  - peak RSS of `baketree replay FILE --summary json` on a 500 MB stream (goal < 250 MB),
//    measured in a child process; the file is generated in a temp dir and deleted after.

import {execFileSync, spawnSync} from 'node:child_process';
import {closeSync, mkdtempSync, openSync, rmSync, writeSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {LineSplitter} from '../src/core/process/line-splitter.js';
import {BuildState} from '../src/core/progress/build-state.js';
import {formatInstant} from '../src/core/progress/time.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const T0 = Date.UTC(2025, 0, 1);

/** A realistic mix: 50 targets x 40 steps re-sent through their states, then mostly logs. */
function* streamLines(count: number): Generator<string> {
	const targets = Array.from({length: 50}, (_, i) => `target-${i}`);
	const digest = (t: number, s: number) =>
		`sha256:${(t * 1000 + s).toString(16).padStart(64, '0')}`;
	let n = 0;
	let clock = 0;
	const ts = () => formatInstant({ms: T0 + Math.floor(clock / 1000), ns: (clock % 1000) * 1000});
	const log = Buffer.from(
		'   Compiling serde v1.0.219 (/usr/local/cargo/registry/src/index.crates.io)\n',
	).toString('base64');
	while (n < count) {
		for (let s = 0; s < 40 && n < count; s++) {
			for (const [t, name] of targets.entries()) {
				clock += 37;
				const d = digest(t, s);
				const v = {digest: d, name: `[${name} build ${s + 1}/40] RUN step ${s}`, started: ts()};
				yield JSON.stringify({vertexes: [v]});
				n++;
				for (let k = 0; k < 8 && n < count; k++, n++) {
					clock += 11;
					yield JSON.stringify({logs: [{vertex: d, stream: 1, data: log, timestamp: ts()}]});
				}
				if (n < count) {
					yield JSON.stringify({
						statuses: [{id: 'exporting layers', vertex: d, current: s, timestamp: ts()}],
					});
					n++;
				}
				if (n < count) {
					yield JSON.stringify({
						vertexes: [{...v, completed: ts(), ...(s % 3 === 0 ? {cached: true} : {})}],
					});
					n++;
				}
			}
		}
	}
}

function ingestSpeed(): number {
	const lines = [...streamLines(200_000)];
	const chunks: Buffer[] = [];
	let buf = '';
	for (const l of lines) {
		buf += `${l}\n`;
		if (buf.length > 64 * 1024) {
			chunks.push(Buffer.from(buf));
			buf = '';
		}
	}
	chunks.push(Buffer.from(buf));
	let best = 0;
	for (let run = 0; run < 3; run++) {
		const state = new BuildState();
		const splitter = new LineSplitter((l) => state.ingestLine(l));
		const t = process.hrtime.bigint();
		for (const c of chunks) splitter.write(c);
		splitter.end();
		const secs = Number(process.hrtime.bigint() - t) / 1e9;
		best = Math.max(best, lines.length / secs);
	}
	return best;
}

function replayPeakRss(bytes: number): {rssMb: number; sizeMb: number} {
	const dir = mkdtempSync(join(tmpdir(), 'bt-bench-'));
	const file = join(dir, 'stream.jsonl');
	try {
		const fd = openSync(file, 'w');
		let written = 0;
		let pending = '';
		for (const l of streamLines(Number.MAX_SAFE_INTEGER)) {
			pending += `${l}\n`;
			if (pending.length > 1 << 20) {
				written += writeSync(fd, pending);
				pending = '';
				if (written >= bytes) break;
			}
		}
		closeSync(fd);
		execFileSync(process.execPath, ['scripts/bundle.mjs'], {cwd: ROOT});
		// The child reports its own peak RSS (maxRSS is in kilobytes).
		const probe = `process.on('exit',()=>process.stderr.write('MAXRSS '+process.resourceUsage().maxRSS+'\\n'))`;
		const r = spawnSync(
			process.execPath,
			[
				'--import',
				`data:text/javascript,${encodeURIComponent(probe)}`,
				'dist/cli.js',
				'replay',
				file,
				'--summary',
				'json',
			],
			{
				cwd: ROOT,
				encoding: 'utf8',
				maxBuffer: 64 << 20,
				env: {...process.env, BAKETREE_STATE_DIR: dir},
			},
		);
		const kb = /MAXRSS (\d+)/.exec(r.stderr)?.[1];
		if (r.status !== 0 || kb === undefined) throw new Error(`replay failed: ${r.stderr}`);
		return {rssMb: Math.round(Number(kb) / 1024), sizeMb: written / 1e6};
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

export async function benchIngest(): Promise<
	{name: string; value: number; unit: string; goal?: string}[]
> {
	const speed = ingestSpeed();
	const {rssMb, sizeMb} = replayPeakRss(500e6);
	return [
		{
			name: 'ingest: 200,000-line rawjson stream (parse + state)',
			value: Math.round(speed),
			unit: 'lines/s',
			goal: '> 100000',
		},
		{
			name: `replay: peak RSS on a ${Math.round(sizeMb)} MB stream`,
			value: rssMb,
			unit: 'MB',
			goal: '< 250',
		},
	];
}
