// The state of one build, fed line by line from buildx's stderr (or a saved stream). Plain,
// mutable and fast: React never sees it directly; the store publishes a version counter.
// Steps are kept per (target, digest); logs, statuses and warnings carry only a digest and are
// attached to every target that shares it.

import {sanitizeTerminalText} from '../text/sanitize.js';
import {provenTarget, stripTargetPrefix, targetOf} from './attribution.js';
import {decodeBase64, type LogLine, LogRing, LogSplitter} from './log-lines.js';
import {Ring} from './ring.js';
import {mergeVertex, newStep, type Step, stepStatus} from './step.js';
import type {Instant} from './time.js';
import {parseInstant} from './time.js';
import type {
	SolveStatus,
	VertexLogMsg,
	VertexMsg,
	VertexStatusMsg,
	VertexWarningMsg,
} from './types.js';

export type {LogLine} from './log-lines.js';

export interface StatusRec {
	readonly id: string;
	name?: string;
	current: number;
	total?: number;
	started?: Instant;
	completed?: Instant;
}

export interface TargetRec {
	readonly name: string;
	readonly steps: Map<string, Step>;
	readonly log: LogRing;
	readonly warnings: string[];
}

export interface BuildListener {
	step?(target: string | undefined, step: Step): void;
	log?(targets: readonly string[], line: LogLine): void;
	text?(line: string): void;
}

export interface BuildStateOptions {
	/** Target names of the build. Absent: inferred from vertex-name prefixes. */
	readonly targets?: readonly string[];
	/**
	 * Also learn target names from prefixes (when the given names may miss targets pulled in
	 * through `target:` contexts). Always on when no names are given.
	 */
	readonly infer?: boolean;
	/** Name for the one target of an unprefixed stream when names are inferred. */
	readonly singleTargetName?: string;
	readonly listener?: BuildListener;
	readonly targetLogLines?: number;
	readonly stepLogLines?: number;
}

export interface DigestLog {
	/** The one copy of the digest every kept line points at (each message brings its own). */
	readonly digest: string;
	readonly splitter: LogSplitter;
	readonly lines: LogRing;
}

const MAX_PARTIAL = 64 * 1024;

export class BuildState {
	/** Known targets in first-seen order; '' is never a key (see `untargeted`). */
	readonly targets = new Map<string, TargetRec>();
	/** Vertexes that belong to no target ("[internal] load local bake definitions", ...). */
	readonly untargeted: TargetRec;
	/** digest -> targets whose names it appeared under. */
	readonly digestTargets = new Map<string, string[]>();
	readonly statuses = new Map<string, Map<string, StatusRec>>();
	readonly digestLogs = new Map<string, DigestLog>();
	/** Non-JSON stderr lines (sanitized). */
	readonly text = new Ring<string>(500);
	/** `ERROR: ...` lines from stderr, without the prefix. */
	readonly errors: string[] = [];
	exitCode: number | null = null;
	lines = 0;
	#order = 0;
	readonly #inferring: boolean;
	/** The single target's name was made up (no names given). */
	readonly #synthetic: boolean;
	/** Vertex names carry target prefixes (more than one target, given or proven). */
	#prefixed: boolean;
	readonly #known = new Set<string>();
	readonly #singleName: string;
	readonly #listener: BuildListener | undefined;
	readonly #targetLogLines: number;
	readonly #stepLogLines: number;

