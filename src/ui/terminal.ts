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
	/** Wipes what was drawn before Ink takes over (the first paint, keys echoed meanwhile). */
	clear(): void;
}

/** The terminal's size, with the usual defaults when it does not say. */
export function terminalSize(out: {columns?: number; rows?: number}): {
	columns: number;
	rows: number;
} {
	return {columns: out.columns || 80, rows: out.rows || 24};
}

const SIGNAL_EXIT_CODES: Readonly<Record<string, number>> = {
	SIGINT: 130,
	SIGTERM: 143,
	SIGHUP: 129,
};

/** The exit code of a process ended by `signal`, as a shell reports it (128 + its number). */
export function signalExitCode(signal: string): number {
	return SIGNAL_EXIT_CODES[signal] ?? 1;
}

/**
 * Enters the alternate screen and arranges for it to be left on exit, SIGINT/SIGTERM/SIGHUP
 * and uncaught errors. `onSignal` runs after the terminal is restored (it should exit, at
 * once or once it has stopped what runs).
 */
export function enterFullScreen(out: TerminalOut, onSignal: (signal: string) => void): FullScreen {
	let active = true;
	out.write(ENTER_ALT + HIDE_CURSOR + CLEAR);
	const leaveScreen = (): void => {
		if (!active) return;
		active = false;
		out.write(SHOW_CURSOR + LEAVE_ALT);
	};
	const restore = (): void => {
		leaveScreen();
		process.off('exit', restore);
		for (const [sig, fn] of handlers) process.off(sig, fn);
		process.off('uncaughtException', crash);
		process.off('unhandledRejection', crash);
	};
	// The handlers stay while onSignal runs: it may wait (for a build to stop) before it exits,
	// and without a listener of ours Ink's signal-exit would raise the signal again meanwhile.
	const handlers: [NodeJS.Signals, () => void][] = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map(
		(sig) => [
			sig,
			() => {
				leaveScreen();
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
	return {
		restore,
		clear: () => {
			if (active) out.write(CLEAR);
		},
	};
}
