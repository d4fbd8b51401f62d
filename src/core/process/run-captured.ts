// Runs a short command to completion and returns its whole output (e.g. `docker buildx
// version`): argument array, never a shell, and a timeout so a hung daemon cannot hang us.

import {execa} from 'execa';
import {stringEnv} from './run-streaming.js';

export interface RunCapturedOptions {
	readonly command: string;
	readonly args: readonly string[];
	readonly cwd?: string | undefined;
	/** The child's whole environment (not merged with ours). */
	readonly env: Readonly<Record<string, string | undefined>>;
	/** Default 30 s. */
	readonly timeoutMs?: number;
}

export interface CapturedResult {
	/** Undefined when killed (timeout) or never started. */
	readonly exitCode: number | undefined;
	readonly stdout: string;
	readonly stderr: string;
}

export async function runCaptured(o: RunCapturedOptions): Promise<CapturedResult> {
	const r = await execa(o.command, [...o.args], {
		cwd: o.cwd,
		env: stringEnv(o.env),
		extendEnv: false,
		reject: false,
		stdin: 'ignore',
		timeout: o.timeoutMs ?? 30_000,
	});
	return {exitCode: r.exitCode, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '')};
}
