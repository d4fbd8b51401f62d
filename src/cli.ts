// Composition root: argv -> command. The only place that turns errors into exit codes.

import {COMMANDS} from './cli/commands.js';
import {preloadComposeSupport} from './cli/compose-preload.js';
import {type CliIo, processIo, stderrWasUsed, UsageError} from './cli/io.js';
import {outputHasFailed, watchStdoutStream} from './cli/output.js';
import {PRINTING_COMMANDS} from './cli/printing-commands.js';
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

async function main(argv: readonly string[], io: CliIo): Promise<number> {
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
 * A printing command's end: exits with `code` once standard error holds nothing unwritten
 * (its output went straight out, output.ts), unless failed output is ending the CLI already.
 */
function exitWhenFlushed(code: number): void {
	if (outputHasFailed()) return;
	if (!stderrWasUsed() || process.stderr.writableLength === 0) process.exit(code);
	process.stderr.once('drain', () => process.exit(code));
}

function isArgumentError(err: unknown): err is Error {
	const code = (err as {code?: unknown} | null)?.code;
	return err instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

const commandName = process.argv[2];
// Node's own shutdown after its event loop empties (tearing the heap down) costs ~15 ms, a
// twelfth of `baketree print`: the printing commands exit as soon as their output is written.
const printsOnly = commandName !== undefined && PRINTING_COMMANDS.has(commandName);
// The other commands (views, builds, help) write through Node's stream; its errors are watched.
if (!printsOnly) watchStdoutStream();
main(process.argv.slice(2), processIo({direct: printsOnly})).then(
	(code) => {
		process.exitCode = code;
		if (printsOnly) exitWhenFlushed(code);
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
