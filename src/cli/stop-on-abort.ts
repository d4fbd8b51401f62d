// A long command runs a child (buildx, the Complement suite) in its own process group, which
// no signal sent to baketree reaches. So while it runs, Ctrl-C, SIGTERM, SIGHUP and the loss
// of standard output (output.ts) all stop it as Ctrl-C does, and baketree ends only once the
// child has ended and its run is saved: never a child left running on its own, never a run
// without its end.

import {signalExitCode} from '../ui/terminal.js';
import type {CliIo} from './io.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * For a command without its view (a plain build or Complement run): stopping it ends the
 * command, which then reports what it has. Returns the function that ends the arrangement.
 */
export function stopOnAbort(io: CliIo, cancel: () => void, done: Promise<unknown>): () => void {
	for (const s of SIGNALS) process.on(s, cancel);
	const forget = io.onOutputFailure?.(async () => {
		cancel();
		await done;
	});
	return () => {
		for (const s of SIGNALS) process.off(s, cancel);
		forget?.();
	};
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
	const handlers = SIGNALS.map((sig) => {
		const onSignal = () => {
			void stop().finally(() => process.exit(signalExitCode(sig)));
		};
		return [sig, onSignal] as const;
	});
	for (const [sig, fn] of handlers) process.on(sig, fn);
	const forget = io.onOutputFailure?.(stop);
	return () => {
		for (const [sig, fn] of handlers) process.off(sig, fn);
		forget?.();
	};
}
