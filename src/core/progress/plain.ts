// Reads `--progress=plain` output (CI logs) into the same BuildState as rawjson, by turning
// each `#N` block into vertex/status/log messages. Plain output has no absolute times, so a
// virtual clock is advanced from the relative seconds it does print (log stamps, DONE x.ys).

import type {BuildState} from './build-state.js';
import {formatInstant, instantFromMs} from './time.js';
import type {VertexMsg} from './types.js';

interface PlainVertex {
	digest: string;
	name: string;
	startedMs: number;
	/** The next line for this #N is a header again (after "#N ..."). */
	expectHeader: boolean;
	started: string;
}

const BLOCK = /^#(\d+) (.*)$/;
const LOG = /^(\d+\.\d+) (.*)$/s;
const DONE = /^DONE (\d+(?:\.\d+)?)s$/;
const STATUS_TAIL = /(?: (\d+(?:\.\d+)?)s)?( done)?$/;

export class PlainParser {
	readonly #state: BuildState;
	readonly #vertexes = new Map<string, PlainVertex>();
	#clockMs = 0;

	constructor(state: BuildState) {
		this.#state = state;
	}

	line(line: string): void {
		const m = BLOCK.exec(line);
		this.#state.lines++;
		if (!m || m[1] === '0') {
			if (line.trim() !== '') this.#state.ingestText(line);
			return;
		}
		const id = m[1] as string;
		const rest = m[2] as string;
		let v = this.#vertexes.get(id);
		if (!v || v.expectHeader) {
			if (!v) {
				const started = this.#clockMs;
				v = {
					digest: `plain:#${id}`,
					name: rest,
					startedMs: started,
					expectHeader: false,
					started: formatInstant(instantFromMs(started)),
				};
				this.#vertexes.set(id, v);
			}
			v.name = rest;
			v.expectHeader = false;
			this.#vertex(v, {});
			return;
		}
		if (rest === '...') {
			v.expectHeader = true;
			return;
		}
		const done = DONE.exec(rest);
		if (rest === 'CACHED') this.#vertex(v, {completed: v.started, cached: true});
		else if (rest === 'CANCELED') this.#end(v, 0, 'context canceled');
		else if (rest.startsWith('ERROR: ')) this.#end(v, 0, rest.slice(7));
		else if (done) this.#end(v, Number(done[1]) * 1000);
		else this.#detail(v, rest);
	}

	/** A status, log or warning line inside a block. */
	#detail(v: PlainVertex, rest: string): void {
		if (rest.startsWith('WARN: ')) {
			this.#state.ingestStatus({
				warnings: [
					{vertex: v.digest, level: 1, short: Buffer.from(rest.slice(6)).toString('base64')},
				],
			});
			return;
		}
		const log = LOG.exec(rest);
		if (log) {
			this.#tick(v.startedMs + Number(log[1]) * 1000);
			const data = Buffer.from(`${log[2]}\n`).toString('base64');
			this.#state.ingestStatus({
				logs: [
					{
						vertex: v.digest,
						stream: 1,
						data,
						timestamp: formatInstant(instantFromMs(this.#clockMs)),
					},
				],
			});
			return;
		}
		this.#status(v, rest);
	}

	#tick(ms: number): void {
		if (ms > this.#clockMs) this.#clockMs = ms;
	}

	#end(v: PlainVertex, elapsedMs: number, error?: string): void {
		const end = v.startedMs + elapsedMs;
		this.#tick(end);
		this.#vertex(v, {
			completed: formatInstant(instantFromMs(end)),
			...(error !== undefined ? {error} : {}),
		});
	}

	#vertex(v: PlainVertex, extra: Partial<VertexMsg>): void {
		this.#state.ingestStatus({
			vertexes: [{digest: v.digest, name: v.name, started: v.started, ...extra}],
		});
	}

	#status(v: PlainVertex, rest: string): void {
		const tail = STATUS_TAIL.exec(rest);
		const id = tail ? rest.slice(0, tail.index) : rest;
		const now = formatInstant(instantFromMs(this.#clockMs));
		this.#state.ingestStatus({
			statuses: [
				{
					id,
					vertex: v.digest,
					current: 0,
					timestamp: now,
					started: v.started,
					...(tail?.[2] ? {completed: now} : {}),
				},
			],
		});
	}
}
