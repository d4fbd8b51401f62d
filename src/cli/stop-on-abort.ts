// A long command runs a child (buildx, the Complement suite) in its own process group, which
// no signal sent to baketree reaches. So while it runs, Ctrl-C, SIGTERM, SIGHUP and the loss
// of standard output (output.ts) all stop it as Ctrl-C does, and baketree ends only once the
// child has ended and its run is saved: never a child left running on its own, never a run
// without its end.

import {signalExitCode} from '../ui/terminal.js';
import type {CliIo} from './io.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * While a run goes on: `onSignal` for each of SIGNALS, and `stop` (stop the child, wait for its
 * run to be saved) before the CLI ends on failed output. Returns what ends the arrangement.
 */
function arrange(
	io: Pick<CliIo, 'onOutputFailure'>,
	onSignal: (signal: (typeof SIGNALS)[number]) => void,
	stop: () => Promise<unknown>,
): () => void {
	const handlers = SIGNALS.map((sig) => [sig, () => onSignal(sig)] as const);
	for (const [sig, fn] of handlers) process.on(sig, fn);
	const forget = io.onOutputFailure?.(stop);
	return () => {
		for (const [sig, fn] of handlers) process.off(sig, fn);
		forget?.();
	};
}

/** A run that can be stopped: BuildHandle, ComplementSession. */
export interface StoppableRun {
	/** Stops the child as Ctrl-C does. */
	cancel(): void;
	/** The same, resolved once the run has ended and is saved. */
	stop(): Promise<unknown>;
}

/**
 * For a command without its view (a plain build or Complement run): stopping it ends the
 * command, which then reports what it has. Returns the function that ends the arrangement.
 */
export function stopOnAbort(io: Pick<CliIo, 'onOutputFailure'>, run: StoppableRun): () => void {
	return arrange(
		io,
		() => run.cancel(),
		() => run.stop(),
	);
}

/**
 * For a full-screen view over a running child: nobody may be there to press q (a closed
 * terminal), so once `stop` has ended the child and saved its run, baketree ends with the
 * signal's status (128 + its number). Returns the function that ends the arrangement.
 */
export function exitOnAbort(
	io: Pick<CliIo, 'onOutputFailure'>,
	stop: () => Promise<unknown>,
): () => void {
	return arrange(
		io,
		(sig) => {
			void stop().finally(() => process.exit(signalExitCode(sig)));
		},
		stop,
	);
}
