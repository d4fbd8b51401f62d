// A Complement run saved like a build run: under <state>/complement/<run-id>/ we keep
//   log.txt       the output as received (written as it arrives)
//   command.json  what ran: command and arguments (or the log read), the env we added, cwd
//   results.jsonl the results in the baseline's format
//   exit.json     the exit code, and whether the run was canceled
// so that a past run can be read again or adopted as the baseline later.

import {createWriteStream, type WriteStream} from 'node:fs';
import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {type Env, stateDir} from '../state-dir.js';

export interface RunDescription {
	/** argv of the command run; absent when a saved log was read instead. */
	readonly command?: readonly string[];
	/** Variables added to the command's environment (matrix values, --env); never the rest. */
	readonly env?: Readonly<Record<string, string>>;
	readonly cwd?: string;
	/** The log file read, for `--log` runs. */
	readonly log?: string;
	readonly baseline?: string | undefined;
}

export interface RunExit {
	readonly exitCode: number | undefined;
	readonly canceled: boolean;
	readonly error?: string | undefined;
}

export class RunSaver {
	readonly dir: string;
	private readonly log: WriteStream | undefined;

	private constructor(dir: string, log: WriteStream | undefined) {
		this.dir = dir;
		this.log = log;
	}

	/** Creates the run's folder. `keepLog` false for `--log` runs (the log is already a file). */
	static async create(
		env: Env,
		run: RunDescription,
		keepLog: boolean,
		now = new Date(),
	): Promise<RunSaver> {
		const dir = join(stateDir(env), 'complement', runId(now));
		await mkdir(dir, {recursive: true});
		await writeFile(
			join(dir, 'command.json'),
			`${JSON.stringify({...run, startedAt: now.toISOString()}, null, 2)}\n`,
		);
		const log = keepLog ? createWriteStream(join(dir, 'log.txt')) : undefined;
		return new RunSaver(dir, log);
	}

	appendLog(chunk: string): void {
		this.log?.write(chunk);
	}

	async finish(resultsText: string, exit: RunExit, now = new Date()): Promise<void> {
		const log = this.log;
		if (log) await new Promise<void>((resolve) => log.end(resolve));
		await writeFile(join(this.dir, 'results.jsonl'), resultsText);
		await writeFile(
			join(this.dir, 'exit.json'),
			`${JSON.stringify({...exit, endedAt: now.toISOString()}, null, 2)}\n`,
		);
	}
}

/** Sortable and unique enough: UTC time to the second plus random hex. */
function runId(now: Date): string {
	const stamp = now
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d+Z$/, 'Z');
	const rand = Math.floor(Math.random() * 0xffffff)
		.toString(16)
		.padStart(6, '0');
	return `${stamp}-${rand}`;
}
