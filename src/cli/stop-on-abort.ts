// A long command without its view (a plain build, a plain Complement run) runs a child in its
// own process group, which no signal sent to baketree reaches. So while it runs, Ctrl-C,
// SIGTERM, SIGHUP and the loss of standard output (output.ts) all stop it as Ctrl-C does, and
// baketree ends only once the child has ended and its run is saved: never a child left
// running on its own, never a run without its end.

import type {CliIo} from './io.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Arranges the above for one run; returns the function that ends the arrangement. */
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
