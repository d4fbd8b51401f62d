// The subcommands. Each is loaded on demand so that `baketree print` never loads the UI.
// Add a command: one file in ./commands exporting `command`, one line here.
import type {CliIo} from './io.js';

export interface Command {
	readonly summary: string;
	/** Returns the process exit code. */
	run(args: readonly string[], io: CliIo): Promise<number>;
}

type Loader = () => Promise<Command>;

export const COMMANDS: Readonly<Record<string, Loader>> = {
	ui: async () => (await import('./commands/ui.js')).command,
	tree: async () => (await import('./commands/tree.js')).command,
	print: async () => (await import('./commands/print.js')).command,
	list: async () => (await import('./commands/list.js')).command,
	check: async () => (await import('./commands/check.js')).command,
	build: async () => (await import('./commands/build.js')).command,
	replay: async () => (await import('./commands/replay.js')).command,
	runs: async () => (await import('./commands/runs.js')).command,
	complement: async () => (await import('./commands/complement.js')).command,
};