	constructor(opts: BuildStateOptions = {}) {
		this.#listener = opts.listener;
		this.#targetLogLines = opts.targetLogLines ?? 1000;
		this.#stepLogLines = opts.stepLogLines ?? 100;
		this.#singleName = opts.singleTargetName ?? 'default';
		this.untargeted = this.#newTarget('');
		const given = opts.targets ?? [];
		this.#synthetic = given.length === 0;
		this.#inferring = this.#synthetic || opts.infer === true;
		for (const t of given) this.#addTarget(t);
		// Until a prefixed name proves otherwise, an inferred stream is a single-target build.
		if (this.#synthetic) this.#addTarget(this.#singleName);
		this.#prefixed = this.#known.size > 1;
	}

	get knownTargets(): ReadonlySet<string> {
		return this.#known;
	}

	/** Feeds one stderr line (JSON status or text). */
	ingestLine(line: string): void {
		this.lines++;
		if (line.charCodeAt(0) === 123 /* { */) {
			let status: SolveStatus | undefined;
			try {
				status = JSON.parse(line) as SolveStatus;
			} catch {
				status = undefined;
			}
			if (status && typeof status === 'object') {
				this.ingestStatus(status);
				return;
			}
		}
		this.ingestText(line);
	}

	ingestStatus(s: SolveStatus): void {
		if (s.vertexes) for (const v of s.vertexes) this.#vertex(v);
		if (s.statuses) for (const st of s.statuses) this.#status(st);
		if (s.logs) for (const l of s.logs) this.#log(l);
		if (s.warnings) for (const w of s.warnings) this.#warning(w);
	}

	/** Flushes logs that did not end with a newline (end of stream). */
	finish(exitCode: number | null): void {
		for (const [digest, dl] of this.digestLogs) {
			dl.splitter.end((raw) => this.#logLine(digest, dl, raw));
		}
		this.exitCode = exitCode;
	}

	/** Targets that own a digest (or none). */
	ownersOf(digest: string): readonly string[] {
		return this.digestTargets.get(digest) ?? [];
	}

	#newTarget(name: string): TargetRec {
		return {name, steps: new Map(), log: new LogRing(this.#targetLogLines), warnings: []};
	}

	#addTarget(name: string): TargetRec {
		let rec = this.targets.get(name);
		if (!rec) {
			rec = this.#newTarget(name);
			this.targets.set(name, rec);
			this.#known.add(name);
		}
		return rec;
	}

	#vertex(v: VertexMsg): void {
		const digest = v.digest;
		if (digest === undefined) return;
		const rawName = v.name ?? '';
		if (this.#inferring) this.#learn(rawName);
		const target = this.#attribute(rawName);
		const rec = target === undefined ? this.untargeted : (this.targets.get(target) as TargetRec);
		let step = rec.steps.get(digest);
		if (!step) {
			step = newStep(digest, rawName, this.#order++);
			rec.steps.set(digest, step);
			if (target !== undefined) {
				const owners = this.digestTargets.get(digest);
				if (!owners) this.digestTargets.set(digest, [target]);
				else if (!owners.includes(target)) owners.push(target);
			}
		}
		const before = stepStatus(step);
		const name =
			target === undefined || !this.#prefixed ? rawName : stripTargetPrefix(rawName, target);
		mergeVertex(step, v, name);
		if (this.#listener?.step && stepStatus(step) !== before) this.#listener.step(target, step);
	}

	/** Single target: everything is its own; else the prefix names a known target or none. */
	#attribute(name: string): string | undefined {
		if (!this.#prefixed) return this.#known.values().next().value;
		return targetOf(name, this.#known);
	}

	/** Inferred names: the first proven prefix turns the build into a multi-target one. */
	#learn(name: string): void {
		const t = provenTarget(name);
		if (t === undefined) return;
		if (!this.#prefixed) {
			this.#prefixed = true;
			const only = this.#known.values().next().value as string;
			const provisional = this.targets.get(only) as TargetRec;
			this.targets.delete(only);
			this.#known.delete(only);
			// A name the caller gave stays a target; the made-up single name does not.
			if (!this.#synthetic) this.#addTarget(only);
			this.#addTarget(t);
			this.#reattribute(provisional, only);
			return;
		}
		if (this.#known.has(t)) return;
		this.#addTarget(t);
		// Steps seen under this prefix before it was proven to be a target.
		for (const [digest, step] of this.untargeted.steps) {
			if (this.#attribute(step.name) !== t) continue;
			this.untargeted.steps.delete(digest);
			const rec = this.targets.get(t) as TargetRec;
			step.name = stripTargetPrefix(step.name, t);
			rec.steps.set(digest, step);
			const owners = this.digestTargets.get(digest);
			if (!owners) this.digestTargets.set(digest, [t]);
			else if (!owners.includes(t)) owners.push(t);
		}
	}

	/** Moves the steps of the provisional single target to where their names now point. */
	#reattribute(provisional: TargetRec, name: string): void {
		for (const [digest, step] of provisional.steps) {
			const owners = this.digestTargets.get(digest)?.filter((o) => o !== name);
			const raw = step.name;
			const t = this.#attribute(raw);
			const rec = t === undefined ? this.untargeted : (this.targets.get(t) as TargetRec);
			if (t !== undefined) {
				step.name = stripTargetPrefix(raw, t);
				this.digestTargets.set(digest, [...(owners ?? []), t]);
			}
			rec.steps.set(digest, step);
		}
	}

	#status(st: VertexStatusMsg): void {
		const digest = st.vertex;
		if (digest === undefined) return;
		let byId = this.statuses.get(digest);
		if (!byId) {
			byId = new Map();
			this.statuses.set(digest, byId);
		}
		let rec = byId.get(st.id);
		if (!rec) {
			rec = {id: st.id, current: 0};
			byId.set(st.id, rec);
		}
		rec.current = st.current;
		if (st.name !== undefined) rec.name = st.name;
		if (st.total !== undefined) rec.total = st.total;
		const started = parseInstant(st.started);
		if (started) rec.started = started;
		const completed = parseInstant(st.completed);
		if (completed) rec.completed = completed;
	}

	#log(l: VertexLogMsg): void {
		let dl = this.digestLogs.get(l.vertex ?? '');
		if (!dl) {
			const digest = l.vertex ?? '';
			dl = {digest, splitter: new LogSplitter(MAX_PARTIAL), lines: new LogRing(this.#stepLogLines)};
			this.digestLogs.set(digest, dl);
		}
		const d = dl;
		const {buf, length} = decodeBase64(l.data);
		d.splitter.write(buf, length, (raw) => this.#logLine(d.digest, d, raw));
	}

	#logLine(digest: string, dl: DigestLog, raw: string): void {
		// A progress bar redraws with \r: what a terminal would show is the last segment.
		let text = raw;
		if (text.includes('\r')) {
			const parts = text.split('\r').filter((p) => p !== '');
			text = parts[parts.length - 1] ?? '';
		}
		text = sanitizeTerminalText(text);
		dl.lines.push(digest, text);
		const owners = this.digestTargets.get(digest);
		if (owners && owners.length > 0) {
			for (const t of owners) this.targets.get(t)?.log.push(digest, text);
		} else {
			this.untargeted.log.push(digest, text);
		}
		this.#listener?.log?.(owners ?? [], {digest, text});
	}

	#warning(w: VertexWarningMsg): void {
		const short = w.short ? Buffer.from(w.short, 'base64').toString('utf8') : '';
		const text = sanitizeTerminalText(short);
		const owners = w.vertex ? this.ownersOf(w.vertex) : [];
		const recs = owners.length ? owners.map((t) => this.targets.get(t)) : [this.untargeted];
		for (const rec of recs) if (rec && rec.warnings.length < 200) rec.warnings.push(text);
	}

	/** A non-JSON stderr line (logrus messages, the error tail). */
	ingestText(line: string): void {
		const text = sanitizeTerminalText(line);
		this.text.push(text);
		if (text.startsWith('ERROR: ')) this.errors.push(text.slice('ERROR: '.length));
		this.#listener?.text?.(text);
	}
}
