// The commands that print one result and return (they start no process and leave no write
// or timer behind). The CLI exits as soon as their output is written (src/cli.ts) and they
// write it straight to standard output's descriptor (output.ts); the launcher names their
// code cache without asking whether that is a terminal (src/launcher.ts).
export const PRINTING_COMMANDS: ReadonlySet<string> = new Set(['print', 'list', 'tree', 'check']);
