// Composition root: argv -> command. The only place that turns errors into exit codes.
import {COMMANDS} from './cli/commands.js';
import {preloadComposeSupport} from './cli/compose-preload.js';
import {finishOutputFailureWork, processIo, UsageError} from './cli/io.js';
import {baketreeVersion} from './cli/version.js';
import {DiagnosticError, formatDiagnostics} from './core/diagnostics.js';

const HELP = `baketree: explore, build and test Docker Bake trees

Usage: baketree [COMMAND] [OPTIONS]
       baketree --help | --version

Without a command, opens the tree browser (or prints the tree when not on a terminal).
Run 'baketree COMMAND --help' for the options of one command.

Options:
  -h, --help     show this help
      --version  print baketree's version

Commands:
`;

async function main(argv: readonly string[]): Promise<number> {
	const io = processIo();
	const [first, ...rest] = argv;
	if (first === '--version') {
		io.stdout.write(`baketree ${await baketreeVersion()}\n`);
		return 0;
	}
	if (first === '--help' || first === '-h' || first === 'help') {
		const lines = await Promise.all(
			Object.entries(COMMANDS).map(
				async ([name, load]) => `  ${name.padEnd(12)}${(await load()).summary}`,
			),
		);
		io.stdout.write(`${HELP}${lines.join('\n')}\n`);
		return 0;
	}
	const isCommand = first !== undefined && Object.hasOwn(COMMANDS, first);
	const name = isCommand ? first : 'ui';
	const load = COMMANDS[name];
	if (!load) {
		io.stderr.write(`baketree: unknown command "${first}"; see 'baketree --help'\n`);
		return 1;
	}
	const command = await load();
	try {
		await preloadComposeSupport(name, isCommand ? rest : argv, io);
		return await command.run(isCommand ? rest : argv, io);
	} catch (err) {
		if (err instanceof DiagnosticError) {
			io.stderr.write(`${formatDiagnostics(err.diagnostics, err.sources)}\n`);
			return 1;
		}
		if (err instanceof UsageError) {
			io.stderr.write(`baketree: ${err.message}\n`);
			return err.code;
		}
		// node:util parseArgs rejects unknown or malformed options with these codes: bad input.
		if (isArgumentError(err)) {
			io.stderr.write(`baketree: ${err.message}\nRun 'baketree ${name} --help' for the options.\n`);
			return 1;
		}
		throw err;
	}
}

/**
 * Commands that are done when they return: they start no process and leave no write or
 * timer behind. Node's own shutdown after its event loop empties (tearing the heap down) costs
 * them ~15 ms, a twelfth of `baketree print`: they exit as soon as their output is written.
 */
const DONE_ON_RETURN: ReadonlySet<string> = new Set(['print', 'list', 'tree', 'check']);

/** Exits with `code` once standard output and error hold nothing unwritten. */
function exitWhenFlushed(code: number): void {
	// A write to a file fails at once, but its 'error' event comes after this: not lost here.
	const failed = process.stdout.errored;
	if (failed) {
		onOutputError(failed);
		return;
	}
	const pending = [process.stdout, process.stderr].filter((s) => s.writableLength > 0);
	if (pending.length === 0) process.exit(code);
	let left = pending.length;
	for (const s of pending)
		s.once('drain', () => {
			if (--left === 0) process.exit(code);
		});
}

function isArgumentError(err: unknown): err is Error {
	const code = (err as {code?: unknown} | null)?.code;
	return err instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

let outputFailed = false;

/**
 * A reader that stops early (`baketree list targets | head -1`) closes the pipe, and the rest
 * of the output has nowhere to go. Node ignores SIGPIPE, so the write fails with EPIPE instead
 * of ending the process: end it quietly, with the status of a program that SIGPIPE ended
 * (128 + 13), as `cat` in the same place does. Any other failure to write the output is said
 * in one line (EX_IOERR), never as a stack trace. Either way, what a command asked to finish
 * first (a running build: stopped, its run saved; CliIo.onOutputFailure) is finished first.
 */
function onOutputError(err: NodeJS.ErrnoException): void {
	// The first failure decides; what the command still writes meanwhile goes nowhere.
	if (outputFailed) return;
	outputFailed = true;
	const code = err.code === 'EPIPE' ? 141 : 74;
	if (code === 74)
		process.stderr.write(`baketree: cannot write to standard output: ${err.message}\n`);
	void finishOutputFailureWork().finally(() => process.exit(code));
}

process.stdout.on('error', onOutputError);
const commandName = process.argv[2];
main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
		if (commandName !== undefined && DONE_ON_RETURN.has(commandName)) exitWhenFlushed(code);
	},
	(err: unknown) => {
		// A bug, not bad input: say so briefly; BAKETREE_DEBUG shows the stack.
		const message = err instanceof Error ? err.message : String(err);
		process.stderr.write(`baketree: internal error: ${message}\n`);
		if (process.env['BAKETREE_DEBUG'] && err instanceof Error)
			process.stderr.write(`${err.stack}\n`);
		process.exitCode = 70;
	},
);
