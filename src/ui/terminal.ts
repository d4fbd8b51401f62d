// Full-screen terminal handling that Ink 6 does not do itself: the alternate screen, a hidden
// cursor, and putting both back on every way out (quit, signals, crashes).

const ENTER_ALT = '\x1b[?1049h';
const LEAVE_ALT = '\x1b[?1049l';
const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';
const CLEAR = '\x1b[2J\x1b[H';

export interface TerminalOut {
	write(chunk: string): unknown;
}

export interface FullScreen {
	/** Leaves the alternate screen and shows the cursor; safe to call more than once. */
	restore(): void;
}

/**
 * Enters the alternate screen and arranges for it to be left on exit, SIGINT/SIGTERM/SIGHUP
 * and uncaught errors. `onSignal` runs after the terminal is restored (it should exit).
 */
export function enterFullScreen(out: TerminalOut, onSignal: (signal: string) => void): FullScreen {
	let active = true;
	out.write(ENTER_ALT + HIDE_CURSOR + CLEAR);
	const restore = (): void => {
		if (!active) return;
		active = false;
		out.write(SHOW_CURSOR + LEAVE_ALT);
		process.off('exit', restore);
		for (const [sig, fn] of handlers) process.off(sig, fn);
		process.off('uncaughtException', crash);
		process.off('unhandledRejection', crash);
	};
	const handlers: [NodeJS.Signals, () => void][] = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map(
		(sig) => [
			sig,
			() => {
				restore();
				onSignal(sig);
			},
		],
	);
	const crash = (err: unknown): void => {
		restore();
		const message = err instanceof Error ? err.message : String(err);
		process.stderr.write(`baketree: internal error: ${message}\n`);
		if (process.env['BAKETREE_DEBUG'] && err instanceof Error)
			process.stderr.write(`${err.stack}\n`);
		process.exit(70);
	};
	process.on('exit', restore);
	for (const [sig, fn] of handlers) process.on(sig, fn);
	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);
	return {restore};
}
