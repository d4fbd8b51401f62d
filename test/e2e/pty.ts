// Runs `dist/cli.js ARGS` in a pseudo-terminal, as a shell runs `baketree` (the script starts
// the `node` on PATH: the one running the tests is put first), and keeps a headless xterm
// screen of it, so e2e tests read what a person would see. Shared by every e2e test.

import {delimiter, dirname} from 'node:path';
import {fileURLToPath} from 'node:url';
import xterm from '@xterm/headless';
import * as pty from 'node-pty';
import {childEnv} from './child-env.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface PtyOptions {
	readonly env?: Record<string, string>;
	readonly cols?: number;
	readonly rows?: number;
	readonly cwd?: string;
	/** Standard input from this file instead of the terminal (which stays the controlling one). */
	readonly stdinFile?: string;
}

export interface PtySession {
	/** The visible screen as text lines joined by \n (trailing spaces trimmed). */
	screen(): Promise<string>;
	/** Waits until the screen contains the text (or matches the regex). */
	waitFor(what: string | RegExp, timeoutMs?: number): Promise<string>;
	/** Types keys (strings are written as is: '\r' Enter, '\x1b[B' down). */
	press(keys: string): void;
	/** Everything the program wrote, raw. */
	output(): string;
	readonly exit: Promise<{exitCode: number; signal?: number | undefined}>;
	kill(signal?: string): void;
}

export const KEY = {enter: '\r', up: '\x1b[A', down: '\x1b[B', esc: '\x1b', ctrlC: '\x03'} as const;

export function spawnCli(args: readonly string[], opts: PtyOptions = {}): PtySession {
	const cols = opts.cols ?? 120;
	const rows = opts.rows ?? 30;
	const term = new xterm.Terminal({cols, rows, allowProposedApi: true});
	const [command, argv] = opts.stdinFile
		? ['/bin/sh', ['-c', 'f=$1; shift; exec "$@" < "$f"', 'sh', opts.stdinFile, CLI]]
		: [CLI, []];
	const child = pty.spawn(command, [...argv, ...args], {
		name: 'xterm-256color',
		cols,
		rows,
		cwd: opts.cwd ?? ROOT,
		env: childEnv({
			PATH: `${dirname(process.execPath)}${delimiter}${process.env['PATH'] ?? ''}`,
			HOME: process.env['HOME'] ?? '/tmp',
			TERM: 'xterm-256color',
			CI: 'false',
			...opts.env,
		}),
	});
	let raw = '';
	child.onData((d) => {
		raw += d;
		term.write(d);
	});
	const exit = new Promise<{exitCode: number; signal?: number | undefined}>((resolve) => {
		child.onExit((e) => resolve(e));
	});
	const screen = async () => {
		await new Promise<void>((r) => term.write('', r));
		const buf = term.buffer.active;
		const lines: string[] = [];
		for (let y = 0; y < term.rows; y++)
			lines.push(buf.getLine(buf.viewportY + y)?.translateToString(true) ?? '');
		return lines.join('\n');
	};
	return {
		screen,
		async waitFor(what, timeoutMs = 20_000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const s = await screen();
				if (typeof what === 'string' ? s.includes(what) : what.test(s)) return s;
				if (Date.now() > deadline)
					throw new Error(`timed out waiting for ${String(what)}; screen:\n${s}`);
				await new Promise((r) => setTimeout(r, 50));
			}
		},
		press(keys) {
			child.write(keys);
		},
		output: () => raw,
		exit,
		kill(signal) {
			child.kill(signal);
		},
	};
}
