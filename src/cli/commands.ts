// The subcommands. Each is loaded on demand so that `baketree print` never loads the UI.
// Add a command: one file in ./commands exporting `command`, one line here.
import type {CliIo} from './io.js';

export interface Command {
	readonly summary: string;
	/** Returns the process exit code. */
	run(args: readonly string[], io: CliIo): Promise<number>;
}

type Loader = () => Promise<Command>;

export const COMMANDS: Readonly<Record<string, Loader>> = {};
