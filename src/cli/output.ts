// Standard output: how the CLI writes to it, and what happens when it cannot.
//
// The commands that print one result and exit (print, list, tree, check) write it straight to
// file descriptor 1. Making Node's process.stdout for them loaded its stream machinery (twenty
// modules or so) for one write: a few milliseconds of a ~180 ms `print`.
//
// When output fails: a reader that stops early (`baketree list targets | head -1`) closes the
// pipe and the rest has nowhere to go. Node ignores SIGPIPE, so the write fails with EPIPE
// instead of ending the process: the CLI ends quietly, with the status of a program that
// SIGPIPE ended (128 + 13), as `cat` in the same place does. Any other failure is said in one
// line (EX_IOERR, 74), never as a stack trace. Either way, what a command asked to finish
// first (a running build: stopped, its run saved; see onOutputFailure) is finished first.

import {writeSync} from 'node:fs';

const work = new Set<() => Promise<unknown>>();
let failed = false;

/** Work to finish before the CLI ends because its output failed; returns its remover. */
export function onOutputFailure(finish: () => Promise<unknown>): () => void {
	work.add(finish);
	return () => {
		work.delete(finish);
	};
}

/** Whether output has failed: the CLI is ending (outputFailed), nothing else should end it. */
export function outputHasFailed(): boolean {
	return failed;
}

/** Standard output failed: finish what was asked, then end the CLI with EPIPE's or 74. */
export function outputFailed(err: NodeJS.ErrnoException): void {
	// The first failure decides; what the command still writes meanwhile goes nowhere.
	if (failed) return;
	failed = true;
	const code = err.code === 'EPIPE' ? 141 : 74;
	if (code === 74)
		process.stderr.write(`baketree: cannot write to standard output: ${err.message}\n`);
	void Promise.allSettled([...work].map((finish) => finish())).finally(() => process.exit(code));
}

/** process.stdout's errors, for the commands that use the stream (views, builds). */
export function watchStdoutStream(): void {
	process.stdout.on('error', outputFailed);
}

/**
 * Standard output as file descriptor 1 (`fd`), for a command that only writes: each write is
 * whole when it returns (also on a non-blocking pipe, which is waited for), and a failed one
 * ends the CLI as above.
 */
export function directStdout(fd = 1): {write(chunk: string): boolean} {
	const pause = new Int32Array(new SharedArrayBuffer(4));
	return {
		write(chunk) {
			if (failed) return false;
			const bytes = Buffer.from(chunk, 'utf8');
			let done = 0;
			while (done < bytes.length) {
				try {
					done += writeSync(fd, bytes, done, bytes.length - done);
				} catch (err) {
					if ((err as NodeJS.ErrnoException).code === 'EAGAIN') {
						Atomics.wait(pause, 0, 0, 5);
						continue;
					}
					outputFailed(err as NodeJS.ErrnoException);
					return false;
				}
			}
			return true;
		},
	};
}
